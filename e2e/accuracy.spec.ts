import { expect, test } from "@playwright/test";

test("the accuracy view lists the published figures and the nearest one to this scenario", async ({ page }) => {
  await page.goto("/?v=1&m=llama-3.1-8b&hw=a100-80gb");
  const nearest = page.getByTestId("nearest-reference");
  await expect(nearest).toContainText("Nearest published figure");
  await expect(nearest).not.toContainText(/NaN|Infinity|undefined/);
  await page.getByText(/All \d+ reference figures/).click();
  const rows = page.getByRole("table", { name: /Published figures/ }).locator("tbody tr");
  await expect(rows).toHaveCount(89);
  await expect(page.getByRole("table", { name: /Published figures/ })).not.toContainText(/NaN|Infinity|undefined/);
});

test("the accuracy table fits a phone without sideways scrolling", async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto("/");
  await page.getByText(/All \d+ reference figures/).click();
  await expect(page.getByRole("table", { name: /Published figures/ })).toBeVisible();
  const width = await page.evaluate(() => document.documentElement.scrollWidth);
  expect(width).toBeLessThanOrEqual(390);
});
