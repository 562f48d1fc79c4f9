// The outbox catalogue and emit(): every event type names its aggregate, data is checked before it
// is written, and no code outside emit() writes outbox rows by hand.
import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { EVENT_CATALOGUE, EVENT_TYPES, eventShape } from "./catalogue";
import { emit } from "./emit";

function writer() {
  const rows: Record<string, unknown>[] = [];
  return { rows, outboxEvent: { create: async ({ data }: { data: Record<string, unknown> }) => void rows.push(data) } };
}

describe("outbox catalogue", () => {
  it("names each event after its aggregate, with a version", () => {
    for (const type of EVENT_TYPES) {
      const def = EVENT_CATALOGUE[type];
      expect(type.startsWith(`${def.aggregate}.`), type).toBe(true);
      expect(def.version).toBeGreaterThanOrEqual(1);
    }
    expect(eventShape("nuisance_report.created")).toEqual({ aggregateType: "nuisance_report", eventType: "nuisance_report.created", schemaVersion: 1 });
  });

  it("emit writes the catalogue's aggregate and version, and refuses data that does not fit", async () => {
    const w = writer();
    const at = new Date("2026-12-06T03:00:00Z");
    await emit(w, { type: "case.note", aggregateId: "c1", at, data: { reference: "ENQ0000001", text: "x" } });
    expect(w.rows[0]).toMatchObject({ aggregateType: "case", aggregateId: "c1", eventType: "case.note", schemaVersion: 1, createdAt: at, payload: { reference: "ENQ0000001", text: "x" } });
    await expect(emit(w, { type: "case.note", aggregateId: "c1", at, data: { text: "no reference" } })).rejects.toThrow();
    await expect(emit(w, { type: "case.deleted", aggregateId: "c1", at, data: { reference: "ENQ1", reason: "retention", name: "extra" } })).rejects.toThrow();
    await expect(emit(w, { type: "made.up" as never, aggregateId: "c1", at, data: {} })).rejects.toThrow(/Unknown/);
    expect(w.rows).toHaveLength(1);
  });

  it("no code outside emit() writes outbox rows by hand", () => {
    const found: string[] = [];
    const walk = (dir: string) => {
      for (const name of readdirSync(dir)) {
        const file = path.join(dir, name);
        if (statSync(file).isDirectory()) walk(file);
        else if (/\.tsx?$/.test(name) && !/\.test\.tsx?$/.test(name) && file !== path.join("server", "outbox", "emit.ts")) {
          if (/outboxEvent\.create(Many)?\(/.test(readFileSync(file, "utf8"))) found.push(file);
        }
      }
    };
    walk("server");
    walk("app");
    expect(found).toEqual([]);
  });
});
