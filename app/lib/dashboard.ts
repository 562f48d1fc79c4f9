// Pure helpers for the manager dashboard: fill gaps in time series and work out shares.
export type CountRow = { key: string; series: string; count: number };

/** The last n London dates ending today, oldest first (YYYY-MM-DD). */
export function lastDays(today: string, n: number): string[] {
  const [y, m, d] = today.split("-").map(Number) as [number, number, number];
  return Array.from({ length: n }, (_, i) => new Date(Date.UTC(y, m - 1, d - (n - 1 - i))).toISOString().slice(0, 10));
}

/** Monday of the ISO week of a date (YYYY-MM-DD). */
export function weekStart(date: string): string {
  const [y, m, d] = date.split("-").map(Number) as [number, number, number];
  const day = new Date(Date.UTC(y, m - 1, d));
  const offset = (day.getUTCDay() + 6) % 7;
  return new Date(Date.UTC(y, m - 1, d - offset)).toISOString().slice(0, 10);
}

/** One row per key (day or week) with a count per series, zeros where nothing happened. */
export function fillSeries(keys: readonly string[], series: readonly string[], rows: readonly CountRow[]) {
  const table = keys.map((key) => ({ key, counts: Object.fromEntries(series.map((s) => [s, 0])) as Record<string, number>, total: 0 }));
  const index = new Map(table.map((row) => [row.key, row]));
  for (const r of rows) {
    const row = index.get(r.key);
    if (!row || !(r.series in row.counts)) continue;
    row.counts[r.series]! += r.count;
    row.total += r.count;
  }
  return table;
}

/** Whole-number percentage, or null when there is nothing to measure. */
export function percent(part: number, whole: number): number | null {
  if (whole <= 0) return null;
  return Math.round((part / whole) * 1000) / 10;
}
