import { test, expect } from "@playwright/test";
import { waitForNumbers } from "./support";

/** Issue 19: what the page says, in a user's words; each test names its item. */

const ISSUE_SCENARIO = "/?v=1&m=llama-3.1-70b&n=8&b=512&pt=2048&ot=300";
const num = (s: string) => Number(s.replace(/[^0-9.]/g, ""));

test("item 1: the cost headline is all-in, split by phase, and its why? reproduces it from the throughput card", async ({ page }) => {
  await page.goto(ISSUE_SCENARIO);
  await waitForNumbers(page);
  const headline = num(await page.getByTestId("cost-output").innerText());
  const throughput = num(await page.getByTestId("throughput").innerText());
  const split = await page.getByTestId("cost-split").innerText();
  const [, pre, dec] = /prefill \$([\d.]+) \+ decode \$([\d.]+)/.exec(split) ?? [];
  expect(Number(pre) + Number(dec)).toBeCloseTo(headline, 1);
  await page.getByTestId("why-cost-output-button").click();
  const why = await page.getByTestId("why-cost-output").innerText();
  const [, price, chips] = /\$([\d.]+) × (\d+) chips ÷ 3600 ÷ [\d,]+ tok\/s/.exec(why) ?? [];
  const fromCards = (Number(price) * Number(chips)) / 3600 / throughput * 1e6;
  expect(Math.abs(fromCards - headline) / headline).toBeLessThan(0.01);
  // the decode-only $0.47 of the report is not the headline any more
  expect(headline).toBeGreaterThan(1.5);
});

test("item 3: FlashAttention off is a scenario field: time, memory and fit follow, and the link keeps it", async ({ page }) => {
  await page.goto("/?v=1&b=12&pt=32768");
  await waitForNumbers(page);
  const ttftOn = await page.getByTestId("ttft").innerText();
  const memOn = await page.getByTestId("memory-per-chip").innerText();
  await expect(page.getByTestId("results")).not.toContainText("does not fit");
  await page.getByText("Advanced: partitioning, quantization, speculative decoding").click();
  await page.getByRole("group", { name: "Prefill attention kernel" }).getByText("standard").click();
  await expect(page).toHaveURL(/fa=/);
  await expect(page.getByTestId("ttft")).not.toHaveText(ttftOn);
  await expect(page.getByTestId("memory-per-chip")).not.toHaveText(memOn);
  await expect(page.getByTestId("results")).toContainText("does not fit");
  // the link alone reproduces it
  const url = page.url();
  const other = await page.context().newPage();
  await other.goto(url);
  await waitForNumbers(other);
  await expect(other.getByTestId("results")).toContainText("does not fit");
});

test("item 2: capacity in the verdict's words, the window warning at the prompt field, sliders spanning the window", async ({ page }) => {
  await page.goto(ISSUE_SCENARIO);
  await waitForNumbers(page);
  await expect(page.getByTestId("memory-usable")).toHaveText("82.1 GB usable of 85.9 GB");
  await expect(page.getByTestId("memory-verdict")).toHaveText(/^fits: [\d.]+% of the 82\.1 GB usable$/);
  const used = num(await page.getByTestId("memory-per-chip").innerText().then((t) => t.split(" GB")[0]!));
  const pct = num((await page.getByTestId("memory-verdict").innerText()).split("%")[0]!);
  expect(pct).toBeCloseTo((used / 82.1) * 100, 0);
  // past the window: said at the prompt field, in words, without the internal key
  await page.goto("/?v=1&pt=200000&ot=256");
  await waitForNumbers(page);
  await expect(page.getByTestId("workload.promptTokens-warning")).toContainText("beyond Llama-3.1 8B's 131,072-token context window");
  // the prompt slider ends at the model's window
  await page.getByTestId("prompt-slider").focus();
  await page.keyboard.press("Home");
  await page.keyboard.press("End");
  await expect(page.getByTestId("prompt-input")).toHaveValue("131072");
  await expect(page.getByTestId("workload.promptTokens-warning")).toHaveCount(0);
});

test("item 5: an out-of-range value is refused at its field in words, the results say they hold the last valid value, no internal keys", async ({ page }) => {
  await page.goto(ISSUE_SCENARIO);
  await waitForNumbers(page);
  const tpot = await page.getByTestId("tpot").innerText();
  await page.getByTestId("batch-input").fill("2000000");
  await expect(page.getByTestId("batch-input-error")).toContainText("Batch size must be a whole number from 1 to 1,000,000");
  await expect(page.getByTestId("batch-input-error")).toContainText("last valid value, 512");
  await expect(page.getByTestId("results-held")).toContainText("Batch size (512)");
  await expect(page.getByTestId("tpot")).toHaveText(tpot);
  await page.getByTestId("batch-input").fill("256");
  await expect(page.getByTestId("results-held")).toHaveCount(0);
  // a link with a bad value: the notice names the field as the page labels it
  await page.goto("/?v=1&n=8&b=512&pt=300000&ot=300");
  await waitForNumbers(page);
  const body = await page.locator("main").innerText();
  expect(body).not.toMatch(/\b(workload|hardware|model|precision)\.[a-z]+/i);
  expect(body).not.toMatch(/achievable\.(compute|memory)/);
});

test("item 5: the nearest published figure is the same family or chip, flags an error outside its band, or says none is close", async ({ page }) => {
  await page.goto(ISSUE_SCENARIO);
  await waitForNumbers(page);
  // the accuracy view starts its work when it nears the viewport: go there first
  const accuracy = page.getByRole("heading", { name: "How accurate is this?" });
  await accuracy.scrollIntoViewIfNeeded();
  const nearest = page.getByTestId("nearest-reference");
  await expect(nearest).toContainText(/Nearest published figure \((same model family|same chip|same model family and chip)\)/);
  await expect(page.getByTestId("nearest-error")).toHaveText(/(outside its ±[\d.]+ % band|within ±[\d.]+ %)/);
  // a model family and a chip no measurement covers
  await page.goto("/?v=1&m=qwen3-32b&hw=mi300x");
  await waitForNumbers(page);
  await accuracy.scrollIntoViewIfNeeded();
  await expect(page.getByTestId("nearest-reference")).toContainText("No published figure is close to this scenario");
});

test("item 6: no 'GB GB', the decode marker is 'your context', one legend entry per name", async ({ page }) => {
  await page.goto("/?v=1");
  await waitForNumbers(page);
  await page.getByRole("tab", { name: "Attention" }).click();
  await page.getByRole("group", { name: "FlashAttention" }).getByText("Off").click();
  await expect(page.getByTestId("flash-note")).toContainText("GB of score matrices");
  expect(await page.locator("main").innerText()).not.toMatch(/GB\s+GB/);
  await expect(page.getByTestId("attention-decode")).toContainText("your context");
  await expect(page.getByTestId("attention-decode")).not.toContainText("your prompt");
  const legend = page.getByTestId("attention-chart").locator("xpath=..").getByRole("list", { name: "Legend" });
  await expect(legend.getByText("everything else (weight matmuls)")).toHaveCount(1);
});

test("item 6: the capacity chart's batch axis ticks every factor of four, 1 to 4k, on a phone", async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto("/?v=1");
  await waitForNumbers(page);
  await page.getByRole("tab", { name: "Capacity" }).click();
  // Recharts draws the tick labels in their own layer, x axis first, then y (GB)
  const ticks = page.getByTestId("capacity-batch").locator(".recharts-cartesian-axis-tick-value");
  await expect(ticks.first()).toHaveText("1");
  expect((await ticks.allTextContents()).slice(0, 8)).toEqual(["1", "4", "16", "64", "256", "1k", "4k", "0"]);
});

test("item 6: an open why? takes a row of its own; the cards beside it keep their height", async ({ page }) => {
  await page.goto("/?v=1");
  await waitForNumbers(page);
  const results = page.getByTestId("results");
  const card = (id: string) => results.getByTestId(id).locator("xpath=ancestor::div[contains(@class,'rounded-md')][1]");
  const before = (await card("tpot").boundingBox())!.height;
  const memoryBefore = (await results.getByTestId("memory-per-chip").locator("xpath=ancestor::div[contains(@class,'rounded-md')][1]").boundingBox())!.height;
  await results.getByTestId("why-ttft-button").click();
  await results.getByTestId("why-ridge-button").click();
  await expect(results.getByTestId("why-ttft")).toContainText("Time to first token");
  await expect(results.getByTestId("why-ridge")).toContainText("FLOP/byte");
  expect((await card("tpot").boundingBox())!.height).toBeCloseTo(before, 0);
  expect((await results.getByTestId("memory-per-chip").locator("xpath=ancestor::div[contains(@class,'rounded-md')][1]").boundingBox())!.height).toBeCloseTo(memoryBefore, 0);
  // the panel spans the grid under the card's row
  const panel = (await results.getByTestId("why-ttft").boundingBox())!;
  const row = (await card("throughput").boundingBox())!;
  expect(panel.y).toBeGreaterThan(row.y + row.height - 1);
  expect(panel.width).toBeGreaterThan(2 * row.width);
  // the ridge is explained in the results and in the roofline's sentence: two panels, two DOM ids
  await expect(page.getByTestId("why-ridge")).toHaveCount(2);
  const ids = await page.evaluate(() => {
    const all = [...document.querySelectorAll("[id]")].map((e) => e.id);
    const controls = [...document.querySelectorAll("[aria-controls]")].map((e) => e.getAttribute("aria-controls")!);
    return { duplicates: all.filter((id, i) => all.indexOf(id) !== i), dangling: controls.filter((id) => id.startsWith("why-") && !document.getElementById(id)) };
  });
  expect(ids.duplicates).toEqual([]);
  // every open panel's button points at it (closed ones have no panel in the page yet)
  expect(ids.dangling.every((id) => !id.includes("ridge") && !id.includes("ttft"))).toBe(true);
});

test("item 4: distillation is findable before anything is pinned", async ({ page }) => {
  await page.goto("/?v=1");
  await waitForNumbers(page);
  const panel = page.getByTestId("compare-panel");
  await expect(panel.getByText("distillation: student")).toBeVisible();
  await expect(panel.getByRole("combobox", { name: /distillation/ })).toBeVisible();
});

test("item 4: distillation is named, training tokens read '20B', a dearer B never breaks even in words, quality is said not modelled", async ({ page }) => {
  await page.goto("/?v=1&m=llama-3.1-8b&n=1&b=16&pr=3");
  await waitForNumbers(page);
  const panel = page.getByTestId("compare-panel");
  await panel.getByTestId("pin-a").click();
  // B: a 70B "student" on 4 chips costs more to serve than A
  await panel.getByTestId("student-preset").selectOption("llama-3.1-70b");
  await expect(panel.getByText(/Distillation: teacher A → student B/)).toBeVisible();
  await expect(panel.getByTestId("distill-tokens")).toHaveValue(/^\d+(\.\d+)?[kMBT]$/);
  await expect(panel.getByTestId("distill-quality")).toContainText("Quality is not modelled");
  await expect(panel.getByTestId("distill-days")).toHaveText(/never/);
  await expect(panel.getByTestId("distill-saving")).toContainText("never breaks even");
  await expect(panel.getByTestId("distill-result")).not.toContainText("$-");
  await panel.getByTestId("distill-tokens").fill("20 B");
  await expect(panel.getByTestId("distill-tokens")).toHaveAttribute("aria-invalid", "false");
});
