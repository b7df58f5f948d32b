import { expect, test } from "@playwright/test";
import { expectNoJunk, readStats, waitForNumbers } from "./support";

test("fp8 weights offer fp8 math (W8A8) beside weight-only, and the choice changes the compute-bound prefill", async ({ page }) => {
  await page.goto("/?v=1&m=llama-3.1-8b&hw=h100-sxm&pt=4096");
  await waitForNumbers(page);
  await expect(page.getByTestId("link-notice")).toHaveCount(0);
  await expect(page.getByLabel("Matmul precision")).toHaveCount(0); // bf16 weights: nothing to choose
  await page.getByLabel("Weight precision").selectOption("fp8");
  const math = page.getByLabel("Matmul precision");
  await expect(math).toHaveValue("bf16");
  await expect(math.locator("option")).toHaveText([/bf16 \(weights widened/, /fp8 \(activations too: W8A8\)/]);
  await expect.poll(async () => (await readStats(page)).ttft).toMatch(/\d/);
  const weightOnly = await readStats(page);
  await math.selectOption("fp8");
  await expect(page).toHaveURL(/[?&]a=fp8/);
  await expect.poll(async () => (await readStats(page)).ttft).not.toBe(weightOnly.ttft);
  await expectNoJunk(page);
});
