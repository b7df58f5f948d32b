import { expect, test } from "@playwright/test";
import { readFileSync } from "node:fs";

const CASES = (JSON.parse(readFileSync("validation/public_cases.json", "utf8")) as { cases: unknown[] }).cases.length;
const OWN = JSON.parse(readFileSync("validation/own_h200_view.json", "utf8")) as { environment: { device: string; torch: string; cudaRuntime: string; driver: string }; cases: unknown[] };

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

  // our own H200 runs: a set of their own, with the card and software they ran on
  const own = page.getByTestId("own-runs");
  await own.getByText(/Our own NVIDIA H200 runs: \d+\/\d+ steps within tolerance/).click();
  const env = OWN.environment;
  for (const part of [env.device, `PyTorch ${env.torch}`, `CUDA ${env.cudaRuntime}`, `driver ${env.driver}`]) await expect(page.getByTestId("own-runs-note")).toContainText(part);
  const ownTable = page.getByRole("table", { name: /Our own measurements/ });
  await expect(ownTable.locator("tbody tr")).toHaveCount(OWN.cases.length);
  await expect(ownTable).toContainText("mixed iteration");
  await expect(ownTable).toContainText("held out");
  await expect(ownTable).toContainText("sets a constant");
  await expect(ownTable).not.toContainText(/NaN|Infinity|undefined/);
});

test("the accuracy table fits a phone without sideways scrolling", async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto("/");
  // The view evaluates when it comes near the viewport: scroll to it as a reader would.
  await page.getByRole("heading", { name: "How accurate is this?" }).scrollIntoViewIfNeeded();
  await page.getByText(/All \d+ reference figures/).click();
  await expect(page.getByRole("table", { name: /Published figures/ })).toBeVisible();
  await page.getByText(/Our own NVIDIA H200 runs/).click();
  await expect(page.getByRole("table", { name: /Our own measurements/ })).toBeVisible();
  const width = await page.evaluate(() => document.documentElement.scrollWidth);
  expect(width).toBeLessThanOrEqual(390);
});
