import { readFileSync } from 'node:fs';
import { fixed, formatTable } from './load';

/**
 * Summarizes a V8 `.cpuprofile` (from `--profile-server DIR`) by where the busy time went:
 * per area (an npm package, a `src/` directory, a Node core module) self and inclusive, and
 * the functions with the most self time. Idle samples are left out of every percentage.
 *
 *   node dist/bench/cpu-profile.js FILE [--top N]
 */

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}

interface CpuProfile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

/** The area a frame belongs to: `pkg` for node_modules, `src/<dir>` for ours, `node:<module>`, or V8's own. */
export function areaOf(url: string, functionName: string): string {
  const modules = url.lastIndexOf('/node_modules/');
  if (modules >= 0) {
    const [first, second] = url.slice(modules + '/node_modules/'.length).split('/');
    return first.startsWith('@') ? `${first}/${second}` : first;
  }
  const ours = /\/dist\/(src|bench)\/(?:([^/]+)\/)?/.exec(url);
  if (ours) return ours[2] === undefined ? ours[1] : `${ours[1]}/${ours[2]}`;
  if (url.startsWith('node:')) return url.split('/')[0];
  if (url === '') return functionName.startsWith('(') ? functionName : '(native)';
  return url;
}

/** Node core and V8 frames: their time is charged to the nearest caller that is not one of them. */
const isRuntime = (area: string) => area.startsWith('node:') || area.startsWith('(');

export function summarizeProfile(profile: CpuProfile, top = 25): string {
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const parent = new Map<number, number>();
  for (const node of profile.nodes) for (const child of node.children ?? []) parent.set(child, node.id);

  const selfByArea = new Map<string, number>();
  const inclusiveByArea = new Map<string, number>();
  const selfByFunction = new Map<string, number>();
  const byOwner = new Map<string, number>();
  const add = (map: Map<string, number>, key: string, micros: number) => map.set(key, (map.get(key) ?? 0) + micros);
  let busy = 0;
  profile.samples.forEach((id, index) => {
    const micros = profile.timeDeltas[index] ?? 0;
    const node = byId.get(id)!;
    const { functionName, url, lineNumber } = node.callFrame;
    if (functionName === '(idle)') return;
    busy += micros;
    add(selfByArea, areaOf(url, functionName), micros);
    add(selfByFunction, `${functionName || '(anonymous)'} ${url.replace(/^.*\/(node_modules|dist)\//, '')}:${lineNumber + 1}`, micros);
    const onStack = new Set<string>();
    let owner: string | undefined;
    for (let at: number | undefined = id; at !== undefined; at = parent.get(at)) {
      const frame = byId.get(at)!.callFrame;
      if (frame.functionName === '(root)') continue;
      const area = areaOf(frame.url, frame.functionName);
      onStack.add(area);
      if (owner === undefined && !isRuntime(area)) owner = area;
    }
    for (const area of onStack) add(inclusiveByArea, area, micros);
    add(byOwner, owner ?? (functionName.startsWith('(') ? functionName : '(node core, no package on the stack)'), micros);
  });

  const share = (micros: number) => fixed((micros / busy) * 100, 1);
  const ranked = (map: Map<string, number>) => [...map].sort((a, b) => b[1] - a[1]).slice(0, top);
  return [
    `busy CPU in the profile: ${fixed(busy / 1e6, 2)} s`,
    '',
    formatTable(
      ['area', 'self %', 'inclusive %'],
      ranked(selfByArea).map(([area, micros]) => [area, share(micros), share(inclusiveByArea.get(area) ?? 0)]),
    ),
    '',
    'by owner (Node core and native time charged to the nearest package or src/ directory calling it):',
    formatTable(['owner', '%'], ranked(byOwner).map(([area, micros]) => [area, share(micros)])),
    '',
    'inclusive % by area (time with any frame of the area on the stack):',
    formatTable(['area', 'inclusive %'], ranked(inclusiveByArea).map(([area, micros]) => [area, share(micros)])),
    '',
    formatTable(['self %', 'function'], ranked(selfByFunction).map(([name, micros]) => [share(micros), name])),
  ].join('\n');
}

if (require.main === module) {
  const [file, flag, count] = process.argv.slice(2);
  if (file === undefined) {
    console.error('usage: node dist/bench/cpu-profile.js FILE.cpuprofile [--top N]');
    process.exit(2);
  }
  const profile = JSON.parse(readFileSync(file, 'utf8')) as CpuProfile;
  console.log(summarizeProfile(profile, flag === '--top' ? Number(count) : undefined));
}
