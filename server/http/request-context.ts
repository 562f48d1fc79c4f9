// Per-request bookkeeping that code deep in a request's call chain can reach without being
// handed it: today, how many database queries the request ran (Server-Timing, and the test that
// an anonymous page view costs the database nothing).
import { AsyncLocalStorage } from "node:async_hooks";

export type RequestContext = { dbQueries: number };

const storage = new AsyncLocalStorage<RequestContext>();

/** Runs `fn` (the rest of the request) with a fresh context. */
export function runWithRequestContext<T>(fn: () => T): T {
  return storage.run({ dbQueries: 0 }, fn);
}

export function currentRequestContext(): RequestContext | undefined {
  return storage.getStore();
}

/** Called by the database layer for every statement sent. */
export function noteDbQuery(): void {
  const context = storage.getStore();
  if (context) context.dbQueries++;
}
