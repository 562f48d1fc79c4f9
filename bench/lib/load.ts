// Load generation with autocannon's programmatic API, and the statistics we report.
//
// Latency percentiles are computed here from every response, not taken from
// autocannon's result: autocannon keeps no p95, records only 2xx responses (so a
// 302 from a form post would not count), and when a rate is set it "corrects" for
// coordinated omission with an expected interval of ceil(1 / rate) = 1 ms, which
// adds a synthetic sample for every millisecond of each response's latency.
import autocannon from "autocannon";
import type { IncomingHttpHeaders } from "node:http";
import { performance } from "node:perf_hooks";

export type Target = {
  url: string;
  method?: "GET" | "POST";
  headers?: IncomingHttpHeaders;
  body?: string;
  /** Which status codes count as success: 2 for 2xx, 3 for 3xx. Anything else is an error. */
  expect: 2 | 3;
  /**
   * Each connection as a different person: its own X-Forwarded-For address (the server must run
   * with TRUST_PROXY=true). Public forms are limited per address (1,000 posts in 10 minutes), a
   * limit the real load of many people never meets but one benchmark address would.
   */
  addressPerConnection?: boolean;
};

let nextAddress = 0;
/** 10.64.0.1, 10.64.0.2, …: a new private address for each connection of the whole run. */
function newAddress(): string {
  const n = ++nextAddress;
  return `10.64.${(n >> 8) & 255}.${n & 255}`;
}

export type LoadResult = {
  /** Responses with the expected status class. */
  ok: number;
  /** Responses with any other status (non-2xx for pages, non-3xx for form posts). */
  unexpected: number;
  /** Connection errors, timeouts, and paced requests that never got an answer. */
  errors: number;
  statusCodes: Record<string, number>;
  /** Completed responses per second of wall time. */
  rps: number;
  /** Time to the response headers (first byte), over expected responses, in ms. */
  ttfb: Percentiles;
  /** Time to the last byte of the response, over expected responses, in ms. */
  total: Percentiles;
  elapsedS: number;
};

export type Percentiles = { p50: number | null; p95: number | null; p99: number | null; max: number | null };

/** Nearest-rank percentile of already sorted values. */
export function percentile(sorted: number[], p: number): number | null {
  if (sorted.length === 0) return null;
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length - 1, Math.max(0, rank - 1))]!;
}

function summarise(values: number[]): Percentiles {
  const sorted = [...values].sort((a, b) => a - b);
  return { p50: percentile(sorted, 50), p95: percentile(sorted, 95), p99: percentile(sorted, 99), max: sorted.at(-1) ?? null };
}

/** Collects per-request timings from one or more autocannon instances. */
class Recorder {
  ttfb: number[] = [];
  total: number[] = [];
  ok = 0;
  unexpected = 0;
  errors = 0;
  statusCodes: Record<string, number> = {};
  lastResponseAt = 0;
  private sentAt = new WeakMap<object, number>();
  private headersAfter = new WeakMap<object, number>();

  constructor(private expect: 2 | 3) {}

  /** autocannon `setupClient`: with pipelining 1 a client has one request in flight at a time. */
  setupClient = (client: autocannon.Client) => {
    client.on("request" as "headers", () => {
      this.sentAt.set(client, performance.now());
      this.headersAfter.delete(client);
    });
    client.on("headers", () => {
      const sent = this.sentAt.get(client);
      if (sent !== undefined) this.headersAfter.set(client, performance.now() - sent);
    });
  };

  watch(instance: autocannon.Instance) {
    instance.on("response", (client, statusCode, _bytes, responseTime) => {
      this.lastResponseAt = performance.now();
      // A reply autocannon could not pair with a request (after a timeout reset the connection).
      if (typeof statusCode !== "number") {
        this.errors++;
        return;
      }
      this.statusCodes[statusCode] = (this.statusCodes[statusCode] ?? 0) + 1;
      if (Math.floor(statusCode / 100) !== this.expect) {
        this.unexpected++;
        return;
      }
      this.ok++;
      this.total.push(responseTime);
      this.ttfb.push(this.headersAfter.get(client) ?? responseTime);
    });
    instance.on("reqError", () => this.errors++);
  }

  result(elapsedS: number): LoadResult {
    const completed = this.ok + this.unexpected;
    return {
      ok: this.ok,
      unexpected: this.unexpected,
      errors: this.errors,
      statusCodes: this.statusCodes,
      rps: elapsedS > 0 ? completed / elapsedS : 0,
      ttfb: summarise(this.ttfb),
      total: summarise(this.total),
      elapsedS,
    };
  }
}

function options(target: Target, extra: Partial<autocannon.Options>): autocannon.Options {
  const url = new URL(target.url);
  if (!["127.0.0.1", "localhost", "[::1]"].includes(url.hostname)) throw new Error(`refusing to send load to ${url.host}: loopback only`);
  const setupClient = extra.setupClient;
  return {
    url: target.url,
    method: target.method ?? "GET",
    headers: target.headers,
    body: target.body,
    pipelining: 1,
    timeout: 5,
    ...extra,
    setupClient: target.addressPerConnection
      ? (client) => {
          client.setHeaders({ ...target.headers, "x-forwarded-for": newAddress() });
          setupClient?.(client);
        }
      : setupClient,
  };
}

function start(opts: autocannon.Options): { instance: autocannon.Instance; done: Promise<autocannon.Result> } {
  let instance!: autocannon.Instance;
  const done = new Promise<autocannon.Result>((resolve, reject) => {
    instance = autocannon(opts, (error, result) => (error ? reject(error) : resolve(result)));
  });
  return { instance, done };
}

/** Everything currently generating load, so a watchdog can stop it. */
const running = new Set<autocannon.Instance>();
export function stopAllLoad() {
  for (const instance of running) instance.stop();
  running.clear();
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * As many requests as the server can answer: `connections` closed-loop connections for `durationS`.
 */
export async function saturate(target: Target, durationS: number, connections = 10): Promise<LoadResult> {
  const recorder = new Recorder(target.expect);
  const { instance, done } = start(options(target, { connections, duration: durationS, setupClient: recorder.setupClient }));
  running.add(instance);
  recorder.watch(instance);
  const began = performance.now();
  try {
    await done;
  } finally {
    running.delete(instance);
  }
  return recorder.result((performance.now() - began) / 1000);
}

/**
 * A steady `rate` requests per second for `durationS`, spread evenly over each second.
 *
 * autocannon paces a connection by letting it send its share of `overallRate` back
 * to back at the start of every one-second window, and all of one instance's windows
 * start together; `overallRate: 100` on one instance therefore arrives as a burst
 * every second, not as 100 requests a second. Here each of `rate` connections is its
 * own instance with `overallRate: 1`, started 1000 / rate ms after the previous one,
 * so one request arrives every 1000 / rate ms. Requests not answered by the end
 * (plus a grace period) count as errors.
 */
export async function paced(target: Target, rate: number, durationS: number): Promise<LoadResult> {
  const recorder = new Recorder(target.expect);
  const instances: autocannon.Instance[] = [];
  const finished: Promise<unknown>[] = [];
  const began = performance.now();
  try {
    for (let i = 0; i < rate; i++) {
      const due = began + (i * 1000) / rate;
      const wait = due - performance.now();
      if (wait > 0) await sleep(wait);
      const { instance, done } = start(
        options(target, { connections: 1, overallRate: 1, amount: durationS, setupClient: recorder.setupClient }),
      );
      running.add(instance);
      instances.push(instance);
      recorder.watch(instance);
      finished.push(done.catch(() => undefined));
    }
    const deadline = sleep((durationS + 2) * 1000).then(() => "late" as const);
    await Promise.race([Promise.all(finished), deadline]);
  } finally {
    for (const instance of instances) {
      instance.stop();
      running.delete(instance);
    }
  }
  const elapsedS = (performance.now() - began) / 1000;
  const result = recorder.result(elapsedS);
  const expected = rate * durationS;
  const answered = result.ok + result.unexpected;
  // autocannon retries a timed-out request, so a timeout is an error but not a missing answer.
  const missing = Math.max(0, expected - answered - result.errors);
  result.errors += missing;
  // Achieved rate: answers over the time from the first request to the last answer
  // (at least the intended window), so a server that falls behind shows below `rate`.
  const spanS = recorder.lastResponseAt > 0 ? (recorder.lastResponseAt - began) / 1000 : elapsedS;
  result.rps = answered / Math.max(durationS, spanS);
  return result;
}
