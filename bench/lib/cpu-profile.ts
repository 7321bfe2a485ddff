import * as fs from 'fs';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
}

interface CpuProfile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

export interface SelfTime {
  name: string;
  selfMs: number;
  /** Percent of the busy time (idle excluded). */
  percent: number;
}

export interface ProfileSummary {
  busyMs: number;
  idleMs: number;
  functions: SelfTime[];
  /** Self time grouped by where the code lives: an npm package, a folder of the app, node internals, GC. */
  groups: SelfTime[];
}

function shortLocation(url: string): string {
  const modules = url.lastIndexOf('node_modules/');
  if (modules >= 0) return url.slice(modules + 'node_modules/'.length);
  const dist = url.indexOf('/dist/');
  if (dist >= 0) return url.slice(dist + '/dist/'.length);
  return url.replace(/^file:\/\//, '');
}

function groupOf(frame: ProfileNode['callFrame']): string {
  const { url, functionName } = frame;
  if (!url) return functionName.startsWith('(') ? functionName : '(native)';
  if (url.startsWith('node:')) return 'node internals';
  const modules = url.lastIndexOf('node_modules/');
  if (modules >= 0) {
    const parts = url.slice(modules + 'node_modules/'.length).split('/');
    return parts[0].startsWith('@') ? `${parts[0]}/${parts[1]}` : parts[0];
  }
  const src = url.indexOf('/dist/src/');
  if (src >= 0) return `app: ${url.slice(src + '/dist/'.length).split('/').slice(0, 3).join('/')}`;
  return shortLocation(url);
}

/** Self time per function and per package of a V8 .cpuprofile (as `node --cpu-prof` writes it). */
export function summariseProfile(file: string, top = 25): ProfileSummary {
  const profile = JSON.parse(fs.readFileSync(file, 'utf8')) as CpuProfile;
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const functions = new Map<string, number>();
  const groups = new Map<string, number>();
  let idle = 0;
  let busy = 0;
  profile.samples.forEach((id, i) => {
    const node = byId.get(id);
    const ms = (profile.timeDeltas[i] ?? 0) / 1000;
    if (!node) return;
    const frame = node.callFrame;
    if (frame.functionName === '(idle)') {
      idle += ms;
      return;
    }
    busy += ms;
    const name = `${frame.functionName || '(anonymous)'}${frame.url ? ` ${shortLocation(frame.url)}:${frame.lineNumber + 1}` : ''}`;
    functions.set(name, (functions.get(name) ?? 0) + ms);
    const group = groupOf(frame);
    groups.set(group, (groups.get(group) ?? 0) + ms);
  });
  const ranked = (map: Map<string, number>) =>
    [...map.entries()].sort((a, b) => b[1] - a[1]).slice(0, top)
      .map(([name, ms]) => ({ name, selfMs: Math.round(ms), percent: Math.round((ms / busy) * 1000) / 10 }));
  return { busyMs: Math.round(busy), idleMs: Math.round(idle), functions: ranked(functions), groups: ranked(groups) };
}

export function renderProfile(summary: ProfileSummary): string {
  const lines = [`busy ${(summary.busyMs / 1000).toFixed(1)} s, idle ${(summary.idleMs / 1000).toFixed(1)} s`, '', 'self time by package / app folder:'];
  for (const g of summary.groups) lines.push(`  ${g.percent.toFixed(1).padStart(5)} %  ${String(g.selfMs).padStart(7)} ms  ${g.name}`);
  lines.push('', 'top functions by self time:');
  for (const f of summary.functions) lines.push(`  ${f.percent.toFixed(1).padStart(5)} %  ${String(f.selfMs).padStart(7)} ms  ${f.name}`);
  return lines.join('\n');
}
