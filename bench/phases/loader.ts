import { spawn } from 'child_process';
import { once } from 'events';
import { createWriteStream, mkdtempSync, readFileSync, rmSync } from 'fs';
import { tmpdir } from 'os';
import * as path from 'path';
import { RssSampler } from '../lib/monitors';
import { BenchContext } from '../lib/context';
import { randomHex } from '../lib/random';

const ROOT = path.resolve(__dirname, '../..');
const RSS_TARGET_MB = 150;

function vmRssKb(pid: number): number | null {
  try {
    const match = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return match ? Number(match[1]) : null;
  } catch {
    return null;
  }
}

/**
 * The shipped loader end to end: `bonus-engine load` (the built bin, one integrator client) sends
 * an NDJSON file of loadCustomerEventsExt events through the paced protocol until every event is
 * processed. Events/s from start to exit, and the loader's peak RSS, sampled as the app's is.
 */
export async function runLoader(ctx: BenchContext): Promise<void> {
  const count = ctx.sizes.loaderEvents;
  const dir = mkdtempSync(path.join(tmpdir(), 'bonus-bench-loader-'));
  const file = path.join(dir, 'events.ndjson');
  try {
    const writing = ctx.progress.step('loader: writing the NDJSON file', count, 'events');
    const out = createWriteStream(file);
    const run = randomHex(4);
    for (let i = 1; i <= count; i++) {
      const line = `${JSON.stringify(ctx.generator.commandItem(ctx.generator.operation(`loader-${run}-${i}`)))}\n`;
      if (!out.write(line)) await once(out, 'drain');
      if (i % 10_000 === 0) writing.update(i);
    }
    out.end();
    await once(out, 'finish');
    writing.done(`${count.toLocaleString('en-US')} lines`);

    const client = await ctx.api.createClient('bench-loader');
    const step = ctx.progress.step(`loader: bonus-engine load, ${count.toLocaleString('en-US')} events`, count, 'events');
    const started = performance.now();
    const child = spawn(path.join(ROOT, 'bin/bonus-engine.js'), [
      'load', '--url', `http://127.0.0.1:${ctx.options.port}`, '--api-key', client.apiKey,
      '--format', 'ndjson', '--json', '--progress-interval', '2', file,
    ], { stdio: ['ignore', 'pipe', 'pipe'] });
    const rss = new RssSampler(() => vmRssKb(child.pid!)).start();
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => {
      stderr += d;
      const sent = /sent (\d+)/.exec(String(d));
      if (sent) step.update(Number(sent[1]));
    });
    const [code] = (await once(child, 'close')) as [number | null];
    const seconds = (performance.now() - started) / 1000;
    const memory = rss.stop();
    if (code !== 0) throw new Error(`bonus-engine load exited ${code}: ${stderr.trim().split('\n').slice(-5).join(' | ')}`);
    const summary = JSON.parse(stdout.trim().split('\n').pop()!) as { sent: number; processed: number; rejected: number; failed: number };
    const rate = summary.processed / seconds;
    const commands = ctx.details.ingestCommands as { events: number; seconds: number; clients: number } | undefined;
    const pacedPerClient = commands ? commands.events / commands.seconds / commands.clients : null;
    step.done(`${Math.round(rate).toLocaleString('en-US')} events/s, peak RSS ${memory.peakMb} MB`);
    ctx.details.loader = {
      events: count, ...summary, seconds: Math.round(seconds * 100) / 100, eventsPerSecond: Math.round(rate), rss: memory,
      pacedCommandsPerClient: pacedPerClient === null ? null : Math.round(pacedPerClient),
    };
    ctx.figures.push(
      {
        key: 'loader', value: Math.round(rate), unit: 'events/s',
        label: `Loader: bonus-engine load, ${count.toLocaleString('en-US')}-line NDJSON, one client paced` +
          (pacedPerClient === null ? '' : ` (a paced client of the commands step: ${Math.round(pacedPerClient).toLocaleString('en-US')})`),
      },
      { key: 'loaderRss', label: 'Loader peak RSS', value: memory.peakMb, unit: 'MB', target: { op: '<=', value: RSS_TARGET_MB } },
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
