import { test, expect, type Page } from "@playwright/test";
import AxeBuilder from "@axe-core/playwright";
import { AXE_TIMEOUT_MS } from "./support";

/**
 * The first numbers are painted by the cost worker into the static shell in index.html before
 * React has loaded (src/boot.ts, src/shell.ts; issue 16). React's chunk is held back here, so what
 * the shell shows alone can be read, then compared with what React shows once it takes over:
 * the same text in the same places, one copy of each node, and for a link with a problem no
 * number before the page can say what was wrong with it.
 */

const CARDS = ["ttft", "tpot", "throughput", "cost-output", "mfu", "mbu", "cost-split"] as const;

/** Holds the app's chunk (main-*.js: React and the app) until the returned function is called. */
async function holdReact(page: Page): Promise<() => void> {
  let release!: () => void;
  const released = new Promise<void>((r) => (release = r));
  await page.route(/\/assets\/main-[^/]*\.js$/, async (route) => {
    await released;
    await route.continue();
  });
  return release;
}

interface Card {
  text: string;
  label: string;
  box: { x: number; y: number; width: number; height: number } | null;
}

async function readCards(page: Page): Promise<Record<string, Card>> {
  const out: Record<string, Card> = {};
  for (const id of CARDS) {
    const el = page.getByTestId(id);
    await expect(el).toHaveCount(1);
    const label = id === "cost-split" ? "" : ((await el.locator("xpath=preceding-sibling::dt").innerText()).trim());
    out[id] = { text: (await el.innerText()).trim(), label, box: await el.boundingBox() };
  }
  return out;
}

async function shellThenReact(page: Page, url: string) {
  const release = await holdReact(page);
  await page.goto(url);
  await expect(page.locator('[data-shell="painted"]')).toHaveCount(1);
  await expect(page.locator("[data-ready]")).toHaveCount(0); // React has not mounted
  const early = await readCards(page);
  release();
  await expect(page.locator('[data-ready="true"]')).toHaveCount(1);
  await expect(page.locator("[data-shell]")).toHaveCount(0);
  const late = await readCards(page);
  return { early, late };
}

function expectSame(early: Record<string, Card>, late: Record<string, Card>) {
  for (const id of CARDS) {
    expect(early[id]!.text, id).toMatch(/\d/);
    expect(early[id]!.text, id).toBe(late[id]!.text);
    expect(early[id]!.label, id).toBe(late[id]!.label);
    // no layout jump: each figure stays where it was painted
    for (const k of ["x", "y", "width", "height"] as const) expect(Math.abs(early[id]!.box![k] - late[id]!.box![k]), `${id} ${k}`).toBeLessThanOrEqual(1);
  }
}

test("the shell's first numbers are the ones React then shows, in the same places (default scenario)", async ({ page }) => {
  const { early, late } = await shellThenReact(page, "/");
  expectSame(early, late);
  await expect(page.locator("#results-title")).toHaveCount(1);
});

test("a share link with a non-default scenario is read by the worker: the shell shows its numbers, the same as React's", async ({ page }) => {
  const defaults = await shellThenReact(page, "/");
  const { early, late } = await shellThenReact(page, "/?v=1&pt=8192&b=8&n=2&w=fp8");
  expectSame(early, late);
  expect(early.ttft!.text).not.toBe(defaults.early.ttft!.text);
  // the same link after # reads the same
  const hash = await shellThenReact(page, "/#v=1&pt=8192&b=8&n=2&w=fp8");
  expectSame(hash.early, hash.late);
  expect(hash.early.ttft!.text).toBe(early.ttft!.text);
});

test("a phone gets the same numbers in the same places", async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  const { early, late } = await shellThenReact(page, "/?v=1&pt=2048&b=32");
  expectSame(early, late);
});

test("a malformed link shows no number before the page can name what it ignored", async ({ page }) => {
  const release = await holdReact(page);
  await page.goto("/?v=1&b=abc&pt=2048");
  await expect(page.locator('[data-shell="left-to-page"]')).toHaveCount(1);
  await expect(page.getByTestId("ttft")).not.toBeVisible();
  expect(await page.locator("body").innerText()).not.toMatch(/\d\s*(ms|s|%)/);
  release();
  const notice = page.getByTestId("link-notice");
  await expect(notice).toContainText("Batch size must be a whole number from 1 to 1,000,000");
  await expect(page.getByTestId("ttft")).toHaveText(/\d/);
  await expect(page.getByTestId("ttft")).toHaveCount(1);
});

test("the shell with its first numbers has no serious accessibility violations", async ({ page }) => {
  test.setTimeout(AXE_TIMEOUT_MS);
  const release = await holdReact(page);
  await page.goto("/");
  await expect(page.locator('[data-shell="painted"]')).toHaveCount(1);
  const { violations } = await new AxeBuilder({ page }).analyze();
  expect(violations.filter((v) => v.impact === "serious" || v.impact === "critical").map((v) => v.id)).toEqual([]);
  release();
});
