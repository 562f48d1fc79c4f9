// A small seeded generator of hostile input (issue 12, `npm run test:hostile`): the same seed gives
// the same cases, so a failure can be replayed (HOSTILE_SEED). Values come from a few families
// (wrong types, huge and empty, unicode edge cases, script, SQL, path traversal, header and
// template injection, forged and other people's tokens and references) and are mixed into
// otherwise plausible forms, so each hostile value reaches the validation of the field it is in.

/** mulberry32: tiny, fast, good enough to spread cases; not for anything secret. */
export function rng(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (n: number) => Math.floor(next() * n);
  const pick = <T>(list: readonly T[]): T => list[int(list.length)]!;
  return { next, int, pick, chance: (p: number) => next() < p };
}
export type Rng = ReturnType<typeof rng>;

export const FAMILIES = ["wrongType", "huge", "empty", "unicode", "script", "sql", "traversal", "injection", "token", "reference"] as const;
export type Family = (typeof FAMILIES)[number];

/** Other people's data the generator may aim at (real references and tokens made in setup). */
export type Targets = {
  references: string[];
  emails: string[];
  tokens: string[];
};

const UNICODE = [
  "\u0000",
  "a\u0000b",
  "\ud800",
  "\udfff",
  "x\ud83dy",
  "\u202egnp.exe",
  "\u202d\u202eevil\u202c",
  "\u200b\u200c\u200d\u2060",
  "\ufeffBOM",
  "\uffff\ufffe",
  "e\u0301\u0301\u0301\u0301\u0301\u0301",
  "Z̵̡̢̛̗̘̙̜̝̞̟̠̖̗̘̙̜̝̞̟̠",
  "\u2028\u2029",
  "ŵŷâêîôûŴŶ",
  "𝕊𝕒𝕞 😀👨‍👩‍👧‍👦",
  "\u00e9 vs e\u0301",
  "ｆｕｌｌｗｉｄｔｈ",
  "\u0007\u0008\u001b[31m",
  "%00",
  "%c0%ae%c0%ae/",
  "\r\n\r\n",
  "\t\v\f",
];
const SCRIPT = [
  "<script>alert(1)</script>",
  '"><img src=x onerror=alert(1)>',
  "javascript:alert(1)",
  "<svg/onload=alert(1)>",
  "</textarea><script>alert(1)</script>",
  "<iframe src=//evil.example>",
  "{{constructor.constructor('alert(1)')()}}",
];
const SQL = ["' OR '1'='1", '\'; DROP TABLE "Case"; --', '1 UNION SELECT password FROM "User"--', "'); SELECT pg_sleep(10);--", "\\'; --", '$$; DELETE FROM "Party"; $$'];
const TRAVERSAL = [
  "../../../../etc/passwd",
  "..%2F..%2F..%2Fetc%2Fpasswd",
  "..\\..\\windows\\win.ini",
  "/dev/zero",
  "file:///etc/shadow",
  "%2e%2e%2f%2e%2e%2f",
  "....//....//etc/passwd",
  "/proc/self/environ",
];
const INJECTION = ["sam@example.org\r\nBcc: bomb@example.org", "Sam\r\nSubject: pwned", "${7*7}", "#{7*7}", "%s%s%s%n", "__proto__", "constructor", '{"$gt":""}', "=cmd|' /C calc'!A0", "@SUM(1+1)"];
const WRONG_TYPE = ["-1", "0", "1e308", "NaN", "Infinity", "99999999999999999999999", "0x41", "true", "null", "undefined", "[]", "{}", "[object Object]", "1.5", "-0"];
const EMPTY = ["", " ", "   \t  ", "\u00a0", "\u200b"];

function huge(r: Rng): string {
  // Mostly within the body limit (so validation sees them); now and then over it (413).
  const size = r.pick([300, 5_000, 20_000, 120_000, r.chance(0.1) ? 1_100_000 : 60_000]);
  const unit = r.pick(["x", "ŵ", "😀", "<a>", "%", "\u202e"]);
  return unit.repeat(Math.ceil(size / unit.length)).slice(0, size);
}

function forgedToken(r: Rng): string {
  const alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
  const len = r.pick([0, 8, 32, 43, 44, 64, 101]);
  return Array.from({ length: len }, () => alphabet[r.int(alphabet.length)]).join("");
}

/** One hostile string of a family. */
export function hostileValue(r: Rng, family: Family, targets: Targets): string {
  switch (family) {
    case "wrongType":
      return r.pick(WRONG_TYPE);
    case "huge":
      return huge(r);
    case "empty":
      return r.pick(EMPTY);
    case "unicode":
      return r.chance(0.5) ? r.pick(UNICODE) : `${r.pick(["Sam", "Siân", "a@b.cy", "RFA0000001"])}${r.pick(UNICODE)}${r.pick(["", "x", "@example.org"])}`;
    case "script":
      return r.pick(SCRIPT);
    case "sql":
      return r.pick(SQL);
    case "traversal":
      return r.pick(TRAVERSAL);
    case "injection":
      return r.pick(INJECTION);
    case "token":
      return r.chance(0.3) && targets.tokens.length > 0 ? r.pick(targets.tokens) : forgedToken(r);
    case "reference":
      return r.chance(0.6) && targets.references.length > 0 ? r.pick(targets.references) : r.pick(["ENQ0000000", "RFA9999999", "ADJ0000001", "NUI0000001", "enq 000 0001", "ENQ-1", "FS50012345"]);
  }
}

/** How the CSRF token is sent with a case: mostly valid, so the hostile fields reach validation. */
export type CsrfMode = "valid" | "missing" | "forged" | "otherSession" | "stale";

export type FormCase = {
  /** The fields to post, as pairs (a name may repeat: a "wrong type" of its own). */
  fields: [string, string][];
  csrf: CsrfMode;
  family: Family;
  /** Sent as multipart with these files (upload forms), instead of urlencoded. */
  files?: { field: string; name: string; bytes: Uint8Array; type: string }[];
};

const FILE_NAMES = ["../../etc/passwd", "a\u0000.pdf", "\u202egnp.exe", "x".repeat(400) + ".pdf", "", "con.txt", "<script>.pdf", "letter.pdf", "mail.eml", "%00.txt", "\ud800.txt"];
const enc = new TextEncoder();
function hostileFile(r: Rng, field: string): { field: string; name: string; bytes: Uint8Array; type: string } {
  const bodies: (() => Uint8Array)[] = [
    () => new Uint8Array(0),
    () => enc.encode("%PDF-1.4\n\u0000\u0000 not really a pdf"),
    () => enc.encode("MZ\u0090\u0000 an exe"),
    () => enc.encode("From: a\u0000b@example.org\r\nSubject: =?utf-8?B?AA==?=\r\nDate: Mon, 30 Nov 2026 10:00:00 +0000\r\n\r\nbody\u0000"),
    () => enc.encode("Subject: \r\n\r\n"),
    () => enc.encode("From: <script>@x\r\nSubject: =?utf-8?Q?=00=00?=\r\n\r\n"),
    () => new Uint8Array(Array.from({ length: 2048 }, (_, i) => (i * 7) % 256)),
    () => enc.encode("<html><script>alert(1)</script></html>"),
  ];
  return {
    field,
    name: r.pick(FILE_NAMES),
    bytes: r.pick(bodies)(),
    type: r.pick(["application/pdf", "message/rfc822", "text/plain", "application/octet-stream", "", "text/html\r\nX-Evil: 1"]),
  };
}

/**
 * A hostile case for a form: start from the plausible fields, then attack one or two of them (or
 * add repeated, unknown or prototype-polluting names, or drop one), and pick how CSRF is sent.
 */
export function formCase(r: Rng, plausible: [string, string][], targets: Targets, options: { fileField?: string } = {}): FormCase {
  const family = r.pick(FAMILIES);
  const fields = plausible.map(([k, v]) => [k, v] as [string, string]);
  const names = [...new Set(fields.map(([k]) => k))];
  const attacks = 1 + r.int(2);
  for (let i = 0; i < attacks; i++) {
    const shape = r.int(10);
    if (shape === 0 || names.length === 0)
      fields.push([r.pick(["__proto__", "constructor[prototype][x]", "extra", "csrf", "idempotencyKey", "intent", "x".repeat(300)]), hostileValue(r, family, targets)]);
    else if (shape === 1)
      fields.push([r.pick(names), hostileValue(r, family, targets)]); // repeated name: an array where one value is expected
    else if (shape === 2) {
      const name = r.pick(names);
      for (let j = fields.length - 1; j >= 0; j--) if (fields[j]![0] === name) fields.splice(j, 1);
    } else {
      const name = r.pick(names);
      const at = fields.findIndex(([k]) => k === name);
      fields[at] = [name, hostileValue(r, family, targets)];
    }
  }
  const csrf: CsrfMode = r.chance(0.8) ? "valid" : r.pick(["missing", "forged", "otherSession", "stale"] as const);
  const files = options.fileField ? Array.from({ length: r.int(3) }, () => hostileFile(r, r.chance(0.9) ? options.fileField! : "other")) : undefined;
  return { fields, csrf, family, files };
}

/** A hostile payload for a socket event: wrong types and shapes, hostile strings in plausible ones. */
export function socketPayload(r: Rng, plausible: Record<string, unknown>, targets: Targets): unknown {
  const family = r.pick(FAMILIES);
  const shape = r.int(12);
  if (shape === 0) return r.pick([undefined, null, 0, -1, "", "x", true, [], [plausible], hostileValue(r, family, targets)]);
  if (shape === 1) {
    // Deeply nested: a parser or validator that recurses must not fall over.
    let deep: unknown = {};
    for (let i = 0; i < 200; i++) deep = { a: deep };
    return { ...plausible, nested: deep };
  }
  if (shape === 2)
    return {
      ...plausible,
      __proto__: { polluted: true },
      constructor: { prototype: { polluted: true } },
    };
  const payload: Record<string, unknown> = { ...plausible };
  const keys = Object.keys(payload);
  const key = keys.length > 0 ? r.pick(keys) : "x";
  const wrong = r.int(8);
  if (wrong === 0) payload[key] = r.pick<unknown>([null, 12, -1, 1e308, Number.NaN, true, [], {}, [hostileValue(r, family, targets)], { toString: "x" }]);
  else if (wrong === 1) delete payload[key];
  else payload[key] = hostileValue(r, family, targets);
  return payload;
}
