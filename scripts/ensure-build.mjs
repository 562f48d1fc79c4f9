// Builds the production bundle when it is missing or older than its sources, so
// `npm start` and `npm test` always run what is in the tree, without rebuilding needlessly.
import { spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";

const SOURCES = ["app", "server", "shared", "generated", "locales", "widget", "public", "vite.config.ts", "react-router.config.ts", "package.json", "prisma/schema.prisma"];
const STAMP = "build/server/index.js";

function newest(entry) {
  if (!existsSync(entry)) return 0;
  const stat = statSync(entry);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let latest = 0;
  for (const name of readdirSync(entry)) {
    if (name.endsWith(".test.ts") || name.endsWith(".test.tsx") || name === "node_modules") continue;
    latest = Math.max(latest, newest(path.join(entry, name)));
  }
  return latest;
}

// The Prisma client is generated from the schema: regenerate it first when the schema is newer.
// Compared by content: a merge or checkout can leave the schema with an older mtime than the client.
const schemaHash = createHash("sha256").update(readFileSync("prisma/schema.prisma")).digest("hex");
const hashFile = "generated/.schema-hash";
if (!existsSync(hashFile) || readFileSync(hashFile, "utf8") !== schemaHash) {
  const generate = spawnSync("npx", ["prisma", "generate"], { stdio: ["ignore", "inherit", "inherit"] });
  if (generate.status !== 0) process.exit(generate.status ?? 1);
  writeFileSync(hashFile, schemaHash);
}

const built = existsSync(STAMP) ? statSync(STAMP).mtimeMs : 0;
const changed = Math.max(...SOURCES.map(newest));
if (built > 0 && built >= changed && process.argv[2] !== "--force") process.exit(0);

console.log(built ? "Sources changed since the last build: building…" : "Building Doorstep…");
for (const [command, args] of [["npx", ["react-router", "build"]]]) {
  const result = spawnSync(command, args, { stdio: ["ignore", "inherit", "inherit"] });
  if (result.status !== 0) process.exit(result.status ?? 1);
}

// Compress the browser's files once here, so the server sends ready .br/.gz files instead of
// compressing the same stylesheet and scripts again for every request (server/http/app.ts).
const { brotliCompressSync, gzipSync, constants } = await import("node:zlib");
const COMPRESSIBLE = /\.(js|mjs|css|svg|json|txt|map|webmanifest)$/;
function precompress(dir) {
  for (const name of readdirSync(dir)) {
    const file = path.join(dir, name);
    if (statSync(file).isDirectory()) {
      precompress(file);
      continue;
    }
    if (!COMPRESSIBLE.test(name)) continue;
    const content = readFileSync(file);
    if (content.length < 1024) continue;
    writeFileSync(`${file}.br`, brotliCompressSync(content, { params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: content.length } }));
    writeFileSync(`${file}.gz`, gzipSync(content, { level: 9 }));
  }
}
precompress("build/client");
