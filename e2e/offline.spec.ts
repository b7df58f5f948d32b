import { test, expect } from "@playwright/test";
import { readStats, waitForNumbers } from "./support";

// This spec needs the service worker that the other specs block.
test.use({ serviceWorkers: "allow" });

test("after one visit the page installs, then reloads and opens new links with the network off", async ({ page, context }) => {
  await page.goto("/?v=1&b=8&pt=2048");
  await waitForNumbers(page);
  const manifest = await page.evaluate(async () => (await fetch(document.querySelector<HTMLLinkElement>('link[rel="manifest"]')!.href)).json());
  expect(manifest).toMatchObject({ name: "Inference Cost Explorer", display: "standalone" });
  // the service worker has cached the whole build and controls the page
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
    if (!navigator.serviceWorker.controller) await new Promise((r) => navigator.serviceWorker.addEventListener("controllerchange", r, { once: true }));
  });
  const before = await readStats(page);

  await context.setOffline(true);
  expect(await page.evaluate(() => navigator.onLine)).toBe(false);
  const reloaded = await page.reload();
  expect(reloaded?.fromServiceWorker()).toBe(true);
  await waitForNumbers(page);
  expect(await readStats(page)).toEqual(before);
  await expect(page.getByTestId("breakdown-chart").locator("svg.recharts-surface").first()).toBeVisible();

  const other = await context.newPage();
  await other.goto("/?v=1&m=mixtral-8x7b&n=2");
  await waitForNumbers(other);
  await expect(other.locator("[data-evaluator]")).toHaveAttribute("data-evaluator", /worker|main-thread/);
  await context.setOffline(false);
});
