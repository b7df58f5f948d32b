import { test, expect, type Page } from "@playwright/test";
import { readFileSync } from "node:fs";
import { waitForNumbers } from "./support";

async function download(page: Page, click: () => Promise<void>) {
  const d = page.waitForEvent("download");
  await click();
  const file = await d;
  return { name: file.suggestedFilename(), bytes: readFileSync(await file.path()) };
}

test("the breakdown chart exports as CSV, SVG and PNG; the report as JSON", async ({ page }) => {
  await page.goto("/?v=1&b=8");
  await waitForNumbers(page);
  const bar = page.getByRole("group", { name: "Export Where the time goes, by context length" });
  await expect(page.getByTestId("breakdown-chart").locator("svg.recharts-surface").first()).toBeVisible();

  const csv = await download(page, () => bar.getByRole("button", { name: "CSV" }).click());
  expect(csv.name).toBe("where-the-time-goes-by-context-length.csv");
  const lines = csv.bytes.toString("utf8").trim().split("\r\n");
  expect(lines[0]).toBe("phase,context (tokens),time unit,Weight loading,KV-cache reading,Matmul compute,Attention compute,Communication,Engine overhead,total,fits in memory");
  expect(lines.length).toBeGreaterThan(40);
  expect(lines.some((l) => l.startsWith("decode,"))).toBe(true);

  const svg = await download(page, () => bar.getByRole("button", { name: "SVG" }).click());
  const svgText = svg.bytes.toString("utf8");
  expect(svgText.startsWith("<svg")).toBe(true);
  expect(svgText).toContain("Where the time goes, by context length");
  expect(svgText.match(/<svg/g)?.length).toBeGreaterThanOrEqual(3); // the document and both phases

  const png = await download(page, () => bar.getByRole("button", { name: "PNG" }).click());
  expect(png.name.endsWith(".png")).toBe(true);
  expect([...png.bytes.subarray(0, 4)]).toEqual([0x89, 0x50, 0x4e, 0x47]);
  expect(png.bytes.length).toBeGreaterThan(5000);

  const report = await download(page, () => page.getByTestId("export-report").click());
  const body = JSON.parse(report.bytes.toString("utf8")) as { report: { total: { timeS: number } }; input: { workload: { batch: number } } };
  expect(body.input.workload.batch).toBe(8);
  expect(body.report.total.timeS).toBeGreaterThan(0);
});
