import { expect, type Page } from "@playwright/test";

/** The headline numbers, by test id, as shown. */
export const STATS = ["ttft", "tpot", "throughput", "cost-output", "mfu", "mbu", "memory-per-chip"] as const;

export async function readStats(page: Page): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  for (const id of STATS) out[id] = (await page.getByTestId(id).innerText()).trim();
  return out;
}

/** Wait until the page shows numbers (a digit in time to first token). */
export async function waitForNumbers(page: Page) {
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
