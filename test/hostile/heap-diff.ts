// Compares two V8 heap snapshots of the hostile server (written by the generated run when
// HOSTILE_HEAP_SNAPSHOTS names a folder): what grew, by kind and constructor, with the count and
// self size of each, and who holds the objects of the kinds that grew most (their retainers).
// A tool for finding a leak, not a test:
//   node --max-old-space-size=6000 node_modules/.bin/tsx test/hostile/heap-diff.ts before.heapsnapshot after.heapsnapshot [constructor…]
import { readFileSync } from "node:fs";

type Snapshot = {
  snapshot: { meta: { node_fields: string[]; node_types: [string[]]; edge_fields: string[]; edge_types: [string[]] }; node_count: number };
  nodes: number[];
  edges: number[];
  strings: string[];
};

type Group = { count: number; size: number };

function load(file: string) {
  const s = JSON.parse(readFileSync(file, "utf8")) as Snapshot;
  const nf = s.snapshot.meta.node_fields.length;
  const ef = s.snapshot.meta.edge_fields.length;
  const types = s.snapshot.meta.node_types[0];
  const edgeTypes = s.snapshot.meta.edge_types[0];
  const [TYPE, NAME, , SIZE, EDGES] = [0, 1, 2, 3, 4];
  const nodeCount = s.nodes.length / nf;
  const label = (i: number) => {
    const type = types[s.nodes[i * nf + TYPE]!]!;
    const name = s.strings[s.nodes[i * nf + NAME]!]!;
    // Strings and code are grouped by kind: their "names" are their contents.
    if (type === "string" || type === "concatenated string" || type === "sliced string" || type === "number" || type === "code") return `(${type})`;
    if (type === "array" || type === "hidden") return `(${type}) ${name.slice(0, 40)}`;
    return `${type} ${name.slice(0, 80)}`;
  };
  const groups = new Map<string, Group>();
  const labels: string[] = new Array(nodeCount);
  for (let i = 0; i < nodeCount; i++) {
    const l = (labels[i] = label(i));
    const g = groups.get(l) ?? { count: 0, size: 0 };
    g.count++;
    g.size += s.nodes[i * nf + SIZE]!;
    groups.set(l, g);
  }
  /** For each node of the named labels, the label of whatever holds it (edge owner), counted. */
  const retainersOf = (wanted: Set<string>) => {
    const out = new Map<string, Map<string, number>>();
    let edge = 0;
    for (let i = 0; i < nodeCount; i++) {
      const n = s.nodes[i * nf + EDGES]!;
      for (let e = 0; e < n; e++, edge++) {
        const to = s.edges[edge * ef + 2]! / nf;
        const target = labels[to]!;
        if (!wanted.has(target)) continue;
        const type = edgeTypes[s.edges[edge * ef]!]!;
        if (type === "weak") continue;
        const nameOrIndex = s.edges[edge * ef + 1]!;
        const via = type === "element" || type === "hidden" ? `[${type}]` : `.${s.strings[nameOrIndex]}`;
        const key = `${labels[i]} ${via}`;
        const m = out.get(target) ?? new Map<string, number>();
        m.set(key, (m.get(key) ?? 0) + 1);
        out.set(target, m);
      }
    }
    return out;
  };
  return { groups, retainersOf, total: [...groups.values()].reduce((a, g) => a + g.size, 0) };
}

const [beforeFile, afterFile, ...asked] = process.argv.slice(2);
if (!beforeFile || !afterFile) throw new Error("usage: heap-diff.ts before.heapsnapshot after.heapsnapshot [label…]");
const before = load(beforeFile);
const after = load(afterFile);
const mb = (n: number) => (n / 1024 / 1024).toFixed(2);
console.log(`self size total: ${mb(before.total)} → ${mb(after.total)} MB`);
const rows = [...new Set([...before.groups.keys(), ...after.groups.keys()])].map((label) => {
  const b = before.groups.get(label) ?? { count: 0, size: 0 };
  const a = after.groups.get(label) ?? { count: 0, size: 0 };
  return { label, count: a.count - b.count, size: a.size - b.size, before: b, after: a };
});
rows.sort((x, y) => y.size - x.size);
console.log("grew most (Δ MB, Δ count, after count): label");
for (const r of rows.slice(0, 40)) console.log(`${mb(r.size).padStart(8)} ${String(r.count).padStart(9)} ${String(r.after.count).padStart(9)}  ${r.label}`);
const wanted = new Set(asked.length > 0 ? asked : rows.slice(0, 8).map((r) => r.label));
const held = after.retainersOf(wanted);
for (const label of wanted) {
  console.log(`\nheld by (count): ${label}`);
  const m = [...(held.get(label) ?? new Map<string, number>())].sort((x, y) => y[1] - x[1]).slice(0, 12);
  for (const [by, n] of m) console.log(`${String(n).padStart(9)}  ${by}`);
}
