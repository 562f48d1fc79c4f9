// The case list's counts come from "CaseCount", kept by triggers (issue 14, speed). Whatever
// happens to cases (bulk inserts, closes, reopens, moves between queues, allocation, deletes,
// a rolled-back transaction), every total the list and the queue table show must equal an
// exact count of the same rows at the same instant. Runs on PGlite and PostgreSQL.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  CASE_LIST_FIELDS,
  caseWhere,
  clockBoundaries,
  CaseFilterSchema,
  decodeCursor,
  encodeCursor,
  listCases,
  pageLinks,
  parseCaseFilters,
  queueCounts,
  SEARCH_COUNT_CAP,
  type CaseFilters,
} from "../../server/domain/cases";
import { createTestDatabase, ENGINES, type TestDatabase } from "../support/database";

// Mid-afternoon in winter: London = UTC, the due-soon boundary is the end of 8 December.
const NOW = new Date("2026-12-06T15:37:12.345Z");
const filters = (raw: Record<string, string>): CaseFilters => CaseFilterSchema.parse(raw);

describe.each(ENGINES)("case list counts on %s", (engine) => {
  let db: TestDatabase;
  let officer: string;

  const exactQueues = async () => {
    const { overdueBefore, dueSoonUntil } = clockBoundaries(NOW);
    const rows = await db.prisma.$queryRawUnsafe<{ queue: string; state: string; n: number }[]>(
      `SELECT "workQueue" AS queue,
         CASE WHEN "nextDueAt" < $1 THEN 'overdue' WHEN "nextDueAt" <= $2 THEN 'due_soon' ELSE 'on_time' END AS state, count(*)::int AS n
       FROM "Case" WHERE "status" <> 'closed' GROUP BY 1, 2`,
      overdueBefore,
      dueSoonUntil,
    );
    const byQueue = new Map<string, Record<string, number>>();
    for (const r of rows) {
      const line = byQueue.get(r.queue) ?? { on_time: 0, due_soon: 0, overdue: 0, total: 0 };
      line[r.state]! += r.n;
      line.total! += r.n;
      byQueue.set(r.queue, line);
    }
    return byQueue;
  };

  // Every combination the counts table answers, plus the ones counted directly.
  const cases: Record<string, string>[] = [
    {},
    { status: "all" },
    { status: "closed" },
    { status: "queued" },
    { status: "under_way", queue: "8" },
    { queue: "12" },
    { type: "FS50" },
    { language: "cy" },
    { officer: "none" },
    { clock: "overdue" },
    { clock: "due_soon" },
    { clock: "on_time" },
    { status: "all", clock: "on_time" },
    { queue: "8", clock: "due_soon", language: "en" },
    { type: "RFA", officer: "none", clock: "overdue" },
    { flag: "reasonable_adjustment" },
  ];

  const expectCountsRight = async (label: string) => {
    for (const raw of [...cases, { officer }]) {
      const f = filters(raw);
      const exact = await db.prisma.case.count({ where: caseWhere(f, NOW) });
      const { total, totalCapped } = await listCases(db.prisma, f, NOW);
      expect({ label, raw, total, totalCapped }).toEqual({ label, raw, total: exact, totalCapped: false });
    }
    const exact = await exactQueues();
    const shown = await queueCounts(db.prisma, NOW);
    expect(shown.map((q) => q.queue).sort()).toEqual([...exact.keys()].sort());
    for (const q of shown) expect({ label, ...q }).toEqual({ label, queue: q.queue, ...exact.get(q.queue) });
  };

  beforeAll(async () => {
    db = await createTestDatabase(engine);
    officer = (await db.prisma.staffUser.create({ data: { email: `officer-${engine}@example.test`, name: "Officer", passwordHash: "x", roles: ["case_officer"] } })).id;
    // 1,200 cases: every queue, a few types, both languages, four statuses, and clocks from two
    // days ago to three days ahead at odd minutes, so both boundary days are partly counted.
    await db.prisma.$executeRawUnsafe(
      `INSERT INTO "Case" ("id", "reference", "type", "status", "title", "language", "channel", "workQueue", "summary",
         "createdAt", "openedAt", "queueDueAt", "underWayDueAt", "answerDueAt", "closeDueAt", "nextDueAt", "updatedAt", "assignedToId")
       SELECT gen_random_uuid(), 'RFA' || lpad(i::text, 7, '0'), (ARRAY['RFA','FS50','ELE'])[1 + i % 3],
         (ARRAY['received','queued','under_way','closed'])[1 + i % 4]::"CaseStatus",
         'Concern about Organisation ' || (i % 50), (CASE WHEN i % 5 = 0 THEN 'cy' ELSE 'en' END)::"Language", 'web_form',
         (1 + i % 18)::text, 'summary', $1, $1, $1, $1, $1, $1,
         CASE WHEN i % 4 = 3 OR i % 11 = 0 THEN NULL ELSE $1::timestamptz + ((i % 120) - 48) * interval '1 hour' + (i % 59) * interval '1 minute' END,
         $1, CASE WHEN i % 7 = 0 THEN $2::uuid END
       FROM generate_series(1, 1200) AS i`,
      NOW,
      officer,
    );
  });
  afterAll(async () => {
    await db?.close();
  });

  it("match exact counts after a bulk insert", async () => {
    await expectCountsRight("bulk insert");
  });

  it("stay right through closes, reopens, moves, allocation, edits and deletes", async () => {
    const p = db.prisma;
    // Close a queue's cases (no clock once closed), reopen a few, move some, allocate some.
    await p.case.updateMany({ where: { workQueue: "9", status: { not: "closed" } }, data: { status: "closed", nextDueAt: null, closedAt: NOW } });
    const some = await p.case.findMany({ where: { workQueue: "9", status: "closed" }, take: 5, select: { id: true } });
    for (const c of some) await p.case.update({ where: { id: c.id }, data: { status: "queued", nextDueAt: new Date(NOW.getTime() + 3_600_000), closedAt: null } });
    await p.case.updateMany({ where: { workQueue: "3" }, data: { workQueue: "4" } });
    await p.case.updateMany({ where: { workQueue: "5", assignedToId: null }, data: { assignedToId: officer } });
    await p.case.updateMany({ where: { workQueue: "6" }, data: { title: "Renamed" } });
    await p.case.updateMany({ where: { workQueue: "7" }, data: { nextDueAt: new Date(NOW.getTime() - 1) } });
    await p.case.deleteMany({ where: { workQueue: "10" } });
    // A flagged customer on two cases.
    const party = await p.party.create({ data: { kind: "person", name: "Flagged", flags: { create: { kind: "reasonable_adjustment", summary: "Large print" } } } });
    const two = await p.case.findMany({ take: 2, select: { id: true } });
    for (const c of two) await p.caseParty.create({ data: { caseId: c.id, partyId: party.id, role: "customer" } });
    await expectCountsRight("after changes");
  });

  it("leave nothing behind when a transaction rolls back", async () => {
    const before = await queueCounts(db.prisma, NOW);
    await expect(
      db.prisma.$transaction(async (tx) => {
        await tx.case.updateMany({ where: { workQueue: "11" }, data: { status: "closed", nextDueAt: null } });
        throw new Error("rolled back");
      }),
    ).rejects.toThrow("rolled back");
    expect(await queueCounts(db.prisma, NOW)).toEqual(before);
    await expectCountsRight("after a rollback");
  });

  it("stop counting a broad search at the cap and count a narrow one exactly", async () => {
    const broad = await listCases(db.prisma, filters({ q: "Organisation", status: "all" }), NOW);
    expect(broad).toMatchObject({ total: SEARCH_COUNT_CAP, totalCapped: true });
    expect(broad.rows).toHaveLength(50);
    const narrow = filters({ q: "Organisation 17", status: "all" });
    const exact = await db.prisma.case.count({ where: caseWhere(narrow, NOW) });
    expect(exact).toBeGreaterThan(0);
    expect(await listCases(db.prisma, narrow, NOW)).toMatchObject({ total: exact, totalCapped: false });
  });

  // Keyset paging: the oracle is one ORDER BY over the same filters; the list must give the same
  // sequence page by page, forwards by "next" cursors and backwards by "previous" ones. Every
  // case here was created at the same instant and many share a clock, so only the unique
  // reference separates them.
  const ORDER = {
    due: [{ nextDueAt: { sort: "asc", nulls: "last" } }, { createdAt: "asc" }, { reference: "asc" }],
    received: [{ createdAt: "desc" }, { reference: "asc" }],
    reference: [{ reference: "asc" }],
  } as const;
  it.each([
    { status: "all" },
    { status: "all", sort: "received" },
    { status: "all", sort: "reference" },
    { clock: "on_time" },
    { queue: "8", sort: "received", status: "all" },
  ] as Record<string, string>[])("pages by cursor through every case once, forwards and back, in order (%o)", async (raw) => {
    const f = filters(raw);
    const want = (await db.prisma.case.findMany({ where: caseWhere(f, NOW), orderBy: [...ORDER[f.sort]] as never, select: { reference: true } })).map((r) => r.reference);
    expect(want.length).toBeGreaterThan(50);
    const forward: string[][] = [];
    let page = await listCases(db.prisma, f, NOW);
    forward.push(page.rows.map((r) => r.reference));
    expect(page.previous).toBeNull();
    while (page.next) {
      expect(page.rows).toHaveLength(50);
      page = await listCases(db.prisma, { ...f, page: page.page + 1, after: page.next }, NOW);
      forward.push(page.rows.map((r) => r.reference));
      expect(page.total).toBe(want.length);
    }
    expect(forward.flat()).toEqual(want);
    expect(page.page).toBe(Math.ceil(want.length / 50));
    // Back from the last page by "previous" cursors: the same pages in reverse.
    const backward: string[][] = [page.rows.map((r) => r.reference)];
    while (page.previous) {
      page = await listCases(db.prisma, { ...f, page: page.page - 1, before: page.previous }, NOW);
      backward.unshift(page.rows.map((r) => r.reference));
    }
    expect(page.page).toBe(1);
    expect(backward).toEqual(forward);
  });

  it("takes only cursors it made for the same order, and builds plain previous/next links", async () => {
    const f = filters({ status: "all" });
    const first = await listCases(db.prisma, f, NOW);
    expect(decodeCursor("due", first.next!)).not.toBeNull();
    // The same token under another order, a forged shape and junk are all "no cursor": page 1.
    expect(decodeCursor("reference", first.next!)).toBeNull();
    expect(decodeCursor("due", encodeCursor({ segment: 0, values: ["'; DROP TABLE \"Case\"--", "x", "y"] }))).toBeNull();
    expect(decodeCursor("due", encodeCursor({ segment: 7, values: [] }))).toBeNull();
    expect(decodeCursor("due", "not-a-cursor")).toBeNull();
    expect((await listCases(db.prisma, { ...f, sort: "reference", after: first.next! }, NOW)).page).toBe(1);
    // The links: next carries the cursor and page 2; page 2's previous is the first page's clean address.
    const links = pageLinks(f, first);
    expect(links.previous).toBeNull();
    expect(links.next).toBe(`?status=all&page=2&after=${first.next}`);
    const second = await listCases(db.prisma, parseCaseFilters(new URLSearchParams(links.next!)), NOW);
    expect(second.page).toBe(2);
    expect(pageLinks(f, second).previous).toBe("?status=all");
    const third = await listCases(db.prisma, { ...f, page: 3, after: second.next! }, NOW);
    expect(pageLinks(f, third).previous).toBe(`?status=all&page=2&before=${third.previous}`);
    // Both directions at once: "after" wins and the short address drops "before".
    expect(parseCaseFilters(new URLSearchParams(`after=${first.next}&before=${first.next}`)).before).toBeUndefined();
  });

  it("has trigram indexes for the search on PostgreSQL, used by it, and none on PGlite (pg_trgm not loaded there, decision 0014)", async () => {
    const rows = await db.prisma.$queryRawUnsafe<{ indexname: string; indexdef: string }[]>(
      `SELECT indexname::text AS indexname, indexdef FROM pg_indexes WHERE indexname IN ('Case_title_trgm_idx', 'Party_name_trgm_idx') ORDER BY 1`,
    );
    expect(rows.map((r) => r.indexname)).toEqual(engine === "postgres" ? ["Case_title_trgm_idx", "Party_name_trgm_idx"] : []);
    for (const r of rows) expect(r.indexdef).toMatch(/USING gin \("?\w+"? gin_trgm_ops\)/);
    if (engine !== "postgres") return;
    // The list's title search can use it (the planner is told to avoid a scan: the table is small here).
    const plan = await db.prisma.$transaction(async (tx) => {
      await tx.$executeRawUnsafe("SET LOCAL enable_seqscan = off");
      return tx.$queryRawUnsafe<{ "QUERY PLAN": string }[]>(`EXPLAIN SELECT "id" FROM "Case" WHERE "title" ILIKE '%Organisation 4321%'`);
    });
    expect(plan.map((p) => p["QUERY PLAN"]).join("\n")).toContain("Case_title_trgm_idx");
  });

  it("finds a case by its customer's name as well as its title, and counts it", async () => {
    const party = await db.prisma.party.create({ data: { kind: "person", name: "Zebedee Quartermaine" } });
    const [c] = await db.prisma.case.findMany({ where: { status: { not: "closed" } }, take: 1, select: { id: true, reference: true } });
    await db.prisma.caseParty.create({ data: { caseId: c!.id, partyId: party.id, role: "customer" } });
    const found = await listCases(db.prisma, filters({ q: "quarterMAINE" }), NOW);
    expect(found.rows.map((r) => r.reference)).toEqual([c!.reference]);
    expect(found).toMatchObject({ total: 1, totalCapped: false });
    // Wildcards in the search are text, not patterns.
    expect((await listCases(db.prisma, filters({ q: "%" }), NOW)).total).toBe(0);
  });

  it("pages through every case exactly once in due order", async () => {
    const f = filters({ status: "all" });
    const total = await db.prisma.case.count();
    const seen: string[] = [];
    for (let page = 1; page <= Math.ceil(total / 50); page++) seen.push(...(await listCases(db.prisma, { ...f, page }, NOW)).rows.map((r) => r.reference));
    expect(seen).toHaveLength(total);
    expect(new Set(seen).size).toBe(total);
  });

  // The list reads its rows, officers and flags in one SQL statement of its own (not Prisma's
  // query builder); Prisma's reading of caseWhere is the oracle: the same cases in the same
  // order, each with its officer's name and its customer's live flags only, for every filter
  // and order, on the first page and on a page reached by a cursor.
  it("shows each filter's rows with their officer and their customer's live flags, as Prisma reads caseWhere", async () => {
    const p = db.prisma;
    const [first, second] = await p.case.findMany({ where: { status: { not: "closed" } }, orderBy: [...ORDER.due] as never, take: 2, select: { id: true } });
    await p.case.update({ where: { id: first!.id }, data: { assignedToId: officer } });
    const customer = await p.party.create({
      data: { kind: "person", name: "Two flags", flags: { create: [{ kind: "restricted_contact", summary: "Post only" }, { kind: "reasonable_adjustment", summary: "Large print" }, { kind: "no_further_contact", summary: "Lifted", clearedAt: NOW }] } },
    });
    const representative = await p.party.create({ data: { kind: "person", name: "Rep", flags: { create: { kind: "no_further_contact", summary: "Not the customer" } } } });
    await p.caseParty.createMany({ data: [{ caseId: first!.id, partyId: customer.id, role: "customer" }, { caseId: second!.id, partyId: representative.id, role: "representative" }] });
    const shown = (rows: { reference: string; officer: string | null; flags: string[] }[]) => rows.map((r) => ({ reference: r.reference, officer: r.officer, flags: r.flags }));
    const oracle = async (f: CaseFilters, cursorFrom?: string) => {
      const all = await p.case.findMany({
        where: caseWhere(f, NOW, f.q === "two flags" ? [first!.id] : []),
        orderBy: [...ORDER[f.sort]] as never,
        select: { reference: true, assignedTo: { select: { name: true } }, parties: { where: { role: "customer" }, select: { party: { select: { flags: { where: { clearedAt: null }, select: { kind: true } } } } } } },
      });
      const from = cursorFrom ? all.findIndex((c) => c.reference === cursorFrom) + 1 : 0;
      return all.slice(from, from + 50).map((c) => ({
        reference: c.reference,
        officer: c.assignedTo?.name ?? null,
        flags: [...new Set(c.parties.flatMap((cp) => cp.party.flags.map((fl) => fl.kind)))].sort(),
      }));
    };
    let compared = 0;
    // Each filter in one order, the orders taken in turn (every filter in every order cost seconds).
    const all = [...cases, { officer }, { q: "Organisation 17", status: "all" }, { q: "two flags" }, { q: "rfa0000100", status: "all" }];
    for (const [i, raw] of all.entries()) {
      for (const sort of [["due", "received", "reference"][i % 3]!]) {
        const f = filters({ ...raw, sort });
        const page = await listCases(p, f, NOW);
        expect({ raw, sort, rows: shown(page.rows) }).toEqual({ raw, sort, rows: await oracle(f) });
        compared += page.rows.length;
        if (!page.next) continue;
        const next = await listCases(p, { ...f, page: 2, after: page.next }, NOW);
        expect({ raw, sort, rows: shown(next.rows) }).toEqual({ raw, sort, rows: await oracle(f, page.rows.at(-1)!.reference) });
      }
    }
    expect(compared).toBeGreaterThan(500);
    // The flagged customer's case shows both live flags, not the lifted one nor the representative's.
    const top = await listCases(p, filters({}), NOW);
    expect([top.rows[0]!.officer, top.rows[0]!.flags]).toEqual(["Officer", ["reasonable_adjustment", "restricted_contact"]]);
    expect(top.rows[1]!.flags).not.toContain("no_further_contact");
  });

  // Personal data goes only where it is meant to: a list row (the staff page, the API and the CSV
  // are made from it) holds exactly these fields, in this order, on every kind of page. A column
  // the page statement gains, or one dropped from the row, fails here.
  it("hands out exactly the declared fields in each row", async () => {
    const fields = ["id", "reference", "type", "title", "status", "language", "channel", "workQueue", "createdAt", "openedAt", "nextDueAt", "closedAt", "outcome", "officer", "officerId", "clock", "flags"];
    expect(CASE_LIST_FIELDS).toEqual(fields);
    const f = filters({ status: "all", sort: "reference" });
    const first = await listCases(db.prisma, f, NOW);
    const next = await listCases(db.prisma, { ...f, page: 2, after: first.next! }, NOW);
    const back = await listCases(db.prisma, { ...f, page: 2, before: (await listCases(db.prisma, { ...f, page: 3, after: next.next! }, NOW)).previous! }, NOW);
    const offset = await listCases(db.prisma, { ...f, page: 4 }, NOW);
    const rows = [first, next, back, offset].flatMap((page) => page.rows);
    expect(rows).toHaveLength(200);
    // Rows with and without an officer and a clock (closed cases): every key is there either way.
    expect([new Set(rows.map((r) => r.officer === null)).size, new Set(rows.map((r) => r.clock === null)).size]).toEqual([2, 2]);
    for (const row of rows) expect(Object.keys(row)).toEqual(fields);
  });
});

// The trigram indexes live only in a migration (schema.prisma cannot hold them while PGlite runs
// without pg_trgm: decision 0014), so `prisma migrate dev` against PostgreSQL proposes dropping
// them. This fails if such a proposal is ever committed, on any engine, with or without PostgreSQL.
describe("the case search's trigram indexes", () => {
  it("are created by a migration and dropped by none", async () => {
    const { readdirSync, readFileSync } = await import("node:fs");
    const dir = "prisma/migrations";
    const sql = readdirSync(dir)
      .filter((name) => !name.endsWith(".toml"))
      .sort()
      .map((name) => ({ name, text: readFileSync(`${dir}/${name}/migration.sql`, "utf8") }));
    for (const index of ["Case_title_trgm_idx", "Party_name_trgm_idx"]) {
      expect(sql.some((m) => m.text.includes(`CREATE INDEX IF NOT EXISTS "${index}"`)), index).toBe(true);
      expect(sql.filter((m) => new RegExp(`DROP\\s+INDEX[^;]*"${index}"`, "i").test(m.text)).map((m) => m.name), index).toEqual([]);
    }
  });
});
