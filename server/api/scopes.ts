// Which token scope covers which kind of record in /api/v1/events. `events:read` lets a token
// read the event stream; each event is then shown only if the token also holds the scope for
// that kind of record, so a token for nuisance reports never sees a case's names and summaries.
// A kind not listed here is shown to nobody (fail closed): a new kind of event must be added.
import type { ApiScope } from "./tokens.js";

export const EVENT_SCOPES: Record<string, ApiScope> = {
  case: "cases:read",
  // Flags set on a case's customer (restricted contact, no further contact).
  party: "cases:read",
  concern_attachment: "cases:read",
  concern_draft: "cases:read",
  adjustment_request: "adjustments:read",
  nuisance_report: "reports:read",
};

/** The aggregate types a token with these scopes may read events of. */
export function eventTypesFor(scopes: readonly ApiScope[]): string[] {
  return Object.entries(EVENT_SCOPES)
    .filter(([, scope]) => scopes.includes(scope))
    .map(([type]) => type);
}
