// Staff password hashing with scrypt (node:crypto), parameters stored with each hash
// so they can be raised later without invalidating old hashes: a hash made with weaker
// parameters is replaced at the next successful sign-in (needsRehash).
import { randomBytes, scrypt, timingSafeEqual } from "node:crypto";

// OWASP Password Storage Cheat Sheet (2025): scrypt N=2^17, r=8, p=1. Each derivation holds
// 128 MiB (128·N·r bytes) for a few hundred milliseconds.
export const SCRYPT_PARAMS = { N: 2 ** 17, r: 8, p: 1, keylen: 32 };
type Params = typeof SCRYPT_PARAMS;

// Parallel sign-ins (or a flood of them) would each take 128 MiB at once; at most this many
// derivations run together and the rest wait their turn, so memory stays bounded.
const MAX_CONCURRENT = 2;
let running = 0;
const waiting: (() => void)[] = [];

async function withSlot<T>(work: () => Promise<T>): Promise<T> {
  if (running >= MAX_CONCURRENT) await new Promise<void>((resolve) => waiting.push(resolve));
  else running++;
  try {
    return await work();
  } finally {
    const nextInLine = waiting.shift();
    if (nextInLine) nextInLine();
    else running--;
  }
}

function derive(password: string, salt: Buffer, params: Params): Promise<Buffer> {
  return withSlot(
    () =>
      new Promise((resolve, reject) =>
        scrypt(password.normalize("NFKC"), salt, params.keylen, { N: params.N, r: params.r, p: params.p, maxmem: 256 * params.N * params.r }, (error, key) =>
          error ? reject(error) : resolve(key),
        ),
      ),
  );
}

export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(16);
  const key = await derive(password, salt, SCRYPT_PARAMS);
  return ["scrypt", SCRYPT_PARAMS.N, SCRYPT_PARAMS.r, SCRYPT_PARAMS.p, salt.toString("base64url"), key.toString("base64url")].join("$");
}

export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const [scheme, N, r, p, salt, key] = stored.split("$");
  if (scheme !== "scrypt" || !salt || !key) return false;
  const params = { N: Number(N), r: Number(r), p: Number(p) };
  // Never derive with parameters outside what we ever wrote (a tampered row must not cost 1 GiB).
  if (![2 ** 14, 2 ** 15, 2 ** 16, 2 ** 17].includes(params.N) || params.r !== 8 || params.p !== 1) return false;
  const expected = Buffer.from(key, "base64url");
  const actual = await derive(password, Buffer.from(salt, "base64url"), { ...params, keylen: expected.length });
  return timingSafeEqual(actual, expected);
}

/** True when the stored hash was made with weaker parameters than today's. */
export function needsRehash(stored: string): boolean {
  const [scheme, N, r, p] = stored.split("$");
  return scheme !== "scrypt" || Number(N) < SCRYPT_PARAMS.N || Number(r) < SCRYPT_PARAMS.r || Number(p) < SCRYPT_PARAMS.p;
}

// Verifying against this when the email is unknown keeps the response time the same.
export const DUMMY_HASH = "scrypt$131072$8$1$AAAAAAAAAAAAAAAAAAAAAA$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA";
