import { readFileSync } from 'node:fs';
import { formatTable } from './load';

/**
 * Where live memory went between two V8 heap snapshots (from the subscriptions benchmark's
 * `--heap-snapshot DIR`): objects grouped by kind and constructor (closures by function name,
 * strings, arrays and V8's internal objects by kind), the groups that grew most, with counts and
 * bytes per unit (per subscriber, say). Self sizes only: no retained sizes, so a group is what
 * its own objects take.
 *
 *   node dist/bench/heap-snapshot.js BEFORE AFTER [--per N] [--top N]
 */

interface HeapSnapshot {
  snapshot: { meta: { node_fields: string[]; node_types: [string[], ...unknown[]] } };
  nodes: number[];
  strings: string[];
}

export interface HeapGroup {
  key: string;
  count: number;
  bytes: number;
}

/** The group of a node: constructor name for objects, function name for closures, kind otherwise. */
function groupKey(type: string, name: string): string {
  if (type === 'object' || type === 'closure') return `${type} ${name}`;
  if (type === 'native' || type === 'hidden' || type === 'array' || type === 'object shape') return `${type} ${name.split(' ')[0].slice(0, 60)}`;
  return type;
}

export function summarizeHeapSnapshot(text: string): Map<string, HeapGroup> {
  const heap = JSON.parse(text) as HeapSnapshot;
  const fields = heap.snapshot.meta.node_fields;
  const types = heap.snapshot.meta.node_types[0];
  const width = fields.length;
  const typeAt = fields.indexOf('type');
  const nameAt = fields.indexOf('name');
  const sizeAt = fields.indexOf('self_size');
  const groups = new Map<string, HeapGroup>();
  for (let i = 0; i < heap.nodes.length; i += width) {
    const key = groupKey(types[heap.nodes[i + typeAt]], heap.strings[heap.nodes[i + nameAt]]);
    let group = groups.get(key);
    if (group === undefined) groups.set(key, (group = { key, count: 0, bytes: 0 }));
    group.count++;
    group.bytes += heap.nodes[i + sizeAt];
  }
  return groups;
}

/** After minus before, largest growth first. */
export function diffHeapGroups(before: Map<string, HeapGroup>, after: Map<string, HeapGroup>): HeapGroup[] {
  const diff: HeapGroup[] = [];
  for (const [key, group] of after) {
    const old = before.get(key);
    diff.push({ key, count: group.count - (old?.count ?? 0), bytes: group.bytes - (old?.bytes ?? 0) });
  }
  return diff.sort((a, b) => b.bytes - a.bytes);
}

function main(argv: string[]): void {
  const files = argv.filter((arg, i) => !arg.startsWith('--') && !argv[i - 1]?.startsWith('--'));
  const option = (name: string, fallback: number) => {
    const at = argv.indexOf(`--${name}`);
    return at >= 0 ? Number(argv[at + 1]) : fallback;
  };
  if (files.length !== 2) throw new Error('usage: node dist/bench/heap-snapshot.js BEFORE AFTER [--per N] [--top N]');
  const per = option('per', 1);
  const top = option('top', 30);
  const diff = diffHeapGroups(summarizeHeapSnapshot(readFileSync(files[0], 'utf8')), summarizeHeapSnapshot(readFileSync(files[1], 'utf8')));
  const total = diff.reduce((sum, group) => sum + group.bytes, 0);
  console.log(`growth: ${(total / 1024 / 1024).toFixed(1)} MiB, ${(total / per).toFixed(0)} B per unit (${per} units)`);
  console.log(formatTable(
    ['group', 'count/unit', 'bytes/unit', 'share'],
    diff.slice(0, top).map((group) => [group.key, (group.count / per).toFixed(2), (group.bytes / per).toFixed(0), `${((group.bytes / total) * 100).toFixed(1)}%`]),
  ));
}

if (require.main === module) main(process.argv.slice(2));
