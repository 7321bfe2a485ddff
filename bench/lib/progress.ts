import { Presets, SingleBar } from 'cli-progress';

export interface PhaseProgress {
  update(value: number): void;
  done(summary?: string): void;
}

/** A progress bar per step on a terminal; plain start and end lines otherwise (CI, logs). */
export class Progress {
  private readonly tty = Boolean(process.stderr.isTTY);

  log(line: string): void {
    process.stderr.write(`${line}\n`);
  }

  step(title: string, total: number, unit: string): PhaseProgress {
    const started = Date.now();
    const elapsed = () => `${((Date.now() - started) / 1000).toFixed(1)} s`;
    if (!this.tty) {
      this.log(`• ${title}…`);
      return { update: () => undefined, done: (summary) => this.log(`  ${title}: done in ${elapsed()}${summary ? ` — ${summary}` : ''}`) };
    }
    const bar = new SingleBar(
      { format: `  ${title.padEnd(34)} [{bar}] {percentage}% | {value}/{total} ${unit} | {duration}s`, hideCursor: true, clearOnComplete: true },
      Presets.shades_classic,
    );
    bar.start(Math.max(1, Math.round(total)), 0);
    return {
      update: (value) => bar.update(Math.min(Math.round(value), Math.max(1, Math.round(total)))),
      done: (summary) => {
        bar.stop();
        this.log(`  ✓ ${title} (${elapsed()})${summary ? ` — ${summary}` : ''}`);
      },
    };
  }
}
