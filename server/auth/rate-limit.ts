// Staff sign-in attempts are limited per address, per account from that address, and per account
// across every address, in the shared store (server/limits). Each attempt is counted BEFORE the
// password is checked: counting only failures afterwards let parallel guesses all be checked
// before the first failure was recorded (8 at once against a limit of 5, issue 12).
import { isLimited, secondsToWait, type Limiter, type Limits } from "../limits";

export const SIGN_IN_LIMITS = {
  /** One account from one address: a person mistyping, not a guesser. */
  addressAccount: { points: 5, duration: 15 * 60, blockDuration: 15 * 60 },
  /** One account from anywhere: guessing spread over many addresses. Higher, so one address cannot lock a colleague out alone. */
  account: { points: 20, duration: 60 * 60, blockDuration: 15 * 60 },
  /** One address, any accounts: one machine walking through staff emails. */
  address: { points: 30, duration: 60 * 60, blockDuration: 15 * 60 },
} as const;

export function createSignInLimiter(limits: Limits) {
  const addressAccount = limits.create({ keyPrefix: "signin-account", ...SIGN_IN_LIMITS.addressAccount });
  const account = limits.create({ keyPrefix: "signin-account-any", ...SIGN_IN_LIMITS.account });
  const address = limits.create({ keyPrefix: "signin-ip", ...SIGN_IN_LIMITS.address });
  const emailKey = (email: string) => email.trim().toLowerCase();
  const keys = (ip: string, email: string): [Limiter, string][] => [
    [addressAccount, `${ip}|${emailKey(email)}`],
    [account, emailKey(email)],
    [address, ip],
  ];

  return {
    /**
     * Counts one attempt in every limit, atomically in the store, before anything is checked.
     * Returns 0 when the password may be checked, or the seconds to wait when any limit is spent.
     */
    async attempt(ip: string, email: string): Promise<number> {
      const results = await Promise.allSettled(keys(ip, email).map(([limiter, key]) => limiter.consume(key)));
      let wait = 0;
      for (const result of results) {
        if (result.status === "fulfilled") continue;
        if (!isLimited(result.reason)) throw result.reason;
        wait = Math.max(wait, secondsToWait(result.reason));
      }
      return wait;
    },
    /** The right password: this person's mistakes from this address are forgiven, and the attempt is handed back. */
    async succeed(ip: string, email: string): Promise<void> {
      const [[perAddressAccount, addressAccountKey], [perAccount, accountKey], [perAddress, addressKey]] = keys(ip, email);
      await Promise.all([perAddressAccount.delete(addressAccountKey), perAccount.reward(accountKey, 1), perAddress.reward(addressKey, 1)]);
    },
  };
}

export type SignInLimiter = ReturnType<typeof createSignInLimiter>;
