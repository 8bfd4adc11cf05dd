import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';
import { QUEUE_OPERATIONS, type Metrics } from '../lib/metrics';
import type { DefinitionCacheMetrics } from '../services/definitions';

export type Transport = 'rest' | 'graphql';

/** Seconds; spans a warm peek (~1 ms) to a request stuck behind the lock retries. */
const LATENCY_BUCKETS = [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];

/**
 * The Prometheus view of one process (`GET /metrics`, docs/operations.md). Request latency is
 * observed as requests finish; everything else is read from the services' own counters at
 * scrape time, so the hot path pays nothing for it.
 */
export class PrometheusMetrics {
  readonly registry = new Registry();
  private readonly requestDuration: Histogram<'transport' | 'operation' | 'status'>;

  constructor(source: { metrics: Metrics; definitions: () => DefinitionCacheMetrics; subscriptions: () => number }) {
    const registers = [this.registry];
    collectDefaultMetrics({ register: this.registry, prefix: 'clientflows_' });
    this.requestDuration = new Histogram({
      name: 'clientflows_request_duration_seconds',
      help: 'HTTP requests by transport, operation (REST route or GraphQL root field) and status; _count is the request count.',
      labelNames: ['transport', 'operation', 'status'],
      buckets: LATENCY_BUCKETS,
      registers,
    });
    new Counter({
      name: 'clientflows_queue_operations_total',
      help: 'Committed queue operations by operation (peek, pop, custom_pop) and outcome (ok, popped, desync, forbidden, bad_auth, refused).',
      labelNames: ['operation', 'outcome'],
      registers,
      collect() {
        this.reset();
        for (const { labels, value } of source.metrics.labeled(QUEUE_OPERATIONS)) this.inc(labels, value);
      },
    });
    new Counter({
      name: 'clientflows_definition_cache_events_total',
      help: 'Flow and screen definition cache events: hits, misses, purges and flushes.',
      labelNames: ['event'],
      registers,
      collect() {
        this.reset();
        for (const [event, value] of Object.entries(source.definitions())) this.inc({ event }, value);
      },
    });
    new Counter({
      name: 'clientflows_events_total',
      help: 'In-process counters by name (stats_writes_dropped, requests_rate_limited, rate_limit_checks_skipped, ...).',
      labelNames: ['name'],
      registers,
      collect() {
        this.reset();
        for (const [name, value] of Object.entries(source.metrics.snapshot())) this.inc({ name }, value);
      },
    });
    new Gauge({
      name: 'clientflows_subscriptions',
      help: 'screenQueueChanged subscriptions open on this instance.',
      registers,
      collect() {
        this.set(source.subscriptions());
      },
    });
  }

  observeRequest(transport: Transport, operation: string, status: number, seconds: number): void {
    this.requestDuration.observe({ transport, operation, status: String(status) }, seconds);
  }

  /** The exposition text and its content type. */
  async render(): Promise<{ contentType: string; body: string }> {
    return { contentType: this.registry.contentType, body: await this.registry.metrics() };
  }
}
