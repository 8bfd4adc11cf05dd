/**
 * A sequential model of one user's queue (queue-engine.md §3–§7, restricted to flows without
 * rules or parameters) and a seeded PRNG, for randomized tests that compare the server's queue
 * with what a serial execution would leave.
 */
import { queueRows } from './flows';
import type { TestServer } from './server';

/** mulberry32: a tiny seeded PRNG; returns floats in [0, 1). */
export function mulberry32(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Convenience draws over a seeded source. */
export class Rng {
  private readonly next: () => number;
  constructor(seed: number) {
    this.next = mulberry32(seed);
  }
  /** An integer in [min, max]. */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }
  pick<T>(items: readonly T[]): T {
    return items[this.int(0, items.length - 1)];
  }
  chance(p: number): boolean {
    return this.next() < p;
  }
  /** `count` distinct items, in random order. */
  sample<T>(items: readonly T[], count: number): T[] {
    const pool = [...items];
    const out: T[] = [];
    while (out.length < count && pool.length > 0) out.push(pool.splice(this.int(0, pool.length - 1), 1)[0]);
    return out;
  }
}

/** One flow as the model sees it: each screen's header and snapshot of `allowed_triggers`. */
export interface ModelFlow {
  slug: string;
  replaces: boolean;
  screens: { header: string; allowedTriggers: string[] }[];
}

/** What the comparison looks at: the header naming the screen and the batch counters. */
export interface RowKey {
  header: string;
  outer: number;
  inner: number;
}

export interface ModelRow extends RowKey {
  allowedTriggers: string[];
}

/** The special flows a pop or trigger can end in that queue nothing with the seeded defaults. */
const SILENT_SPECIAL_FLOWS = ['skip', 'forbidden', 'desync', 'not_found'];

/**
 * One user's queue, front first, changed one serial operation at a time. `empty` is the seeded
 * special flow; every other flow the test uses must be registered in `flows`.
 */
export class QueueModel {
  rows: ModelRow[] = [];

  constructor(
    private readonly flows: ReadonlyMap<string, ModelFlow>,
    private readonly empty: ModelFlow,
  ) {}

  clone(): QueueModel {
    const copy = new QueueModel(this.flows, this.empty);
    copy.rows = this.rows.map((row) => ({ ...row, allowedTriggers: [...row.allowedTriggers] }));
    return copy;
  }

  get front(): ModelRow | undefined {
    return this.rows[0];
  }

  allowed(header: string): string[] {
    if (header === this.empty.screens[0].header) return this.empty.screens[0].allowedTriggers;
    for (const flow of this.flows.values()) {
      const screen = flow.screens.find((s) => s.header === header);
      if (screen) return screen.allowedTriggers;
    }
    throw new Error(`no modelled screen has header ${header}`);
  }

  /** A trusted server trigger (§7.5): no pop, no allowed_triggers check. */
  trigger(slug: string): void {
    this.prepend(this.flow(slug));
    this.stabilize();
  }

  /** A peek on a queue whose screens are all visible: only an empty queue changes (§5). */
  peek(): void {
    this.stabilize();
  }

  /** A pop whose JWT names another row: nothing but the usual stabilization (§7.1 step 3). */
  desync(): void {
    this.stabilize();
  }

  /** A pop whose JWT names the front (§7.1 steps 4–6). */
  pop(trigger: string | null): void {
    const popped = this.rows.shift();
    if (popped === undefined) throw new Error('the model cannot pop an empty queue');
    if (trigger !== null && trigger !== 'skip' && popped.allowedTriggers.includes(trigger)) this.prepend(this.flow(trigger));
    this.stabilize();
  }

  /** Takes the front `count` rows from the server, where racing operations left their order open. */
  adopt(keys: readonly RowKey[], count: number): void {
    this.rows.splice(0, count, ...keys.slice(0, count).map((key) => ({ ...key, allowedTriggers: this.allowed(key.header) })));
  }

  keys(): RowKey[] {
    return this.rows.map(({ header, outer, inner }) => ({ header, outer, inner }));
  }

  private flow(slug: string): ModelFlow {
    if (SILENT_SPECIAL_FLOWS.includes(slug)) return { slug, replaces: false, screens: [] };
    const flow = this.flows.get(slug);
    if (!flow) throw new Error(`flow ${slug} is not modelled`);
    return flow;
  }

  /** The batch counter rule (§1.4): front + 1, or 1 on an empty (or just cleared) queue. */
  private prepend(flow: ModelFlow): void {
    if (flow.replaces) this.rows = [];
    const outer = this.rows.length === 0 ? 1 : this.rows[0].outer + 1;
    const batch = flow.screens.map((s, inner) => ({ header: s.header, outer, inner, allowedTriggers: s.allowedTriggers }));
    this.rows = [...batch, ...this.rows];
  }

  private stabilize(): void {
    if (this.rows.length === 0) this.prepend(this.empty);
  }
}

/**
 * The stored queue of a user, front first, as row keys. The header is the screen's
 * `fixed.header`, or the client screen slug for screens without one (the `empty` screen).
 */
export async function storedQueue(server: Pick<TestServer, 'sql'>, sub: string): Promise<RowKey[]> {
  return (await queueRows(server, sub)).map((r) => ({ header: r.header, outer: r.outerCounter, inner: r.innerCounter }));
}

/** The header the client renders: `parameters.header`, or the slug when the screen has none. */
export function shownHeader(active: { slug: string; parameters: Record<string, unknown> }): string {
  return typeof active.parameters.header === 'string' ? active.parameters.header : active.slug;
}
