// Generated hostile requests (issue 12): HOSTILE_CASES (default 1,000) per public form and per
// customer chat socket event, from a seeded generator (test/hostile/generator.ts; HOSTILE_SEED to
// replay). For every one:
// - never a 5xx: a form answers a 4xx page in the person's language (<html lang> of the path) or
//   takes the value as text (2xx/3xx); a socket event answers data or a typed error code, never
//   "internal", and never leaves the client waiting;
// - nothing half-saved: on PostgreSQL every table's rows are counted before and after each form's
//   cases; a form whose cases were all refused changes no table, and an accepted post may add
//   only the records that form makes;
// - the server's memory returns to its baseline: heap after a full GC (through the inspector),
//   measured after a warm-up round and again after everything, within HEAP_TOLERANCE.
// Prints the counts per form and event, and the memory figures.
import { appendFileSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { randomUUID } from "node:crypto";
import { simpleParser } from "mailparser";
import { io, type Socket } from "socket.io-client";
import { afterAll, describe, expect, inject, it } from "vitest";
import { ERROR_CODES } from "../../shared/chat/events";
import { formCase, rng, socketPayload, hostileValue, type Targets, type Rng } from "./generator";
import { FuzzClient, hiddenFields, TARGETS, type Pairs, type Target } from "./journeys";
import { changed, heapSnapshot, mb, rowCounts, serverMemory, type Memory } from "./probe";
import { askQuestion, baseUrl, mailDir, newAddress, unique, Visitor } from "./support";

const CASES = Number(process.env.HOSTILE_CASES ?? 1000);
const WARM_UP = Math.min(Number(process.env.HOSTILE_WARM_UP ?? 30), CASES);
const SEED = Number(process.env.HOSTILE_SEED ?? 20261206);
/**
 * HOSTILE_ROUNDS=2 runs every form and event twice on the same server, measuring the heap after
 * each round: a leak grows again in the second round, a bounded cache or pool does not.
 */
const ROUNDS = Math.max(1, Number(process.env.HOSTILE_ROUNDS ?? 1));
/** The heap after GC may grow at most this much from the end of the first round to the end of the last. */
const ROUND_GROWTH_TOLERANCE = 10 * 1024 * 1024;
/** The name a form or event is counted under: with several rounds, each round on its own line. */
const inRound = (name: string, round: number) => (ROUNDS > 1 ? `${name} [round ${round}]` : name);
/** A folder: heap snapshots of the server at the baseline and after the run (compare with heap-diff.ts). */
const SNAPSHOTS = process.env.HOSTILE_HEAP_SNAPSHOTS;
/** Heap after a full GC may end at most this much above the warmed-up baseline. */
const HEAP_TOLERANCE = { bytes: 24 * 1024 * 1024, ratio: 0.25 };
const engine = inject("hostileEngine");

type Counts = {
  total: number;
  ok2xx: number;
  redirect3xx: number;
  refused4xx: Record<string, number>;
  server5xx: number;
  wrongLanguage: number;
};
const formCounts = new Map<string, Counts>();
const socketCounts = new Map<
  string,
  {
    total: number;
    data: number;
    errors: Record<string, number>;
    noAck: number;
    closed: number;
  }
>();
const failures: string[] = [];
const memory: { baseline?: Memory; after?: Memory; rounds: Memory[] } = { rounds: [] };
const rowNotes: string[] = [];

const targets: Targets = { references: [], emails: [], tokens: [] };

let highSnapshots = 0;
const allowedHeap = (baseline: Memory) => baseline.heapUsed + Math.max(HEAP_TOLERANCE.bytes, baseline.heapUsed * HEAP_TOLERANCE.ratio);

/** One line per form or event as it finishes (also to HOSTILE_PROGRESS, a file, when set), so a long run can be followed and a cut-short one still reports. */
async function progress(line: string) {
  const now = await serverMemory();
  // A snapshot the first twice the heap is over the tolerance, to see what holds it.
  if (SNAPSHOTS && memory.baseline && now.heapUsed > allowedHeap(memory.baseline) && highSnapshots++ < 2) await heapSnapshot(path.join(SNAPSHOTS, `high-${highSnapshots}.heapsnapshot`));
  const heap = memory.baseline ? ` heap after GC ${mb(now.heapUsed)} MB (baseline ${mb(memory.baseline.heapUsed)}), rss ${mb(now.rss)} MB` : "";
  const text = `${new Date().toISOString()} ${line}${heap}`;
  console.log(text);
  if (process.env.HOSTILE_PROGRESS) appendFileSync(process.env.HOSTILE_PROGRESS, `${text}\n`);
}

function counts(name: string): Counts {
  let c = formCounts.get(name);
  if (!c)
    formCounts.set(
      name,
      (c = {
        total: 0,
        ok2xx: 0,
        redirect3xx: 0,
        refused4xx: {},
        server5xx: 0,
        wrongLanguage: 0,
      }),
    );
  return c;
}

function safeSegment(value: string): string {
  try {
    return encodeURIComponent(value).slice(0, 3000) || "x";
  } catch {
    return "A".repeat(43); // a lone surrogate cannot be put in a URL at all
  }
}

async function prepare(target: Target, n: number, lang: "en" | "cy") {
  const v = new FuzzClient(newAddress(), lang);
  for (const step of target.before) await v.step(step);
  // A token for this browser's session even where the form's own page sends it elsewhere.
  await v.get(v.p("/contact"));
  return v;
}

/** Runs `n` generated cases against one public form, from a pool of prepared visitors. */
async function attackForm(target: Target, n: number, r: Rng, label = target.name) {
  const pool = target.name === "/staff/sign-in" ? 2 : 8;
  const visitors = await Promise.all(Array.from({ length: pool }, (_, i) => prepare(target, i, i % 2 === 0 ? "en" : "cy")));
  // A token from before any session (stale) and one from another browser's session.
  const stranger = new FuzzClient(newAddress(), "en");
  await stranger.get("/contact");
  const staleToken = stranger.token;
  const cases = Array.from({ length: n }, () => ({
    step: r.pick(target.forms),
    seed: r.int(2 ** 31),
  }));
  const before = await rowCounts();
  let accepted = 0;
  await Promise.all(
    visitors.map(async (v, vi) => {
      const page = new Map<string, Pairs>();
      for (let i = vi; i < cases.length; i += pool) {
        const { step, seed } = cases[i]!;
        const cr = rng(seed);
        const tokenInPath = step.path.includes("TOKEN")
          ? cr.chance(0.5) && targets.tokens.length > 0
            ? cr.pick(targets.tokens)
            : safeSegment(hostileValue(cr, cr.pick(["token", "traversal", "unicode", "sql", "reference"] as const), targets))
          : "";
        const pathname = v.p(step.path.replace("TOKEN", tokenInPath));
        // A page with a token in its address is not fetched for each case: the hidden fields of
        // the first are enough, and the CSRF token does not depend on the page.
        const pageKey = step.path.includes("TOKEN") ? step.path : pathname;
        if (!page.has(pageKey)) {
          page.set(pageKey, hiddenFields(await (await v.get(pathname)).text()));
        }
        const plausible: Pairs = [...page.get(pageKey)!.filter(([k]) => !step.fields.some(([f]) => f === k)), ...step.fields];
        const c = formCase(cr, plausible, targets, {
          fileField: target.fileField,
        });
        const token = c.csrf === "valid" ? v.token : c.csrf === "missing" ? null : c.csrf === "forged" ? "A".repeat(43) : c.csrf === "stale" ? staleToken : visitors[(vi + 1) % pool]!.token;
        const session = v.cookie("doorstep_session");
        let res: Response;
        let html: string;
        try {
          res = await v.post(pathname, c.fields, { csrf: token, files: c.files, multipart: step.multipart });
          html = await res.text();
        } catch (error) {
          const cause = (error as Error & { cause?: { code?: string; message?: string } }).cause;
          failures.push(`${target.name} case ${i} seed ${seed} (${c.family}): request failed: ${(error as Error).message} (${cause?.code ?? cause?.message ?? "no cause"}) ${pathname.slice(0, 120)}`);
          continue;
        }
        const k = counts(label);
        k.total++;
        if (res.status >= 500) {
          k.server5xx++;
          failures.push(
            `${target.name} case ${i} seed ${seed} (${c.family}): ${res.status} ${html
              .replace(/<[^>]+>/g, " ")
              .replace(/\s+/g, " ")
              .slice(0, 200)}`,
          );
        } else if (res.status >= 400) {
          k.refused4xx[res.status] = (k.refused4xx[res.status] ?? 0) + 1;
          if (!new RegExp(`<html lang="${v.lang}(-GB)?"`).test(html)) {
            k.wrongLanguage++;
            if (k.wrongLanguage <= 3) failures.push(`${target.name} case ${i} seed ${seed} (${c.family}): ${res.status} not a page in ${v.lang}: ${html.slice(0, 120)}`);
          }
        } else {
          if (res.status >= 300) k.redirect3xx++;
          else k.ok2xx++;
          accepted++;
        }
        // The first answer of a journey starts a session, and the token is bound to it: fetch the
        // page again for a fresh one (a person's browser would have it from the next page).
        if (v.cookie("doorstep_session") !== session) await v.get(v.p("/contact"));
      }
    }),
  );
  const after = await rowCounts();
  if (before && after) {
    const diff = changed(before, after);
    const allowed = target.creates ?? [];
    const unexpected = Object.keys(diff).filter((t) => accepted === 0 || !(allowed.includes("*") || allowed.includes(t)));
    if (unexpected.length > 0) failures.push(`${target.name}: rows changed that should not have (${accepted} accepted): ${JSON.stringify(diff)}`);
    if (Object.keys(diff).length > 0) rowNotes.push(`${target.name}: ${JSON.stringify(diff)} (${accepted} accepted)`);
  }
}

// ── socket events ───────────────────────────────────────────────────────────

function customer(address: string): Socket {
  return io(`${baseUrl}/chat`, {
    transports: ["websocket"],
    forceNew: true,
    reconnection: false,
    extraHeaders: {
      origin: new URL(baseUrl).origin,
      "x-forwarded-for": address,
    },
  });
}
async function connect(address: string): Promise<Socket> {
  const s = customer(address);
  await new Promise<void>((resolve, reject) => {
    s.once("connect", () => resolve());
    s.once("connect_error", reject);
  });
  return s;
}
type Conversation = { conversationId: string; token: string };
async function startChat(s: Socket, lang: "en" | "cy"): Promise<Conversation | null> {
  const ack = (await s.timeout(10_000).emitWithAck("chat:start", {
    lang,
    topic: "foi",
    name: "Sam",
    email: `chat-${unique()}@example.org`,
    transcriptConsent: true,
    browserId: randomUUID(),
  })) as { data?: Conversation };
  return ack.data ?? null;
}

type HostileEvent = {
  name: string;
  ack: boolean;
  plausible: (own: Conversation | null, other: Conversation | null) => Record<string, unknown>;
};
/** An event about the socket's own conversation (a made-up id where its start was refused). */
const aboutOwn = (name: string, ack: boolean, more: () => Record<string, unknown> = () => ({})): HostileEvent => ({
  name,
  ack,
  plausible: (own) => ({ conversationId: own?.conversationId ?? randomUUID(), ...more() }),
});
const EVENTS: HostileEvent[] = [
  { name: "chat:status", ack: true, plausible: () => ({ lang: "cy" }) },
  {
    name: "chat:start",
    ack: true,
    plausible: () => ({
      lang: "en",
      topic: "foi",
      name: "Sam",
      email: "sam@example.org",
      transcriptConsent: true,
      browserId: randomUUID(),
    }),
  },
  {
    name: "chat:resume",
    ack: true,
    plausible: (own, other) => ({
      token: (other ?? own)?.token ?? "x",
      lastSeq: 0,
    }),
  },
  aboutOwn("message:send", true, () => ({ clientId: randomUUID(), text: "Hello" })),
  aboutOwn("typing:update", false, () => ({ typing: true })),
  aboutOwn("receipt:update", false, () => ({ upToSeq: 1, state: "read" })),
  aboutOwn("chat:rate", true, () => ({ rating: 5, comment: "" })),
  aboutOwn("chat:accept-fallback", true),
  {
    name: "transcript:email",
    ack: true,
    plausible: (own, other) => ({
      conversationId: (own ?? other)?.conversationId ?? randomUUID(),
      email: "sam@example.org",
    }),
  },
  {
    name: "chat:leave-message",
    ack: true,
    plausible: () => ({
      lang: "cy",
      topic: "foi",
      name: "Siân",
      email: "sian@example.org",
      text: "Ble mae fy nghais?",
      idempotencyKey: randomUUID(),
    }),
  },
  // Last: it ends the pool's own conversations.
  {
    name: "chat:end",
    ack: true,
    plausible: (own, other) => ({
      conversationId: (other ?? own)?.conversationId ?? randomUUID(),
    }),
  },
];

/**
 * True when the chat answers `chat:status` for this socket's address. An event without an answer
 * (typing, receipts) is not waited for, so a frame the server refused by closing the socket may
 * close it only now, while this question is in flight: that is a refusal, and the question is
 * asked again on a new connection. No answer on a connection that stays open is a failure.
 */
async function stillAnswering(slot: { s: Socket; address: string }): Promise<boolean> {
  for (let attempt = 0; attempt < 2; attempt++) {
    if (!slot.s.connected) slot.s = await connect(slot.address);
    try {
      const status = (await slot.s.timeout(15_000).emitWithAck("chat:status", { lang: "en" })) as { data?: unknown };
      return Boolean(status?.data);
    } catch {
      if (slot.s.connected) return false;
    }
  }
  return false;
}

async function attackEvent(event: (typeof EVENTS)[number], n: number, r: Rng, label = event.name) {
  const pool = 8;
  const sockets: { s: Socket; address: string; own: Conversation | null }[] = [];
  for (let i = 0; i < pool; i++) {
    const address = newAddress();
    const s = await connect(address);
    sockets.push({
      s,
      address,
      own: event.name === "chat:status" || event.name === "chat:start" ? null : await startChat(s, i % 2 ? "cy" : "en"),
    });
  }
  const c = {
    total: 0,
    data: 0,
    errors: {} as Record<string, number>,
    noAck: 0,
    closed: 0,
  };
  socketCounts.set(label, c);
  const before = await rowCounts();
  await Promise.all(
    sockets.map(async (slot, si) => {
      for (let i = si; i < n; i += pool) {
        const cr = rng(r.int(2 ** 31));
        const payload = socketPayload(cr, event.plausible(slot.own, sockets[(si + 1) % pool]!.own), targets);
        c.total++;
        if (!slot.s.connected) {
          // The server may close a socket that sent something it refuses to parse: a refusal, not a
          // failure. The next case comes on a new connection.
          c.closed++;
          slot.s = await connect(slot.address);
        }
        if (!event.ack) {
          slot.s.emit(event.name, payload);
          continue;
        }
        try {
          const ack = (await slot.s.timeout(15_000).emitWithAck(event.name, payload)) as {
            data?: unknown;
            error?: { code?: string };
          };
          if (ack && typeof ack === "object" && "data" in ack) c.data++;
          else if (ack?.error?.code && (ERROR_CODES as readonly string[]).includes(ack.error.code) && ack.error.code !== "internal") c.errors[ack.error.code] = (c.errors[ack.error.code] ?? 0) + 1;
          else failures.push(`${event.name}: untyped or internal answer ${JSON.stringify(ack).slice(0, 200)} to ${JSON.stringify(payload)?.slice(0, 200)}`);
        } catch {
          if (!slot.s.connected) c.closed++;
          else {
            c.noAck++;
            failures.push(`${event.name}: no answer in 15 s to ${JSON.stringify(payload)?.slice(0, 200)}`);
          }
        }
      }
    }),
  );
  // The server must still be answering every socket's address after the cases.
  for (const slot of sockets) {
    if (!(await stillAnswering(slot))) failures.push(`${event.name}: the chat stopped answering after the cases`);
    // End this pool's own chats, so they do not hold places in the queue for the next event.
    if (slot.own)
      await slot.s
        .timeout(15_000)
        .emitWithAck("chat:end", { conversationId: slot.own.conversationId })
        .catch(() => undefined);
    slot.s.disconnect();
  }
  const after = await rowCounts();
  if (before && after) {
    const diff = changed(before, after);
    // Chats and messages; an accepted "leave a message" (queue full) is a whole ENQ case.
    const allowed = ["ChatConversation", "ChatMessage", "EmailMessage", "AuditEvent", "Case", "CaseParty", "CaseEvent", "OutboxEvent", "Party"];
    const unexpected = Object.keys(diff).filter((t) => !allowed.includes(t));
    if (unexpected.length > 0) failures.push(`${event.name}: rows changed that should not have: ${JSON.stringify(diff)}`);
    if (Object.keys(diff).length > 0) rowNotes.push(`${event.name}: ${JSON.stringify(diff)}`);
  }
}

// ── the run ────────────────────────────────────────────────────────────────

describe(`generated hostile requests (seed ${SEED}, ${CASES} per form and event${ROUNDS > 1 ? ` × ${ROUNDS} rounds` : ""}, ${engine})`, () => {
  const r = rng(SEED);

  it("other people's data to aim at: a case, its owner's address and a live tracking link", async () => {
    const owner = `owner-${unique()}@example.org`;
    targets.references.push(await askQuestion(new Visitor(), { email: owner, name: "Olwen Owner" }));
    targets.emails.push(owner);
    const v = new Visitor();
    await v.get("/track");
    await v.post("/track", { reference: targets.references[0]!, email: owner });
    const end = Date.now() + 20_000;
    while (targets.tokens.length === 0 && Date.now() < end) {
      try {
        for (const f of readdirSync(mailDir)) {
          const mail = await simpleParser(readFileSync(path.join(mailDir, f)));
          const token = /\/track\/case\/([A-Za-z0-9_-]{20,})/.exec(mail.text ?? "")?.[1];
          if (token) targets.tokens.push(token);
        }
      } catch {
        // no mail yet
      }
      if (targets.tokens.length === 0) await new Promise((res) => setTimeout(res, 200));
    }
    expect(targets.tokens.length).toBeGreaterThan(0);
  }, 60_000);

  it(`warm-up: ${WARM_UP} cases per form and event, then the memory baseline`, async () => {
    for (const target of TARGETS) await attackForm(target, WARM_UP, r);
    for (const event of EVENTS) await attackEvent(event, WARM_UP, r);
    formCounts.clear();
    socketCounts.clear();
    memory.baseline = await serverMemory();
    if (SNAPSHOTS) await heapSnapshot(path.join(SNAPSHOTS, "baseline.heapsnapshot"));
    expect(failures).toEqual([]);
  }, 600_000);

  for (let round = 1; round <= ROUNDS; round++) {
    const inThis = ROUNDS > 1 ? ` (round ${round} of ${ROUNDS})` : "";
    for (const event of EVENTS) {
      it(`socket event ${event.name}: ${CASES} cases${inThis}`, async () => {
        const from = failures.length;
        const label = inRound(event.name, round);
        await attackEvent(event, CASES, r, label);
        const c = socketCounts.get(label)!;
        await progress(`event ${label}: ${c.total} cases, data ${c.data}, typed errors ${JSON.stringify(c.errors)}, no answer ${c.noAck}, closed ${c.closed}, failures ${failures.length - from}`);
        expect(failures.slice(from)).toEqual([]);
        expect(c.total).toBe(CASES);
      }, 600_000);
    }

    for (const target of TARGETS) {
      it(`form ${target.name}: ${CASES} cases${inThis}`, async () => {
        const from = failures.length;
        const label = inRound(target.name, round);
        await attackForm(target, CASES, r, label);
        const c = counts(label);
        await progress(`form ${label}: ${c.total} cases, 2xx ${c.ok2xx}, 3xx ${c.redirect3xx}, 4xx ${JSON.stringify(c.refused4xx)}, 5xx ${c.server5xx}, wrong language ${c.wrongLanguage}, failures ${failures.length - from}`);
        expect(failures.slice(from)).toEqual([]);
        expect(c.total).toBe(CASES);
      }, 600_000);
    }

    if (ROUNDS > 1)
      it(`memory after round ${round}`, async () => {
        const now = await serverMemory();
        memory.rounds.push(now);
        await progress(`round ${round} done`);
      }, 120_000);
  }

  it(`memory: heap after a full GC back within ${mb(HEAP_TOLERANCE.bytes)} MB or ${HEAP_TOLERANCE.ratio * 100}% of the baseline`, async () => {
    memory.after = await serverMemory();
    if (SNAPSHOTS) await heapSnapshot(path.join(SNAPSHOTS, "after.heapsnapshot"));
    const { baseline, after } = memory;
    expect(baseline).toBeDefined();
    expect(after!.heapUsed, `heap ${mb(baseline!.heapUsed)} → ${mb(after!.heapUsed)} MB`).toBeLessThanOrEqual(allowedHeap(baseline!));
    // Run twice, the same load must leave the same heap: what a leak would add, it adds again.
    if (memory.rounds.length >= 2) {
      const first = memory.rounds[0]!.heapUsed;
      const last = memory.rounds.at(-1)!.heapUsed;
      expect(last - first, `heap after round 1 ${mb(first)} MB, after round ${memory.rounds.length} ${mb(last)} MB`).toBeLessThanOrEqual(ROUND_GROWTH_TOLERANCE);
    }
  }, 120_000);

  afterAll(() => {
    const lines = [`hostile requests: seed ${SEED}, engine ${engine}, ${CASES} per form/event${ROUNDS > 1 ? `, ${ROUNDS} rounds` : ""}`];
    lines.push("form | cases | 2xx | 3xx | 4xx (by status) | 5xx | 4xx not in the person's language");
    for (const [name, c] of formCounts) lines.push(`${name} | ${c.total} | ${c.ok2xx} | ${c.redirect3xx} | ${JSON.stringify(c.refused4xx)} | ${c.server5xx} | ${c.wrongLanguage}`);
    lines.push("socket event | cases | data | typed errors | no answer | connection closed");
    for (const [name, c] of socketCounts) lines.push(`${name} | ${c.total} | ${c.data} | ${JSON.stringify(c.errors)} | ${c.noAck} | ${c.closed}`);
    const total = [...formCounts.values()].reduce((s, c) => s + c.total, 0) + [...socketCounts.values()].reduce((s, c) => s + c.total, 0);
    lines.push(`total ${total} requests/events`);
    if (memory.baseline && memory.after) {
      const { baseline: b, after: a } = memory;
      lines.push(`memory after GC: heapUsed ${mb(b.heapUsed)} → ${mb(a.heapUsed)} MB; rss ${mb(b.rss)} → ${mb(a.rss)} MB; external ${mb(b.external)} → ${mb(a.external)} MB`);
      if (memory.rounds.length > 1) lines.push(`heap after GC by round: ${memory.rounds.map((m, i) => `round ${i + 1} ${mb(m.heapUsed)} MB (rss ${mb(m.rss)})`).join(", ")}`);
    }
    lines.push(
      engine === "postgres"
        ? `rows: ${rowNotes.length === 0 ? "no table changed" : rowNotes.join("; ")}`
        : "rows: not counted on PGlite (it lives inside the server process); run with PostgreSQL for the row check",
    );
    if (failures.length > 0) lines.push(`failures (${failures.length}):`, ...failures.slice(0, 40));
    console.log(lines.join("\n"));
  });
});
