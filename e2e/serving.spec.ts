import { test, expect, type Page } from "@playwright/test";
import { expectNoHorizontalScroll, waitForNumbers } from "./support";

const serving = (page: Page) => page.getByTestId("serving");

/** The serving section's text carries no junk values. */
async function expectNoJunkIn(page: Page) {
  const text = await serving(page).innerText();
  expect(text).not.toMatch(/NaN|Infinity|undefined|null/);
}

test("serving is off by default: the section offers to simulate and the link has no serving key", async ({ page }) => {
  await page.goto("/");
  await waitForNumbers(page);
  await expect(page.getByRole("button", { name: "Simulate traffic" })).toBeVisible();
  await expect(page.getByTestId("serving-results")).toHaveCount(0);
  expect(page.url()).not.toMatch(/[?&](rr|ds|slt)=/);
});

test("a rate set by the link shows the latency table with numbers, the SLO percentile and the charts", async ({ page }) => {
  await page.goto("/?v=1&rr=5&ds=sharegpt&slt=0.5&slp=0.05&slq=90");
  await waitForNumbers(page);
  await expect(page.getByTestId("serving-done")).toBeVisible({ timeout: 20_000 });
  await expect(page.getByTestId("serving-rate-input")).toHaveValue("5");
  await expect(page.getByTestId("serving-slo-percentile")).toHaveValue("90");
  for (const id of ["ttft", "tpot", "itl", "e2e", "queue"]) await expect(page.getByTestId(`serving-row-${id}`)).toContainText(/\d+(\.\d+)? (ms|µs|s)/);
  await expect(page.getByTestId("serving-throughput")).toHaveText(/\d/);
  await expect(page.getByTestId("serving-cost-load")).toContainText("$");
  await expect(page.getByTestId("serving-saturated")).toHaveCount(0);
  await page.getByTestId("serving-why-ttft-button").click();
  await expect(page.getByTestId("serving-why-ttft")).toContainText("p99");
  await expect(serving(page).getByRole("img", { name: /Time to first token against request rate/ })).toBeVisible();
  await expectNoJunkIn(page);
});

test("a rate beyond capacity says so", async ({ page }) => {
  await page.goto("/?v=1&rr=2000&ds=sharegpt&rq=600");
  await waitForNumbers(page);
  await expect(page.getByTestId("serving-saturated")).toContainText("exceeds capacity", { timeout: 20_000 });
  await expectNoJunkIn(page);
});

test("the share link round-trips the rate and the percentile", async ({ page, context }) => {
  test.setTimeout(60_000); // two page loads, each simulating: slow work on a shared 2-core machine, not a retry
  await page.goto("/");
  await waitForNumbers(page);
  await page.getByRole("button", { name: "Simulate traffic" }).click();
  await page.getByTestId("serving-rate-input").fill("7");
  await page.getByTestId("serving-slo-percentile").selectOption("95");
  await page.getByTestId("serving-replicas").fill("2");
  await expect(page).toHaveURL(/rr=7(&|$)/);
  await expect(page).toHaveURL(/slq=95/);
  await expect(page).toHaveURL(/rp=2/);
  await expect(page.getByTestId("serving-done")).toBeVisible({ timeout: 20_000 });
  const shown = await page.getByTestId("serving-row-ttft").innerText();
  const url = page.url();
  // One simulating page at a time: CI once saw this test's context teardown hang past the
  // limit with both pages open on the 2-core machine. The link alone must carry the scenario.
  await page.close();
  const other = await context.newPage();
  await other.goto(url);
  await waitForNumbers(other);
  await expect(other.getByTestId("serving-rate-input")).toHaveValue("7");
  await expect(other.getByTestId("serving-slo-percentile")).toHaveValue("95");
  await expect(other.getByTestId("serving-replicas")).toHaveValue("2");
  await expect(other.getByTestId("serving-done")).toBeVisible({ timeout: 20_000 });
  // same seed, same figures
  expect(await other.getByTestId("serving-row-ttft").innerText()).toBe(shown);
});

test("the sliders still answer while a long simulation runs in its worker", async ({ page }) => {
  // 20,000 requests: seconds of simulation, restarted by every input change
  await page.goto("/?v=1&rr=20&ds=sharegpt&rq=20000&slt=0.5&slp=0.05");
  await waitForNumbers(page);
  await expect(page.getByTestId("serving-progress")).toBeVisible({ timeout: 10_000 });
  const before = await page.getByTestId("throughput").innerText();
  const slider = page.getByRole("slider", { name: "Batch size" });
  await slider.focus();
  for (let k = 0; k < 3; k++) await slider.press("PageUp");
  // the headline follows the slider while the serving section is still simulating
  await expect(page.getByTestId("throughput")).not.toHaveText(before, { timeout: 3_000 });
  await expect(serving(page).locator("[aria-busy=true]")).toHaveCount(1);
});

test("the capacity plan ranks deployments and a row loads its scenario", async ({ page }) => {
  test.setTimeout(60_000); // a simulation and a plan of hundreds on a shared 2-core machine
  await page.goto("/?v=1&rr=30&ds=sharegpt&slt=0.5&slp=0.05");
  await waitForNumbers(page);
  await page.getByTestId("plan-run").click();
  const table = page.getByTestId("plan-table");
  await expect(table).toBeVisible({ timeout: 20_000 });
  await expect(table.locator("tbody tr").first()).toContainText("$");
  await expect(table).not.toContainText(/NaN|Infinity|undefined/);
  const label = await page.getByTestId("plan-load-1").getAttribute("aria-label");
  const replicas = /plan 1: (\d+) ×/.exec(label ?? "")![1];
  await page.getByTestId("plan-load-1").click();
  await expect(page.getByTestId("serving-replicas")).toHaveValue(replicas!);
  await expect(page).toHaveURL(/hw=/);
});

for (const [name, size] of [
  ["desktop", { width: 1280, height: 800 }],
  ["phone", { width: 390, height: 844 }],
] as const) {
  test(`the serving section fits a ${name} screen`, async ({ page }) => {
    await page.setViewportSize(size);
    await page.goto("/?v=1&rr=12&ds=sharegpt&slt=0.5&slp=0.05");
    await waitForNumbers(page);
    await expect(page.getByTestId("serving-done")).toBeVisible({ timeout: 20_000 });
    await expectNoHorizontalScroll(page);
    await serving(page).scrollIntoViewIfNeeded();
    await serving(page).screenshot({ path: `test-results/serving-${name}.png` });
    await page.screenshot({ path: `test-results/serving-${name}-viewport.png` });
  });
}
