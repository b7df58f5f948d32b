import { test, expect } from "@playwright/test";
import { expectNoJunk, readStats, waitForNumbers } from "./support";

test("the worker answers and the first numbers and chart appear", async ({ page }) => {
  await page.goto("/");
  await waitForNumbers(page);
  await expect(page.locator("[data-evaluator]")).toHaveAttribute("data-evaluator", "worker");
  await expect(page.getByRole("img", { name: /context length/ })).toBeVisible();
  await expect(page.getByTestId("bottleneck-badge")).toHaveText(/memory-bound|compute-bound|network-bound|does not fit/);
  await expectNoJunk(page);
});

test("moving a slider changes the numbers and the chart", async ({ page }) => {
  await page.goto("/");
  await waitForNumbers(page);
  const chart = page.getByTestId("breakdown-chart");
  await expect(chart.locator("svg").first()).toBeVisible();
  const before = await readStats(page);
  const chartBefore = await chart.innerHTML();

  const slider = page.getByRole("slider", { name: "Batch size" });
  await slider.focus();
  for (let i = 0; i < 5; i++) await slider.press("PageUp");
  await expect(page.getByTestId("batch-input")).not.toHaveValue("1");
  await expect.poll(async () => (await readStats(page)).throughput).not.toBe(before.throughput);
  // A chart scrolled out of view keeps its drawing until it is seen (charts/useHeldWhileHidden.ts).
  await chart.scrollIntoViewIfNeeded();
  await expect.poll(async () => chart.innerHTML()).not.toBe(chartBefore);
  await expectNoJunk(page);
});

test("every control has a visible label", async ({ page }) => {
  await page.goto("/");
  await waitForNumbers(page);
  for (const name of ["Model preset", "Parameters", "Prompt tokens", "Output tokens", "Batch size", "Accelerator", "Chips", "Weight precision", "KV cache precision"]) {
    await expect(page.getByLabel(name, { exact: false }).first()).toBeVisible();
  }
  await expect(page.getByRole("radio", { name: "Ideal" })).toBeAttached();
  await page.getByRole("radio", { name: "Ideal" }).check({ force: true });
  await expect(page).toHaveURL(/mo=ideal/);
});

test("absurd values give a message, never NaN or Infinity", async ({ page }) => {
  await page.goto("/");
  await waitForNumbers(page);
  await page.getByTestId("params-input").fill("1000000"); // 1e15 parameters
  await expect(page.getByTestId("params-input-error")).toContainText("Parameters must be a number from 0.001 to 10,000 (billions)");
  await expectNoJunk(page);
  await page.getByTestId("chips-input").fill("0");
  await expect(page.getByTestId("chips-input-error")).toContainText("Chips must be a whole number from 1 to 1,000,000");
  await expect(page.getByTestId("results-held")).toContainText("Chips (1)");
  await expectNoJunk(page);
});

test("a prompt beyond the model's context window is flagged, naming the field, and the all-in cost is shown", async ({ page }) => {
  await page.goto("/?v=1&pt=200000&ot=256");
  await waitForNumbers(page);
  const warning = page.getByTestId("report-warnings").locator('li[data-field="workload.promptTokens"]');
  await expect(warning).toContainText("200,256 tokens is beyond Llama-3.1 8B's 131,072-token context window");
  await expect(warning).toContainText("(Prompt tokens)");
  await expect(page.getByTestId("results")).toContainText("USD, all-in");
  await expectNoJunk(page);
});
