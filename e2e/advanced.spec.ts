import { expect, test } from "@playwright/test";

test("the advanced panel says which layout was picked and prices speculative decoding", async ({ page }) => {
  await page.goto("/?v=1&m=llama-3.1-70b&n=8&b=16");
  await page.getByText("Advanced: partitioning, quantization, speculative decoding").click();
  await expect(page.getByTestId("layout-reason")).toContainText(/auto: .* is fastest/);
  await page.getByTestId("draft-model").selectOption("llama-3.2-1b");
  await expect(page.getByTestId("speculative-result")).toContainText(/tokens per target step → .* per output token \(.*× faster\)/);
  await expect(page).toHaveURL(/dm=llama-3\.2-1b/);
  await expect(page.getByTestId("energy")).toContainText(/J per output token/);
  await expect(page.locator("body")).not.toContainText(/NaN|Infinity|undefined/);
});
