import { test, expect } from "@playwright/test";
import { readFileSync } from "node:fs";
import { waitForNumbers } from "./support";

test("a named scenario survives a reload and opens again; export and import a file", async ({ page }) => {
  await page.goto("/?v=1&pt=4096&w=fp8");
  await waitForNumbers(page);
  await page.getByTestId("save-name").fill("fp8, 4k prompt");
  await page.getByTestId("save-scenario").click();
  await expect(page.getByTestId("saved-list")).toContainText("fp8, 4k prompt");

  await page.goto("/");
  await waitForNumbers(page);
  await expect(page.getByTestId("prompt-input")).toHaveValue("1024");
  await page.getByRole("button", { name: "Open fp8, 4k prompt" }).click();
  await expect(page.getByTestId("prompt-input")).toHaveValue("4096");
  await expect(page.getByTestId("weight-precision")).toHaveValue("fp8");

  const download = page.waitForEvent("download");
  await page.getByRole("button", { name: "Export all (JSON)" }).click();
  const file = JSON.parse(readFileSync(await (await download).path(), "utf8")) as { format: string; scenarios: { name: string; link: string }[] };
  expect(file.format).toBe("inference-cost-explorer/scenarios");
  expect(file.scenarios.map((s) => s.name)).toEqual(["fp8, 4k prompt"]);

  const imported = { ...file, scenarios: [{ ...file.scenarios[0], id: "copy", name: "imported copy" }, { format: "inference-cost-explorer/scenario", version: 1, name: "broken" }] };
  await page.getByTestId("import-saved-file").setInputFiles({ name: "scenarios.json", mimeType: "application/json", buffer: Buffer.from(JSON.stringify(imported)) });
  await expect(page.getByTestId("saved-list")).toContainText("imported copy");
  await expect(page.getByTestId("saved-problems")).toContainText('scenario 2 ("broken") field "id"');
});

test("a corrupted or foreign entry in storage is reported by key and skipped; the rest loads", async ({ page }) => {
  await page.goto("/");
  await waitForNumbers(page);
  await page.evaluate(() => {
    const good = { format: "inference-cost-explorer/scenario", version: 1, id: "good", name: "good one", savedAt: "2026-01-01T00:00:00.000Z", link: "v=1&b=32" };
    localStorage.setItem("ice:saved:good", JSON.stringify(good));
    localStorage.setItem("ice:saved:broken", "{oops");
    localStorage.setItem("ice:saved:alien", JSON.stringify({ format: "another-app", x: 1 }));
    localStorage.setItem("ice:saved:html", JSON.stringify({ ...good, id: "html", name: "<img src=x onerror=alert(1)>", link: "v=1&b=abc" }));
  });
  await page.reload();
  await waitForNumbers(page);
  const problems = page.getByTestId("saved-problems");
  await expect(problems).toContainText('"ice:saved:broken": not valid JSON; skipped');
  await expect(problems).toContainText('"ice:saved:alien": is not a saved scenario of this tool');
  await expect(page.getByTestId("saved-list")).toContainText("good one");
  // text from storage is shown as text, never parsed as markup
  await expect(page.getByTestId("saved-list")).toContainText("<img src=x onerror=alert(1)>");
  await expect(page.locator("img[src=x]")).toHaveCount(0);
  await page.getByRole("button", { name: "Open <img src=x onerror=alert(1)>" }).click();
  await expect(page.getByTestId("link-notice")).toContainText("Batch size");
  await expect(page.getByTestId("link-notice")).not.toContainText("workload.batch");
  await page.getByRole("button", { name: "Open good one" }).click();
  await expect(page).toHaveURL(/b=32/);
});
