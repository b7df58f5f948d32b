import { test, expect } from "@playwright/test";
import { expectNoJunk, waitForNumbers } from "./support";

test("each teaching chart renders with an accessible name", async ({ page }) => {
  await page.goto("/");
  await waitForNumbers(page);
  await expect(page.getByRole("img", { name: /^Roofline, log-log/ })).toBeVisible();
  await page.getByRole("tab", { name: "Attention" }).click();
  await expect(page.getByRole("img", { name: /^Attention against everything else/ })).toBeVisible();
  await page.getByRole("tab", { name: "Capacity" }).click();
  await expect(page.getByRole("img", { name: /^Memory per chip stacked by part/ })).toBeVisible();
  await page.getByRole("tab", { name: "Latency vs cost" }).click();
  await expect(page.getByRole("img", { name: /^Latency–cost frontier/ })).toBeVisible();
  for (const id of ["frontier-chart"]) await expect(page.getByTestId(id).locator("svg").first()).toBeVisible();
  await expectNoJunk(page);
});

test("raising the batch across the ridge flips decode from memory-bound to compute-bound", async ({ page }) => {
  // A short context, so the KV cache stays small and the weight matmuls decide.
  await page.goto("/?v=1&pt=16&ot=16");
  await waitForNumbers(page);
  const label = page.getByTestId("roofline-decode-label");
  await expect(label).toHaveText("Decode: memory-bound");
  const slider = page.getByRole("slider", { name: "Batch size" });
  await slider.focus();
  await slider.press("End");
  await expect(page.getByTestId("batch-input")).toHaveValue("4096");
  await expect(label).toHaveText("Decode: compute-bound");
  await expect(page.getByTestId("bottleneck-badge")).toHaveText(/compute-bound/);
});

test("batch 250 at 16 + 16 tokens on an H100: the badge and the roofline sentence tell one story", async ({ page }) => {
  // A reader once saw "compute-bound" beside "below the ridge" here: the sentence used the
  // datasheet ridge (295), the badge this mode's efficiencies (critical batch 222).
  await page.goto("/?v=1&b=250&pt=16&ot=16");
  await waitForNumbers(page);
  await expect(page.getByTestId("bottleneck-badge")).toHaveText(/compute-bound/);
  await expect(page.getByTestId("roofline-decode-label")).toHaveText("Decode: compute-bound");
  const summary = page.getByTestId("roofline-summary");
  await expect(summary).toContainText("Decode turns compute-bound at batch 222");
  await expect(summary).toContainText("Your batch of 250 is at or above it");
  await expect(summary).not.toContainText("below");
});

test("the crossover marker moves when the model width changes", async ({ page }) => {
  await page.goto("/");
  await waitForNumbers(page);
  await page.getByRole("tab", { name: "Attention" }).click();
  const sentence = page.getByTestId("crossover-sentence");
  await expect(sentence).toContainText("d_model 4,096");
  const prefill = page.getByTestId("attention-prefill");
  const markers = () => prefill.getByTestId("crossover-line").evaluateAll((ls) => ls.map((l) => l.getAttribute("x1")).join(","));
  await expect.poll(markers).not.toBe("");
  const before = await sentence.innerText();
  const markerBefore = await markers();
  await page.getByText("Shape", { exact: true }).click();
  const width = page.getByLabel("d_model");
  await width.fill("2048");
  await width.press("Enter");
  await expect(sentence).toContainText("d_model 2,048");
  await expect(sentence).not.toHaveText(before);
  await expect.poll(markers).not.toBe(markerBefore);
});

test("the why? of a number shows its formula with the current values", async ({ page }) => {
  await page.goto("/");
  await waitForNumbers(page);
  await page.getByTestId("why-tpot-button").click();
  await expect(page.getByTestId("why-tpot")).toContainText("Time per output token =");
  await expect(page.getByTestId("why-tpot")).toContainText(/moved per step on 1 chip/);
});

test("clicking a frontier point loads its scenario", async ({ page }) => {
  await page.goto("/");
  await waitForNumbers(page);
  await page.getByRole("tab", { name: "Latency vs cost" }).click();
  const chart = page.getByTestId("frontier-chart");
  const symbols = chart.locator("circle.frontier-dot");
  await expect(symbols.first()).toBeVisible();
  const n = await symbols.count();
  const target = symbols.nth(Math.floor(n / 3));
  await chart.scrollIntoViewIfNeeded();
  const box = (await target.boundingBox())!;
  const before = page.url();
  await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
  await expect.poll(() => page.url()).not.toBe(before);
  // The star marking "your scenario" now sits on the clicked point.
  const star = chart.getByTestId("frontier-current");
  await expect
    .poll(async () => {
      const s = await star.boundingBox();
      return s ? Math.hypot(s.x + s.width / 2 - (box.x + box.width / 2), s.y + s.height / 2 - (box.y + box.height / 2)) : Infinity;
    })
    .toBeLessThan(3);
  await expectNoJunk(page);
});
