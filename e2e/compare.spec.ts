import { test, expect } from "@playwright/test";
import { expectNoJunk, waitForNumbers } from "./support";

test("pin A, change B to int4: the table shows both with ratios, the link carries both, and a new page opens the same pair", async ({ page, context }) => {
  await page.goto("/?v=1&m=llama-3.1-70b&n=4&b=16");
  await waitForNumbers(page);
  const panel = page.getByTestId("compare-panel");
  await panel.getByTestId("pin-a").click();
  await panel.getByRole("button", { name: "int4 weights" }).click();
  await expect(page.getByTestId("weight-precision")).toHaveValue("int4");
  await expect(page).toHaveURL(/[?&]w=int4/);
  await expect(page).toHaveURL(/cmp=v%3D1%26m%3Dllama-3.1-70b%26n%3D4%26b%3D16/);
  const weights = panel.getByTestId("cmp-row-weights");
  await expect(weights).toContainText("GB");
  await expect(panel.getByTestId("cmp-ratio-weights")).toHaveText(/0\.25\d?×/);
  await expect(panel.getByTestId("compare-a-desc")).toContainText("bf16");
  await expect(panel.getByTestId("compare-b-desc")).toContainText("int4");
  // each side says its chips and the price its cost rows use
  await expect(panel.getByTestId("compare-a-desc")).toContainText(/4 × .*\(\$[\d.]+ per chip-hour\)/);
  await expect(panel.getByTestId("overlay-chart").locator("path")).toHaveCount(2);
  // quantizing A's own model needs no training by default: it pays at once, or never
  await expect(panel.getByTestId("distill-tokens")).toHaveValue("0");
  await expect(panel.getByTestId("distill-days")).toHaveText(/at once|never/);
  await expectNoJunk(page);

  const other = await context.newPage();
  await other.goto(page.url());
  await waitForNumbers(other);
  await expect(other.getByTestId("compare-panel").getByTestId("cmp-ratio-weights")).toHaveText(/0\.25\d?×/);
  await expect(other.getByTestId("link-notice")).toHaveCount(0);

  await other.getByRole("button", { name: "Swap A ↔ B" }).click();
  await expect(other.getByTestId("weight-precision")).toHaveValue("bf16");
  await expect(other.getByTestId("cmp-ratio-weights")).toHaveText(/3\.8\d?×/);
  await other.getByRole("button", { name: "Stop comparing" }).click();
  await expect(other).not.toHaveURL(/cmp=/);

  // a shape edited away from its preset is named custom
  await page.locator("summary", { hasText: /^Shape$/ }).click();
  await page.getByTestId("shape-layers").fill("40");
  await page.getByTestId("shape-layers").press("Enter");
  await expect(page.getByTestId("compare-panel").getByTestId("compare-b-desc")).toContainText("(custom shape)");
  await expect(page.getByTestId("compare-panel").getByTestId("compare-a-desc")).not.toContainText("custom");
});

test("distillation: a 70B teacher and an 8B student break even after a number of days, against traffic on a chart, the link keeps the assumptions, and bad ones name the field", async ({ page, context }) => {
  await page.goto("/?v=1&m=llama-3.1-70b&n=4&b=16&pr=3");
  await waitForNumbers(page);
  const panel = page.getByTestId("compare-panel");
  await panel.getByTestId("pin-a").click();
  await panel.getByTestId("student-preset").selectOption("llama-3.1-8b");
  await expect(panel.getByTestId("compare-b-desc")).toContainText("8B");
  await expect(panel.getByTestId("distill-days")).toHaveText(/\d.*(days|hours)/);
  await expect(panel.getByTestId("distill-one-time")).toHaveText(/^\$\d/);
  // the chart of days against traffic, with the traffic set marked, and the traffic that pays back in a year
  await expect(panel.getByTestId("break-even-chart").locator("path")).toHaveCount(1);
  await expect(panel.getByTestId("break-even-marker")).toHaveCount(1);
  await expect(panel.getByTestId("distill-payback")).toContainText(/within a year from [\d.,]+ requests\/s/);
  await panel.getByTestId("distill-tokens").fill("50B");
  await panel.getByTestId("distill-rate").fill("2.5");
  await expect(page).toHaveURL(/[?&]bet=5e10(&|$)/);
  await expect(page).toHaveURL(/[?&]ber=2\.5(&|$)/);
  const days = await panel.getByTestId("distill-days").textContent();

  // the link alone carries the assumptions: close this page before opening it in another
  const link = page.url();
  await page.close();
  const other = await context.newPage();
  await other.goto(link);
  await waitForNumbers(other);
  const again = other.getByTestId("compare-panel");
  await expect(again.getByTestId("distill-tokens")).toHaveValue("50B");
  await expect(again.getByTestId("distill-rate")).toHaveValue("2.5");
  await expect(again.getByTestId("distill-days")).toHaveText(days!);
  await expect(other.getByTestId("link-notice")).toHaveCount(0);

  await again.getByTestId("distill-mfu").fill("7");
  await expect(again.getByText("Break-even training MFU must be a number from 0.01 to 1")).toBeVisible();
  await again.getByTestId("distill-tokens").fill("0");
  await expect(again.getByTestId("distill-days")).toHaveText("at once (no training cost)");
  await expect(again.getByTestId("break-even-chart-none")).toContainText("Nothing to pay back");
  await expectNoJunk(other);
});

test("a break-even value out of range in a link is named in the notice, and the rest of the link opens", async ({ page }) => {
  await page.goto("/?v=1&m=llama-3.1-8b&bet=-3&ber=4&cmp=v%3D1%26m%3Dllama-3.1-70b");
  await waitForNumbers(page);
  await expect(page.getByTestId("link-notice")).toContainText("Break-even training tokens must be a number from 0 to 1e15 tokens");
  await expect(page.getByTestId("compare-panel").getByTestId("distill-rate")).toHaveValue("4");
});

test("a damaged A in the link is reported with cmp: and B still opens", async ({ page }) => {
  await page.goto("/?v=1&pt=2048&cmp=v%3D1%26b%3Dabc%26w%3Dfp8");
  await waitForNumbers(page);
  await expect(page.getByTestId("link-notice")).toContainText("cmp: Batch size must be");
  await expect(page.getByTestId("prompt-input")).toHaveValue("2048");
  await expect(page.getByTestId("compare-panel").getByTestId("compare-a-desc")).toContainText("fp8");
});
