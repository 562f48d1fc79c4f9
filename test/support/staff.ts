// One way to sign in as a member of staff over HTTP, for the integration tests and the
// benchmarks: a BrowserLikeClient (no JavaScript) that has read the sign-in page for its CSRF
// token, posted the demo account's email and password and been sent on (302). Anything else is
// an error with the status, so a test fails at the sign-in, not later on a confusing page.
import { BrowserLikeClient } from "./browser-like-client";

/** The demo accounts the seed creates (server/seed/demo-staff.ts): <who>@doorstep.example, password demo-<who>-2026. */
export type DemoStaff = "adviser" | "officer" | "manager" | "head" | "admin" | "cynghorydd";

export const demoAccount = (who: DemoStaff) => ({ email: `${who}@doorstep.example`, password: `demo-${who}-2026` });

/** A client signed in with this email and password. */
export async function signIn(baseUrl: string, email: string, password: string, options: { headers?: Record<string, string> } = {}): Promise<BrowserLikeClient> {
  const client = new BrowserLikeClient(baseUrl);
  await client.get("/staff/sign-in", { headers: options.headers });
  const res = await client.post("/staff/sign-in", { email, password }, { headers: options.headers });
  if (res.status !== 302) throw new Error(`staff sign-in as ${email} answered ${res.status}, not 302`);
  return client;
}

/** A client signed in as one of the demo accounts. */
export function signedIn(baseUrl: string, who: DemoStaff, options: { headers?: Record<string, string> } = {}): Promise<BrowserLikeClient> {
  const { email, password } = demoAccount(who);
  return signIn(baseUrl, email, password, options);
}
