import { test, expect } from "@playwright/test";
import { readFileSync } from "node:fs";
import { expectNoJunk, waitForNumbers } from "./support";

const fixture = (name: string) => readFileSync(`src/core/import/__fixtures__/${name}.json`, "utf8");

test("paste a Mixtral config.json: MoE and GQA detected, the numbers follow the imported model", async ({ page }) => {
  await page.goto("/");
  await waitForNumbers(page);
  await page.getByTestId("config-text").fill(fixture("mixtral-8x7b"));
  await page.getByTestId("config-import").click();
  const result = page.getByTestId("import-result");
  await expect(result).toContainText("mixture of experts: 8 routed experts, 2 per token");
  await expect(result).toContainText("grouped-query attention (32 heads, 8 KV heads)");
  await expect(page).toHaveURL(/xe=8/);
  await expect(page.getByTestId("memory-per-chip")).toContainText("9"); // 46.7B × 2 B ≈ 93 GB of weights
  await expectNoJunk(page);
});

test("drop a DeepSeek-V3 config.json file: MLA detected", async ({ page }) => {
  await page.goto("/");
  await waitForNumbers(page);
  const text = fixture("deepseek-v3");
  const dt = await page.evaluateHandle((t) => {
    const d = new DataTransfer();
    d.items.add(new File([t], "config.json", { type: "application/json" }));
    return d;
  }, text);
  await page.getByTestId("config-drop").dispatchEvent("drop", { dataTransfer: dt });
  await expect(page.getByTestId("import-result")).toContainText("multi-head latent attention: 512 + 64");
  await expect(page.getByTestId("import-result")).toContainText("quantization_config (fp8) not applied");
});

test("a config without hidden_size names the missing field and leaves the model alone", async ({ page }) => {
  await page.goto("/?v=1&m=qwen3-8b");
  await waitForNumbers(page);
  const cfg = JSON.parse(fixture("llama-3.1-8b")) as Record<string, unknown>;
  delete cfg.hidden_size;
  await page.getByTestId("config-text").fill(JSON.stringify(cfg));
  await page.getByTestId("config-import").click();
  await expect(page.getByTestId("import-error")).toHaveText('config.json: missing required field "hidden_size" (the model width)');
  await expect(page).toHaveURL(/m=qwen3-8b/);
  await page.getByTestId("config-text").fill("{ broken");
  await page.getByTestId("config-import").click();
  await expect(page.getByTestId("import-error")).toContainText("not valid JSON");
});

test("fetch a config by model id (served from a fixture)", async ({ page }) => {
  await page.route("https://huggingface.co/Qwen/Qwen3-30B-A3B/resolve/main/config.json", (r) =>
    r.fulfill({ status: 200, contentType: "application/json", body: fixture("qwen3-30b-a3b"), headers: { "access-control-allow-origin": "*" } }),
  );
  await page.route("https://huggingface.co/meta-llama/Llama-3.1-405B/resolve/main/config.json", (r) => r.fulfill({ status: 401, body: "gated", headers: { "access-control-allow-origin": "*" } }));
  await page.goto("/");
  await waitForNumbers(page);
  await page.getByTestId("model-id").fill("Qwen/Qwen3-30B-A3B");
  await page.getByRole("button", { name: "Fetch" }).click();
  await expect(page.getByTestId("import-result")).toContainText("Using Qwen/Qwen3-30B-A3B");
  await expect(page.getByTestId("import-result")).toContainText("128 routed experts, 8 per token");
  await page.getByTestId("model-id").fill("meta-llama/Llama-3.1-405B");
  await page.getByRole("button", { name: "Fetch" }).click();
  await expect(page.getByTestId("import-error")).toContainText("gated or private");
});
