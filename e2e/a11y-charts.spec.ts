import { test, expect, type Page } from "@playwright/test";
import AxeBuilder from "@axe-core/playwright";
import { AXE_TIMEOUT_MS, waitForNumbers } from "./support";

/**
 * Serious or critical axe violations inside the regions under test. The whole page is checked
 * once in robustness.spec.ts; here each check covers only the charts panel, the open why? panel
 * and the lesson, which is what this test claims and keeps each analysis to a few seconds.
 */
async function serious(page: Page, ...regions: string[]) {
  let axe = new AxeBuilder({ page });
  for (const r of regions) axe = axe.include(r);
  const { violations } = await axe.analyze();
  return violations.filter((v) => v.impact === "serious" || v.impact === "critical").map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`);
}

test.beforeEach(() => test.setTimeout(AXE_TIMEOUT_MS));

test("the roofline chart and an open why? panel have no serious accessibility violations", async ({ page }) => {
  await page.goto("/");
  await waitForNumbers(page);
  await expect(page.getByTestId("roofline-chart").locator("svg").first()).toBeVisible();
  await page.getByTestId("why-tpot-button").click();
  await expect(page.getByTestId("why-tpot")).toBeVisible();
  expect(await serious(page, '[data-testid="insights"]', '[data-testid="why-tpot"]')).toEqual([]);
});

test("the attention chart has no serious accessibility violations", async ({ page }) => {
  await page.goto("/");
  await waitForNumbers(page);
  await page.getByRole("tab", { name: "Attention" }).click();
  await expect(page.getByTestId("attention-chart").locator("svg").first()).toBeVisible();
  expect(await serious(page, '[data-testid="insights"]')).toEqual([]);
});

test("a lesson step with its capacity chart has no serious accessibility violations", async ({ page }) => {
  await page.goto("/?lesson=serving&step=4");
  await page.getByRole("radio", { name: "falls about 4×" }).check();
  await expect(page.getByTestId("capacity-chart").locator("svg").first()).toBeVisible();
  expect(await serious(page, '[data-testid="lesson"]', '[data-testid="insights"]')).toEqual([]);
});
