import { test, expect, type Page } from "@playwright/test";
import AxeBuilder from "@axe-core/playwright";
import { waitForNumbers } from "./support";

async function serious(page: Page) {
  const { violations } = await new AxeBuilder({ page }).analyze();
  return violations.filter((v) => v.impact === "serious" || v.impact === "critical").map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`);
}

test("the teaching charts, a why? panel and a lesson step have no serious accessibility violations", async ({ page }) => {
  // three full axe scans take 17–25 s alone on this 2-core machine, past 30 s beside another worker
  test.slow();
  await page.goto("/");
  await waitForNumbers(page);
  await expect(page.getByTestId("roofline-chart").locator("svg").first()).toBeVisible();
  await page.getByTestId("why-tpot-button").click();
  expect(await serious(page)).toEqual([]);
  await page.getByRole("tab", { name: "Attention" }).click();
  await expect(page.getByTestId("attention-chart").locator("svg").first()).toBeVisible();
  expect(await serious(page)).toEqual([]);
  await page.goto("/?lesson=serving&step=4");
  await page.getByRole("radio", { name: "falls about 4×" }).check();
  await expect(page.getByTestId("capacity-chart").locator("svg").first()).toBeVisible();
  expect(await serious(page)).toEqual([]);
});
