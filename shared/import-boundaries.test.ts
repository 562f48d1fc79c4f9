// The import rules of docs/decisions/0013-one-way-to-build.md, checked on every source file:
// server/ never imports app/; components render what they are given (no server/ imports);
// the widget and shared/ import only shared/ (and packages), so they stay browser-safe.
import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

type Rule = { name: string; applies: (file: string) => boolean; forbids: (target: string) => boolean };

const inside = (dir: string) => (file: string) => file === dir || file.startsWith(`${dir}/`);
const isPackage = (target: string) => !target.startsWith("/") && !target.includes("/../") && !/^(app|server|widget|shared|test|prisma|generated|locales|scripts|bench)\//.test(target);

export const RULES: Rule[] = [
  { name: "server/ imports nothing from app/", applies: inside("server"), forbids: inside("app") },
  { name: "components import nothing from server/", applies: inside("app/components"), forbids: inside("server") },
  {
    name: "the widget imports only widget/, shared/, its locale text and packages",
    applies: inside("widget"),
    forbids: (t) => !isPackage(t) && !inside("widget")(t) && !inside("shared")(t) && !/^locales\/(en|cy)\/widget\.json$/.test(t),
  },
  {
    name: "shared/ imports only shared/ and browser-safe packages",
    applies: (f) => inside("shared")(f) && !f.endsWith(".test.ts"),
    forbids: (t) => t.startsWith("node:") || (!isPackage(t) && !inside("shared")(t)),
  },
];

/**
 * Known violations being removed by their owners; each entry must still be a violation (the
 * test fails when it is fixed, so the entry is removed with the fix).
 * (None at present: server/chat no longer imports app/.)
 */
const ALLOWED: { file: string; target: string }[] = [];

const IMPORT = /(?:^|[\s;])(?:import|export)\s[^'"`;]*?from\s*["']([^"']+)["']|(?:^|[\s;(])import\s*\(\s*["']([^"']+)["']\s*\)|^\s*import\s*["']([^"']+)["']/gm;

/** Every module a source text imports, resolved to a repository path (packages stay as named). */
export function importsOf(file: string, source: string): string[] {
  const found: string[] = [];
  for (const match of source.matchAll(IMPORT)) {
    const spec = match[1] ?? match[2] ?? match[3]!;
    if (spec.startsWith(".")) found.push(path.posix.normalize(path.posix.join(path.posix.dirname(file), spec)));
    else if (spec.startsWith("~/")) found.push(`app/${spec.slice(2)}`);
    else found.push(spec);
  }
  return found;
}

export function violations(files: { file: string; source: string }[]) {
  const out: { rule: string; file: string; target: string }[] = [];
  for (const { file, source } of files) {
    for (const target of importsOf(file, source)) {
      for (const rule of RULES) if (rule.applies(file) && rule.forbids(target)) out.push({ rule: rule.name, file, target });
    }
  }
  return out;
}

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = `${dir}/${name}`;
    if (name === "node_modules") return [];
    if (statSync(full).isDirectory()) return sources(full);
    return /\.(ts|tsx|mts)$/.test(name) ? [full] : [];
  });
}

describe("import boundaries", () => {
  it("catches each kind of backwards import (the checker can fail)", () => {
    const found = violations([
      { file: "server/http/app.ts", source: 'import { langFromPath } from "../../app/lib/lang";' },
      { file: "app/components/x.tsx", source: 'import type { Answers } from "../../server/domain/concerns/answers.js";' },
      { file: "app/components/y.tsx", source: 'const m = await import("../../server/db");' },
      { file: "widget/app/main.tsx", source: 'export { transcriptText } from "../../server/domain/chat/transcript";' },
      { file: "widget/app/ok.tsx", source: 'import { h } from "preact";\nimport { TOPICS } from "../../shared/chat/events";' },
      { file: "shared/format.ts", source: 'import { readFileSync } from "node:fs";' },
      { file: "app/routes/fine.tsx", source: 'import { createCase } from "../../server/domain/cases";' },
    ]);
    expect(found.map((v) => `${v.file} -> ${v.target}`)).toEqual([
      "server/http/app.ts -> app/lib/lang",
      "app/components/x.tsx -> server/domain/concerns/answers.js",
      "app/components/y.tsx -> server/db",
      "widget/app/main.tsx -> server/domain/chat/transcript",
      "shared/format.ts -> node:fs",
    ]);
  });

  it("holds for every source file (apart from the listed known violations)", () => {
    const files = ["app", "server", "widget", "shared"].flatMap(sources).map((file) => ({ file, source: readFileSync(file, "utf8") }));
    const found = violations(files);
    const unexpected = found.filter((v) => !ALLOWED.some((a) => a.file === v.file && a.target === v.target));
    expect(unexpected).toEqual([]);
    // A fixed violation must leave the allow-list with its fix.
    const stale = ALLOWED.filter((a) => !found.some((v) => v.file === a.file && v.target === a.target));
    expect(stale).toEqual([]);
  });
});
