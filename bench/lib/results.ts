// bench/results.json is shared by every benchmark: a flat object each one merges its keys into.
import { existsSync, readFileSync, renameSync, writeFileSync } from "node:fs";

export type Flat = Record<string, string | number | boolean | null>;

export function mergeResults(file: string, update: Flat, remove: string[] = []): Flat {
  let existing: Flat = {};
  if (existsSync(file)) {
    try {
      const parsed: unknown = JSON.parse(readFileSync(file, "utf8"));
      if (parsed && typeof parsed === "object" && !Array.isArray(parsed)) existing = parsed as Flat;
      else console.warn(`${file} did not hold a JSON object; starting a new one.`);
    } catch (error) {
      // Never silently lose other benchmarks' figures: keep the unreadable file aside.
      const aside = `${file}.unreadable-${Date.now()}`;
      renameSync(file, aside);
      console.warn(`${file} was not valid JSON (${(error as Error).message}); moved it to ${aside}.`);
    }
  }
  const merged: Flat = { ...existing, ...update };
  for (const key of remove) if (!(key in update)) delete merged[key];
  const temporary = `${file}.tmp-${process.pid}`;
  writeFileSync(temporary, `${JSON.stringify(merged, null, 2)}\n`);
  renameSync(temporary, file);
  return merged;
}

export type Row = {
  label: string;
  key: string;
  unit: "ms" | "rps" | "bytes" | "count" | "ratio";
  /** A goal this figure must not exceed. */
  max?: number;
  /** A goal this figure must reach. */
  min?: number;
};

function format(value: unknown, unit: Row["unit"]): string {
  if (value === null || value === undefined) return "—";
  if (typeof value !== "number") return String(value);
  switch (unit) {
    case "ms":
      return `${value.toFixed(1)} ms`;
    case "rps":
      return `${value.toFixed(1)} req/s`;
    case "bytes":
      return `${value.toLocaleString("en-GB")} B (${(value / 1024).toFixed(1)} KB)`;
    case "count":
      return String(value);
    case "ratio":
      return `${value.toFixed(2)}×`;
  }
}

function goal(row: Row): string {
  if (row.max !== undefined) return `≤ ${format(row.max, row.unit)}`;
  if (row.min !== undefined) return `≥ ${format(row.min, row.unit)}`;
  return "";
}

/** A plain-text table; `columns` are [heading, key prefix] pairs, e.g. ["PostgreSQL", "postgres_"]. */
export function table(rows: Row[], figures: Flat, columns: [string, string][]): string {
  const header = ["Figure", ...columns.map(([heading]) => heading), "Goal", ""];
  const body = rows.map((row) => {
    const values = columns.map(([, prefix]) => figures[prefix + row.key]);
    const checked = values.filter((value): value is number => typeof value === "number");
    let verdict = "";
    if (row.max !== undefined && checked.length > 0) verdict = checked.every((value) => value <= row.max!) ? "met" : "MISSED";
    if (row.min !== undefined && checked.length > 0) verdict = checked.every((value) => value >= row.min!) ? "met" : "MISSED";
    return [row.label, ...values.map((value) => format(value, row.unit)), goal(row), verdict];
  });
  const widths = header.map((_, i) => Math.max(...[header, ...body].map((line) => line[i]!.length)));
  const line = (cells: string[]) => cells.map((cell, i) => cell.padEnd(widths[i]!)).join("  ").trimEnd();
  return [line(header), widths.map((w) => "-".repeat(w)).join("  "), ...body.map(line)].join("\n");
}
