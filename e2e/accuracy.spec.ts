import { expect, test } from "@playwright/test";
import { readFileSync } from "node:fs";

const CASES = (JSON.parse(readFileSync("validation/public_cases.json", "utf8")) as { cases: unknown[] }).cases.length;

test("the accuracy view lists every published figure, evaluated off the main thread, and the nearest one to this scenario", async ({ page }) => {
  // The longest main-thread task while the view fills: the cases take ~3 s to evaluate, all of
  // it in the accuracy worker; the page's own longest task is a few hundred ms at worst here.
  await page.addInitScript(() => {
    const w = window as unknown as { longestTask: number };
    w.longestTask = 0;
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) w.longestTask = Math.max(w.longestTask, e.duration);
    }).observe({ type: "longtask", buffered: true });
  });
  await page.goto("/?v=1&m=llama-3.1-8b&hw=a100-80gb");
  // The view evaluates when it comes near the viewport (it mounts after the first numbers): scroll to it as a reader would.
  await page.getByRole("heading", { name: "How accurate is this?" }).scrollIntoViewIfNeeded();
  const nearest = page.getByTestId("nearest-reference");
  await expect(nearest).toContainText("Nearest published figure");
  await expect(nearest).not.toContainText(/NaN|Infinity|undefined/);
  await page.getByText(/All \d+ reference figures/).click();
  const rows = page.getByRole("table", { name: /Published figures/ }).locator("tbody tr");
  await expect(rows).toHaveCount(CASES);
  expect(await page.evaluate(() => (window as unknown as { longestTask: number }).longestTask)).toBeLessThan(1500);
  await expect(page.getByRole("table", { name: /Published figures/ })).not.toContainText(/NaN|Infinity|undefined/);
});

test("the accuracy table fits a phone without sideways scrolling", async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto("/");
  // The view evaluates when it comes near the viewport: scroll to it as a reader would.
  await page.getByRole("heading", { name: "How accurate is this?" }).scrollIntoViewIfNeeded();
  await page.getByText(/All \d+ reference figures/).click();
  await expect(page.getByRole("table", { name: /Published figures/ })).toBeVisible();
  const width = await page.evaluate(() => document.documentElement.scrollWidth);
  expect(width).toBeLessThanOrEqual(390);
});
