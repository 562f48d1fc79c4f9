// A signed cookie in React Router's own format (`<base64 of the JSON>.<HMAC-SHA256, base64, no
// padding>`), usable wherever React Router takes a Cookie (session storage), but signed with
// node:crypto in one synchronous call. React Router's signs with WebCrypto and imports the key
// again on every parse and serialise: about 1 ms of CPU per request that has a session, a tenth
// of a nuisance report's whole cost (issue 15's profile).
import { createHmac, timingSafeEqual } from "node:crypto";
import { createCookie, type Cookie, type CookieOptions } from "react-router";
import { readCookieLeniently } from "./csrf";

export type SignedCookieOptions = Omit<CookieOptions, "secrets"> & {
  /** The first signs; every one is accepted when reading, so a secret can be rotated. */
  secrets: string[];
};

const mac = (value: string, secret: string) => createHmac("sha256", secret).update(value).digest("base64").replace(/=+$/, "");

const sameMac = (a: string, b: string) => {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
};

/** What React Router writes before signing: the JSON's UTF-8 bytes in base64. */
const encode = (value: unknown) => Buffer.from(JSON.stringify(value), "utf8").toString("base64");

export function createSignedCookie(name: string, options: SignedCookieOptions): Cookie {
  const { secrets, ...attributes } = options;
  if (secrets.length === 0 || secrets.some((s) => !s)) throw new Error(`cookie "${name}" needs a secret to be signed`);
  // Unsigned, it still does what is not signing: decoding a value and writing the attributes.
  const plain = createCookie(name, attributes);
  return {
    get name() {
      return name;
    },
    get isSigned() {
      return true;
    },
    get expires() {
      return plain.expires;
    },
    async parse(header) {
      const raw = readCookieLeniently(header ?? undefined, name);
      if (raw === undefined) return null;
      if (raw === "") return "";
      const dot = raw.lastIndexOf(".");
      if (dot <= 0) return null;
      const value = raw.slice(0, dot);
      const given = raw.slice(dot + 1);
      if (!secrets.some((secret) => sameMac(mac(value, secret), given))) return null;
      return plain.parse(`${name}=${encodeURIComponent(value)}`);
    },
    async serialize(value, serializeOptions) {
      // The attributes exactly as React Router writes them for this cookie and these options.
      const empty = await plain.serialize("", serializeOptions);
      if (value === "") return empty;
      const encoded = encode(value);
      return `${name}=${encodeURIComponent(`${encoded}.${mac(encoded, secrets[0]!)}`)}${empty.slice(name.length + 1)}`;
    },
  };
}
