/**
 * A test that passes only on retry is a failing test, so nothing retries one: not Playwright's
 * config (CI or not), not Vitest's, not a test of its own. ci-summary.mjs also counts Playwright's
 * "flaky" (passed on retry) as failed, in case a retry ever comes back.
 */
import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { expect, test, vi } from "vitest";

function files(dir: string, out: string[] = []): string[] {
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    if (e.name === "node_modules") continue;
    const p = join(dir, e.name);
    if (e.isDirectory()) files(p, out);
    else if (/\.(test|spec)\.tsx?$/.test(e.name)) out.push(p);
  }
  return out;
}

test("no configuration or test retries a failed test", async () => {
  for (const ci of [undefined, "true"]) {
    if (ci === undefined) delete process.env.CI;
    else process.env.CI = ci;
    vi.resetModules();
    const { default: pw } = await import("../playwright.config.ts");
    expect(pw.retries, `Playwright retries with CI=${ci ?? "(unset)"}`).toBe(0);
  }
  delete process.env.CI;
  const vite = readFileSync("vite.config.ts", "utf8");
  expect(vite).not.toMatch(/\bretry\s*:/);
  const retrying = [...files("src"), ...files("e2e"), ...files("validation"), ...files("scripts")].filter((f) => !f.endsWith("no-retries.test.ts") &&
    /\b(retry|retries)\s*:|\.configure\(\s*\{[^}]*retries|test\.describe\.configure/.test(readFileSync(f, "utf8").replace(/^\s*(\/\/|\*).*$/gm, "")),
  );
  expect(retrying).toEqual([]);
});

test("ci-summary counts a Playwright test that passed only on retry as failed", () => {
  const dir = mkdtempSync(join(tmpdir(), "ci-summary-"));
  mkdirSync(join(dir, "test-results"));
  writeFileSync(join(dir, "test-results/vitest.json"), JSON.stringify({ numPassedTests: 3, numFailedTests: 0, numPendingTests: 0 }));
  writeFileSync(join(dir, "test-results/playwright.json"), JSON.stringify({ stats: { expected: 2, unexpected: 0, flaky: 1, skipped: 0 } }));
  const r = spawnSync(process.execPath, [join(process.cwd(), "scripts/ci-summary.mjs")], { cwd: dir, encoding: "utf8" });
  expect(r.stdout).toMatch(/1 Playwright test\(s\) passed only on retry: counted as failed/);
  expect(r.stdout.trim().split("\n").at(-1)).toBe("5 passed, 1 failed");
  expect(r.status).toBe(1);
});
