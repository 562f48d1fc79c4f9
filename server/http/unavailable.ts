// Tells "the database cannot be reached" apart from other failures, so a request in a
// PostgreSQL outage gets a 503 "try again" page instead of a generic 500 (decision 0010).
// Prisma wraps the driver's error differently per adapter and per operation, so the whole
// cause chain is searched for a connection-level code or message.

/** Prisma codes: can't reach server, timed out, server closed the connection, pool timeout, transaction could not start. */
const PRISMA_CODES = new Set(["P1001", "P1002", "P1008", "P1017", "P2024", "P2028"]);
/** Node socket errors and PostgreSQL's connection-exception (08…) and shutdown (57P0…) classes. */
const DRIVER_CODES = new Set(["ECONNREFUSED", "ECONNRESET", "ETIMEDOUT", "EPIPE", "ENOTFOUND", "EAI_AGAIN", "57P01", "57P02", "57P03"]);
// pg's own: a client whose socket failed ("… has encountered a connection error and is not queryable"),
// a closed client ("Client was closed and is not queryable"), a read that timed out ("Query read timeout").
const MESSAGES = /terminating connection due to administrator command|Code: `(57P0[123]|08\w{3})`|connection terminated|connection refused|ECONNREFUSED|ECONNRESET|can't reach database server|Connection is closed|server closed the connection|the database system is (starting up|shutting down)|timeout exceeded when trying to connect|Unable to start a transaction|is not queryable|Query read timeout/i;

export function isDatabaseUnavailable(error: unknown): boolean {
  const seen = new Set<unknown>();
  let current: unknown = error;
  for (let depth = 0; depth < 8 && current && typeof current === "object" && !seen.has(current); depth++) {
    seen.add(current);
    const e = current as { code?: unknown; message?: unknown; cause?: unknown; originalCode?: unknown; kind?: unknown };
    const code = typeof e.code === "string" ? e.code : typeof e.originalCode === "string" ? e.originalCode : "";
    if (PRISMA_CODES.has(code) || DRIVER_CODES.has(code) || code.startsWith("08")) return true;
    if (typeof e.message === "string" && MESSAGES.test(e.message)) return true;
    // Prisma keeps the driver's own error (with PostgreSQL's code) under meta.driverAdapterError.
    const meta = (current as { meta?: { driverAdapterError?: unknown } }).meta;
    current = e.cause ?? meta?.driverAdapterError;
  }
  return false;
}

/**
 * The page a React Router data request (`/concerns/q/topic.data?_routes=…`, `/_root.data`) was
 * made for. In an outage a navigation with JavaScript on is sent there as a whole-document load,
 * which gets the 503 "try again" page that JavaScript-off browsers get, instead of the client's
 * generic error for a failed data request (React Router replaces the error before it is encoded).
 */
export function pageOfDataRequest(requestUrl: string): string {
  const url = new URL(requestUrl);
  let pathname = url.pathname;
  if (pathname === "/_root.data") pathname = "/";
  else pathname = pathname.replace(/\/_\.data$/, "/").replace(/\.data$/, "");
  if (pathname !== "/" && pathname.endsWith("/")) pathname = pathname.slice(0, -1);
  // `_routes` picks the loaders to run and `index` the action's route: neither belongs to the page.
  url.searchParams.delete("_routes");
  url.searchParams.delete("index");
  const search = url.searchParams.toString();
  return search ? `${pathname}?${search}` : pathname;
}
