import { test, expect } from "@playwright/test";
import { mkdirSync, writeFileSync } from "node:fs";
import { expectNoHorizontalScroll, expectNoJunk, waitForNumbers } from "./support";

const OUT = "e2e/artifacts";
/** Navigation to the first number on screen: ~0.3–1 s on this 2-core machine; 10 s means something broke. */
const FIRST_NUMBERS_BUDGET_MS = 10_000;

for (const [name, size] of [
  ["desktop", { width: 1280, height: 900 }],
  ["phone", { width: 390, height: 844 }],
] as const) {
  test(`${name} layout fits and is captured`, async ({ page }) => {
    await page.setViewportSize(size);
    await page.goto("/?v=1&m=llama-3.1-70b&n=4&b=16&pt=4096");
    await waitForNumbers(page);
    await expect(page.getByTestId("breakdown-chart").locator("svg").first()).toBeVisible();
    await expectNoHorizontalScroll(page);
    await expectNoJunk(page);
    mkdirSync(OUT, { recursive: true });
    await page.screenshot({ path: `${OUT}/${name}.png`, fullPage: true });
    await page.screenshot({ path: `${OUT}/${name}-fold.png` });
  });
}

test("time from navigation to the first numbers", async ({ page }) => {
  // One observer, from before the page's first script, times both arrivals on the page's own clock.
  await page.addInitScript(() => {
    const w = window as unknown as { __firstNumbersAt?: number; __chartAt?: number };
    const check = () => {
      const el = document.querySelector('[data-testid="ttft"]');
      if (w.__firstNumbersAt === undefined && el && /\d/.test(el.textContent ?? "")) w.__firstNumbersAt = performance.now();
      if (w.__chartAt === undefined && document.querySelector('[data-testid="breakdown-chart"] svg')) w.__chartAt = performance.now();
      if (w.__firstNumbersAt !== undefined && w.__chartAt !== undefined) obs.disconnect();
    };
    const obs = new MutationObserver(check);
    obs.observe(document, { childList: true, subtree: true, characterData: true });
  });
  await page.goto("/");
  await waitForNumbers(page);
  await page.getByTestId("breakdown-chart").locator("svg").first().waitFor();
  const { ms, chartMs } = await page.evaluate(() => {
    const w = window as unknown as { __firstNumbersAt?: number; __chartAt?: number };
    return { ms: w.__firstNumbersAt ?? -1, chartMs: w.__chartAt ?? -1 };
  });
  mkdirSync(OUT, { recursive: true });
  writeFileSync(`${OUT}/timing.json`, JSON.stringify({ firstNumbersMs: ms, chartVisibleByMs: chartMs }, null, 2));
  console.log(`first numbers at ${ms.toFixed(0)} ms after navigation; chart at ${chartMs.toFixed(0)} ms`);
  // The observer saw both arrive (-1: never, or already in the HTML), the numbers no later than
  // the breakdown chart: the numbers load first, the charts lazily after them.
  expect(ms, "the first numbers were seen arriving").not.toBe(-1);
  expect(chartMs, "the breakdown chart was seen arriving").not.toBe(-1);
  expect(ms).toBeLessThanOrEqual(chartMs);
  // A budget with room for a loaded 2-core machine (a few hundred ms alone): a page that needs
  // more than this to show its first number has regressed, whatever the machine.
  expect(ms).toBeLessThan(FIRST_NUMBERS_BUDGET_MS);
});
