import { test, expect, type Page } from "@playwright/test";
import { expectNoHorizontalScroll, waitForNumbers } from "./support";

const serving = (page: Page) => page.getByTestId("serving");
const OUT = "test-results/serving-advanced";

test("a link with prefix caching, disaggregated pools, a host KV tier and a draft model shows what each is worth", async ({ page }) => {
  test.setTimeout(45_000); // simulations with and without the cache, both pools, in a worker on a shared 2-core machine
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.goto("/?v=1&rr=4&ds=sharegpt&rq=600&slt=1&slp=0.05&slq=90&pch=0.8&pcs=512&dgpr=1&dgdr=1&hkc=2.56e11&dm=llama-3.2-1b&dk=4&da=0.7");
  await waitForNumbers(page);
  await expect(page.getByTestId("serving-done")).toBeVisible({ timeout: 30_000 });
  await expect(page.getByTestId("serving-prefix-on")).toBeChecked();
  await expect(page.getByTestId("serving-prefix-hit")).toHaveValue("80");
  await expect(page.getByTestId("serving-disagg-on")).toBeChecked();
  const worth = page.getByTestId("serving-prefix-worth");
  await expect(worth).toContainText("80% of requests hit");
  await expect(worth.getByTestId("worth-with").first()).toHaveText(/\d+(\.\d+)? (ms|µs|s)/);
  await expect(page.getByTestId("disagg-pool-prefill")).toContainText("1 × 1");
  await expect(page.getByTestId("disagg-transfer")).toContainText(/KV transfer per request: [\d.]+ [kMG]B/);
  await expect(page.getByTestId("serving-host-on")).toBeChecked();
  await expect(page.getByTestId("serving-host-figures")).toContainText("Reloading beats recomputing from");
  await expect(page.getByTestId("serving-spec-figures")).toContainText(/Speculative decoding under load \(4 draft tokens/);
  const text = await serving(page).innerText();
  expect(text).not.toMatch(/NaN|Infinity|undefined|null/);
  await expectNoHorizontalScroll(page);
  await serving(page).screenshot({ path: `${OUT}/desktop.png` });
  await page.setViewportSize({ width: 390, height: 844 });
  await expectNoHorizontalScroll(page);
  await page.getByTestId("serving-disagg").screenshot({ path: `${OUT}/phone-controls.png` });
  await worth.screenshot({ path: `${OUT}/phone-worth.png` });
  await page.getByTestId("serving-host-figures").screenshot({ path: `${OUT}/phone-host.png` });
  await page.getByTestId("serving-spec-figures").screenshot({ path: `${OUT}/phone-spec.png` });
  await page.getByTestId("serving-disagg-figures").screenshot({ path: `${OUT}/phone-pools.png` });
});

test("turning prefix caching and disaggregation on writes their link keys; the pool replaces the replica count", async ({ page }) => {
  await page.goto("/?v=1&rr=2&ds=sharegpt&rq=300&rp=2");
  await waitForNumbers(page);
  await page.getByTestId("serving-prefix-on").check();
  await expect(page).toHaveURL(/pch=0\.8/);
  await expect(page).toHaveURL(/pcs=512/);
  await page.getByTestId("serving-disagg-on").check();
  await expect(page).toHaveURL(/dgpr=1/);
  await expect(page).not.toHaveURL(/[?&]rp=/);
  await page.getByTestId("serving-decode-replicas").fill("2");
  await expect(page).toHaveURL(/dgdr=2/);
  await page.getByTestId("serving-disagg-on").uncheck();
  await expect(page).not.toHaveURL(/dgpr=/);
  await expect(page.getByTestId("serving-replicas")).toBeVisible();
});
