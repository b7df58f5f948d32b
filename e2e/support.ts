import { expect, type Page } from "@playwright/test";

/**
 * Time limit for a test that runs axe over the page: one whole-page analysis takes ~6 s alone and
 * up to ~18 s while Chromium, the preview server and the rest share a 2-core machine. An honest
 * limit for slow work, not a retry.
 */
export const AXE_TIMEOUT_MS = 60_000;

/** The headline numbers, by test id, as shown. */
export const STATS = ["ttft", "tpot", "throughput", "cost-output", "mfu", "mbu", "memory-per-chip"] as const;

export async function readStats(page: Page): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  for (const id of STATS) out[id] = (await page.getByTestId(id).innerText()).trim();
  return out;
}

/**
 * Wait until the page shows numbers (a digit in time to first token) and React has taken over:
 * the first numbers are painted into a static shell before React and the controls have loaded
 * (e2e/first-paint.spec.ts tests that shell on its own).
 */
export async function waitForNumbers(page: Page) {
  await expect(page.locator('[data-ready="true"]')).toHaveCount(1);
  await expect(page.getByTestId("ttft")).toHaveText(/\d/);
}

/** No NaN, Infinity or undefined anywhere in the visible text. */
export async function expectNoJunk(page: Page) {
  const text = await page.locator("body").innerText();
  expect(text).not.toMatch(/NaN|Infinity|undefined|null/);
}

/** The page does not scroll sideways. */
export async function expectNoHorizontalScroll(page: Page) {
  const { scrollWidth, clientWidth } = await page.evaluate(() => ({
    scrollWidth: document.documentElement.scrollWidth,
    clientWidth: document.documentElement.clientWidth,
  }));
  expect(scrollWidth).toBeLessThanOrEqual(clientWidth);
}
