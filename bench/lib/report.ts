import * as fs from 'fs';
import * as path from 'path';

export interface Target {
  op: '>=' | '<=';
  value: number;
}

export interface Figure {
  key: string;
  label: string;
  value: number | null;
  unit: string;
  target?: Target;
  /** value ÷ the raw INSERT baseline, with its own minimum. */
  ratio?: { value: number | null; min: number };
  note?: string;
}

export type Verdict = 'pass' | 'FAIL' | '—';

export function verdict(figure: Figure): Verdict {
  if (!figure.target && !figure.ratio) return '—';
  if (figure.value === null || Number.isNaN(figure.value)) return 'FAIL';
  const meets = (value: number, target: Target) => (target.op === '>=' ? value >= target.value : value <= target.value);
  if (figure.target && !meets(figure.value, figure.target)) return 'FAIL';
  if (figure.ratio && (figure.ratio.value === null || figure.ratio.value < figure.ratio.min)) return 'FAIL';
  return 'pass';
}

function formatNumber(value: number | null, unit: string): string {
  if (value === null || Number.isNaN(value)) return 'n/a';
  const digits = value >= 1000 || unit === 'findings' || unit === 'waits' ? 0 : unit === 'ms' || unit === 'MB' || value < 100 ? 1 : 0;
  return `${value.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits })} ${unit}`;
}

function formatTarget(figure: Figure): string {
  const parts: string[] = [];
  if (figure.target) parts.push(`${figure.target.op === '>=' ? '≥' : '≤'} ${formatNumber(figure.target.value, figure.unit)}`);
  if (figure.ratio) parts.push(`≥ ${figure.ratio.min} × baseline`);
  return parts.join(' and ') || '—';
}

export function tableRows(figures: Figure[]): string[][] {
  return figures.map((f) => [
    f.label,
    formatNumber(f.value, f.unit),
    formatTarget(f),
    f.ratio ? (f.ratio.value === null ? 'n/a' : `${f.ratio.value.toFixed(2)} ×`) : '',
    verdict(f),
  ]);
}

export const TABLE_HEADER = ['Figure', 'Value', 'Target', 'vs baseline', 'Result'];

/** The figures as an aligned plain-text table. */
export function renderTable(figures: Figure[]): string {
  const rows = [TABLE_HEADER, ...tableRows(figures)];
  const widths = TABLE_HEADER.map((_, c) => Math.max(...rows.map((r) => r[c].length)));
  const line = (cells: string[]) => cells.map((cell, c) => (c === 0 ? cell.padEnd(widths[c]) : cell.padStart(widths[c]))).join('  ');
  return [line(rows[0]), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.slice(1).map(line)].join('\n');
}

/** The same table in Markdown, for docs/performance.md. */
export function renderMarkdown(figures: Figure[]): string {
  const rows = tableRows(figures);
  return [
    `| ${TABLE_HEADER.join(' | ')} |`,
    `|${TABLE_HEADER.map((_, c) => (c === 0 ? '---' : '---:')).join('|')}|`,
    ...rows.map((r) => `| ${r.join(' | ')} |`),
  ].join('\n');
}

export function writeResults(dir: string, stamp: string, result: object): string {
  fs.mkdirSync(dir, { recursive: true });
  const file = path.join(dir, `${stamp}.json`);
  fs.writeFileSync(file, `${JSON.stringify(result, null, 2)}\n`);
  return file;
}
