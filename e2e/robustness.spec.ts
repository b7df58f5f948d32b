import { test, expect } from "@playwright/test";
import AxeBuilder from "@axe-core/playwright";
import { AXE_TIMEOUT_MS, expectNoJunk, readStats, waitForNumbers } from "./support";

test("without a worker the page answers from the main thread with the same numbers", async ({ page, context }) => {
  await page.goto("/?v=1&b=8");
  await waitForNumbers(page);
  await expect(page.locator("[data-evaluator]")).toHaveAttribute("data-evaluator", "worker");
  const withWorker = await readStats(page);

  const other = await context.newPage();
  await other.route(/cost\.worker.*\.js/, (route) => route.abort());
  await other.goto("/?v=1&b=8");
  await waitForNumbers(other);
  await expect(other.locator("[data-evaluator]")).toHaveAttribute("data-evaluator", "main-thread");
  expect(await readStats(other)).toEqual(withWorker);
});

test("the parameter slider switches to a derived custom shape and shows the rule", async ({ page }) => {
  await page.goto("/");
  await waitForNumbers(page);
  const slider = page.getByRole("slider", { name: "Parameters" });
  await slider.focus();
  await slider.press("PageDown");
  await expect(page.getByTestId("derived-rule")).toBeVisible();
  await expect(page.getByTestId("model-preset")).toHaveValue("__derived");
  await expect(page).toHaveURL(/[?&]p=\d+/);
  await expect(page.getByTestId("shape-layers")).toHaveValue(/^\d+$/);
  // editing one field of the derived shape keeps the others
  const dModel = await page.getByTestId("shape-dModel").inputValue();
  await page.getByTestId("shape-layers").fill("12");
  await expect(page).toHaveURL(/[?&]l=12/);
  await expect(page.getByTestId("shape-dModel")).toHaveValue(dModel);
  await expectNoJunk(page);
});

test("Copy link puts the current link on the clipboard", async ({ page, context }) => {
  await context.grantPermissions(["clipboard-read", "clipboard-write"]);
  await page.goto("/?v=1&b=32");
  await waitForNumbers(page);
  await page.getByRole("button", { name: "Copy link" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Link copied" })).toBeVisible();
  const copied = await page.evaluate(() => navigator.clipboard.readText());
  expect(copied).toMatch(/\?v=1&.*b=32/);
});

test("no serious accessibility violations", async ({ page }) => {
  test.setTimeout(AXE_TIMEOUT_MS);
  await page.goto("/");
  await waitForNumbers(page);
  await expect(page.getByTestId("breakdown-chart").locator("svg").first()).toBeVisible();
  const { violations } = await new AxeBuilder({ page }).analyze();
  const serious = violations.filter((v) => v.impact === "serious" || v.impact === "critical");
  expect(serious.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`)).toEqual([]);
});
