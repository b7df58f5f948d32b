// Sums Vitest's and Playwright's JSON reports into the one closing line CI reads.
import { readFileSync, existsSync } from "node:fs";

let passed = 0;
let failed = 0;
let skipped = 0;
const read = (p) => (existsSync(p) ? JSON.parse(readFileSync(p, "utf8")) : null);

const vitest = read("test-results/vitest.json");
if (vitest) {
  passed += vitest.numPassedTests;
  failed += vitest.numFailedTests;
  skipped += vitest.numPendingTests + (vitest.numTodoTests ?? 0);
} else {
  console.log("no Vitest report (test-results/vitest.json)");
  failed += 1;
}
const pw = read("test-results/playwright.json");
if (pw) {
  // A test that passed only on retry ("flaky") is a failing test.
  passed += pw.stats.expected;
  failed += pw.stats.unexpected + pw.stats.flaky;
  if (pw.stats.flaky) console.log(`${pw.stats.flaky} Playwright test(s) passed only on retry: counted as failed`);
  skipped += pw.stats.skipped;
} else {
  console.log("no Playwright report (test-results/playwright.json)");
  failed += 1;
}
console.log(`${passed} passed, ${failed} failed` + (skipped ? `, ${skipped} skipped` : ""));
process.exit(failed > 0 ? 1 : 0);
