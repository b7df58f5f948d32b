import { test, expect } from "@playwright/test";
import { execFileSync } from "node:child_process";
import { expectNoJunk, readStats, waitForNumbers } from "./support";

test("the link follows the inputs and a new page opened from it shows the same numbers", async ({ page, context }) => {
  await page.goto("/");
  await waitForNumbers(page);
  await page.getByTestId("prompt-input").fill("4096");
  await page.getByRole("slider", { name: "Batch size" }).focus();
  await page.keyboard.press("End");
  await page.getByTestId("weight-precision").selectOption("fp8");
  await expect(page).toHaveURL(/pt=4096/);
  await expect(page).toHaveURL(/b=4096/);
  await expect(page).toHaveURL(/w=fp8/);
  await expect(page.getByTestId("results")).toHaveAttribute("aria-busy", "false");
  const stats = await readStats(page);
  const link = page.url();

  const other = await context.newPage();
  await other.goto(link);
  await waitForNumbers(other);
  expect(await readStats(other)).toEqual(stats);
  await expect(other.getByTestId("link-notice")).toHaveCount(0);
  await other.reload();
  await waitForNumbers(other);
  expect(await readStats(other)).toEqual(stats);
});

test("a corrupted link shows what was ignored and keeps the valid fields", async ({ page }) => {
  await page.goto("/?v=1&b=abc&pt=2048&zz=1&n=-5&w=fp8");
  await waitForNumbers(page);
  const notice = page.getByTestId("link-notice");
  await expect(notice).toBeVisible();
  await expect(notice).toContainText("zz");
  await expect(notice).toContainText("Batch size must be a whole number from 1 to 1,000,000");
  await expect(notice).not.toContainText(/workload\.|hardware\./);
  await expect(page.getByTestId("prompt-input")).toHaveValue("2048");
  await expect(page.getByTestId("weight-precision")).toHaveValue("fp8");
  await expectNoJunk(page);
  await page.getByRole("button", { name: "Dismiss" }).click();
  await expect(notice).toHaveCount(0);
});

test("a link from a future version says so and still opens", async ({ page }) => {
  await page.goto("/?v=99&pt=512");
  await waitForNumbers(page);
  await expect(page.getByTestId("link-notice")).toContainText(/version/);
  await expect(page.getByTestId("prompt-input")).toHaveValue("512");
});

test("the command line reads the same link to the same report", async ({ page }) => {
  await page.goto("/?v=1&pt=8192&b=8&n=2");
  await waitForNumbers(page);
  const shown = (await page.getByTestId("ttft").innerText()).trim();
  const out = execFileSync("npx", ["tsx", "src/cli/main.ts", "eval", "--url", page.url()], { encoding: "utf8" });
  const report = JSON.parse(out) as { prefill: { timeS: number } };
  const { formatSeconds } = await import("../src/ui/format");
  expect(formatSeconds(report.prefill.timeS)).toBe(shown);
});
