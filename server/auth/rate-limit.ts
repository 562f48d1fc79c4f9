// Failed staff sign-ins are limited per address and per account.
import { RateLimiterMemory, RateLimiterRes } from "rate-limiter-flexible";

export function createSignInLimiter() {
  const perAccount = new RateLimiterMemory({ keyPrefix: "signin-account", points: 5, duration: 15 * 60, blockDuration: 15 * 60 });
  const perIp = new RateLimiterMemory({ keyPrefix: "signin-ip", points: 30, duration: 60 * 60, blockDuration: 15 * 60 });
  const accountKey = (ip: string, email: string) => `${ip}|${email.trim().toLowerCase()}`;

  return {
    /** Seconds until another try is allowed, or 0. */
    async retryAfter(ip: string, email: string): Promise<number> {
      const [account, address] = await Promise.all([perAccount.get(accountKey(ip, email)), perIp.get(ip)]);
      const blocked = [account, address].filter((res): res is RateLimiterRes => !!res && res.remainingPoints <= 0);
      return blocked.length ? Math.ceil(Math.max(...blocked.map((res) => res.msBeforeNext)) / 1000) : 0;
    },
    async fail(ip: string, email: string): Promise<void> {
      await Promise.all([
        perAccount.consume(accountKey(ip, email)).catch(() => undefined),
        perIp.consume(ip).catch(() => undefined),
      ]);
    },
    async succeed(ip: string, email: string): Promise<void> {
      await perAccount.delete(accountKey(ip, email));
    },
  };
}

export type SignInLimiter = ReturnType<typeof createSignInLimiter>;
