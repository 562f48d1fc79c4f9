// `npm test`: every suite in turn (unit + integration with vitest, then end-to-end with
// Playwright in Chromium), then one closing line with the totals. With TEST_DATABASE_URL (CI)
// the server-facing integration tests run on PostgreSQL too, and the end-to-end suite runs on
// two instances on PostgreSQL behind the cluster proxy (test/e2e/global-setup.ts). The heavy
// fault tests run with `npm run test:faults`.
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, rmSync } from "node:fs";

const run = (command, args, env = {}) => spawnSync(command, args, { stdio: "inherit", env: { ...process.env, ...env } }).status ?? 1;
mkdirSync("test-results", { recursive: true });
for (const file of ["test-results/vitest.json", "test-results/playwright.json"]) rmSync(file, { force: true });

let exitCode = run("node", ["scripts/ensure-build.mjs"]);
if (exitCode !== 0) process.exit(exitCode);

const projects = ["unit", "integration", ...(process.env.TEST_DATABASE_URL ? ["integration-postgres"] : [])].flatMap((name) => ["--project", name]);
// Two test files at a time (vitest's default on 2 cores is one): an integration file spends most
// of its time waiting for the server it talks to, and each file's imports cost seconds of CPU.
const maxWorkers = process.env.VITEST_MAX_WORKERS ?? "2";
const vitest = run("npx", ["vitest", "run", ...projects, `--maxWorkers=${maxWorkers}`, "--reporter=default", "--reporter=json", "--outputFile.json=test-results/vitest.json"]);
const skipE2e = process.env.SKIP_E2E === "1";
const playwright = skipE2e ? 0 : run("npx", ["playwright", "test"]);

let passed = 0;
let failed = 0;
let skipped = 0;
if (existsSync("test-results/vitest.json")) {
  const report = JSON.parse(readFileSync("test-results/vitest.json", "utf8"));
  passed += report.numPassedTests;
  failed += report.numFailedTests;
  skipped += report.numPendingTests + (report.numTodoTests ?? 0);
} else if (vitest !== 0) failed += 1;
if (existsSync("test-results/playwright.json")) {
  const { stats } = JSON.parse(readFileSync("test-results/playwright.json", "utf8"));
  passed += stats.expected + stats.flaky;
  failed += stats.unexpected;
  skipped += stats.skipped;
} else if (!skipE2e && playwright !== 0) failed += 1;

exitCode = vitest !== 0 || playwright !== 0 || failed > 0 ? 1 : 0;
console.log(`\nTests: ${passed} passed, ${failed} failed, ${skipped} skipped`);
process.exit(exitCode);
