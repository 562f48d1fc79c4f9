// Staff sign-in limits (issue 12): per address, per account from one address, and per account
// across every address, each attempt counted before the password is checked. The HTTP side
// (8 parallel guesses against 5) is test/integration/sign-in-limits.test.ts.
import { describe, expect, it } from "vitest";
import { createLimits } from "../limits/index";
import { createSignInLimiter, SIGN_IN_LIMITS } from "./rate-limit";

const limiter = () => createSignInLimiter(createLimits({ secret: "test-secret" }));
const addressNo = (n: number) => `10.9.${Math.floor(n / 250)}.${(n % 250) + 1}`;

describe("staff sign-in limits", () => {
  it("one account guessed from a new address each time is refused once the account's limit is spent, from any address", async () => {
    const signIn = limiter();
    const { points } = SIGN_IN_LIMITS.account;
    for (let i = 0; i < points; i++) expect(await signIn.attempt(addressNo(i), "Officer@Doorstep.example"), `attempt ${i + 1}`).toBe(0);
    // Another address, and the account spelt another way: still the same account.
    expect(await signIn.attempt(addressNo(points), " officer@doorstep.example ")).toBeGreaterThan(0);
    // Another account from that address is not affected.
    expect(await signIn.attempt(addressNo(points), "manager@doorstep.example")).toBe(0);
  });

  it("one account from one address is refused after its few tries; the same address may still try another account", async () => {
    const signIn = limiter();
    const { points } = SIGN_IN_LIMITS.addressAccount;
    for (let i = 0; i < points; i++) expect(await signIn.attempt("10.9.9.9", "head@doorstep.example")).toBe(0);
    expect(await signIn.attempt("10.9.9.9", "head@doorstep.example")).toBeGreaterThan(0);
    expect(await signIn.attempt("10.9.9.9", "admin@doorstep.example")).toBe(0);
    expect(await signIn.attempt("10.9.9.10", "head@doorstep.example")).toBe(0);
  });

  it("one address walking through many accounts is refused once the address's limit is spent", async () => {
    const signIn = limiter();
    const { points } = SIGN_IN_LIMITS.address;
    for (let i = 0; i < points; i++) expect(await signIn.attempt("10.9.8.8", `staff${i}@doorstep.example`)).toBe(0);
    expect(await signIn.attempt("10.9.8.8", "someone-new@doorstep.example")).toBeGreaterThan(0);
  });

  it("the right password hands its attempt back and forgives that address's mistakes for the account", async () => {
    const signIn = limiter();
    for (let i = 0; i < SIGN_IN_LIMITS.addressAccount.points - 1; i++) await signIn.attempt("10.9.7.7", "officer@doorstep.example");
    await signIn.succeed("10.9.7.7", "officer@doorstep.example");
    for (let i = 0; i < SIGN_IN_LIMITS.addressAccount.points; i++) expect(await signIn.attempt("10.9.7.7", "officer@doorstep.example")).toBe(0);
  });
});
