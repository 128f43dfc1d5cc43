// Adds up the JSON reports of vitest and Playwright into one closing line: "N passed, N failed".
import { readFileSync } from "node:fs";

const vitest = JSON.parse(readFileSync("test-results/vitest.json", "utf8"));
const e2e = JSON.parse(readFileSync("test-results/e2e.json", "utf8"));

const suites = [
  { name: "vitest", passed: vitest.numPassedTests, failed: vitest.numFailedTests, skipped: vitest.numPendingTests + vitest.numTodoTests },
  { name: "playwright", passed: e2e.stats.expected + e2e.stats.flaky, failed: e2e.stats.unexpected, skipped: e2e.stats.skipped },
];
for (const s of suites) console.log(`${s.name}: ${s.passed} passed, ${s.failed} failed, ${s.skipped} skipped`);
const total = (key) => suites.reduce((sum, s) => sum + s[key], 0);
console.log(`tests: ${total("passed")} passed, ${total("failed")} failed, ${total("skipped")} skipped`);
if (total("failed") > 0 || total("passed") === 0) process.exit(1);
