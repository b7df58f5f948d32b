import { expect, test } from "@playwright/test";
import { expectNoJunk, readStats, waitForNumbers } from "./support";

test("the serving engine is an input: the assumed default is named, a chosen one changes the numbers and the link", async ({ page }) => {
  await page.goto("/?v=1&m=llama-3.1-70b&hw=h100-sxm&n=4&b=64");
  await waitForNumbers(page);
  await expect(page.getByTestId("engine-note")).toContainText("TensorRT-LLM assumed");
  const before = await readStats(page);
  await page.getByLabel("Serving engine").selectOption("vllm");
  await expect(page).toHaveURL(/eg=vllm/);
  await expect(page.getByTestId("engine-note")).toContainText("vLLM:");
  await expect.poll(async () => (await readStats(page)).tpot).not.toBe(before.tpot);
  await expectNoJunk(page);
  // a link naming the engine reopens with it
  await page.goto(page.url());
  await expect(page.getByLabel("Serving engine")).toHaveValue("vllm");
});

test("CUDA graphs off: the step takes the host's issue time, the link carries it, and an engine without the switch hides it", async ({ page }) => {
  await page.goto("/?v=1&m=llama-3.2-1b&hw=h200&n=1&b=1&eg=pytorch");
  await waitForNumbers(page);
  const graphs = page.getByTestId("engine-cuda-graphs");
  await expect(graphs).toBeChecked();
  const before = await readStats(page);
  await graphs.uncheck();
  await expect(page).toHaveURL(/cg=0/);
  await expect(page.getByTestId("engine-note")).toContainText("CUDA graphs off");
  // 16 layers × 25 kernels × 31 µs = 12.4 ms per output token, against ~1.7 ms replayed from a graph
  await expect.poll(async () => (await readStats(page)).tpot).toMatch(/^12\.4\d* ms$/);
  expect(before.tpot).not.toMatch(/^12\./);
  // the verdict names the host, not the GPU's roofline bound, and says what the GPU alone would be
  const badge = page.getByTestId("bottleneck-badge");
  await expect(badge).toHaveText(/^host-bound/);
  await expect(badge).toHaveAttribute("title", /GPU's memory-bound step/);
  await expectNoJunk(page);
  await page.goto(page.url());
  await expect(page.getByTestId("engine-cuda-graphs")).not.toBeChecked();
  await expect(page.getByTestId("bottleneck-badge")).toHaveText(/^host-bound/);
  await page.getByLabel("Serving engine").selectOption("mlx");
  await expect(page.getByTestId("engine-cuda-graphs")).toHaveCount(0);
  await expect(page).not.toHaveURL(/cg=/);
});

test("a MoE on vLLM: the time to first token's why? gives the routed experts' grouped-GEMM rate; TensorRT-LLM's does not", async ({ page }) => {
  // Mixtral on 2 H100, one 1,536-token prompt: 1,536 × top-2 / 8 experts = 384 rows per expert → 0.7 × 384/448 = 60 %
  await page.goto("/?v=1&m=mixtral-8x7b&hw=h100-sxm&n=2&b=1&pt=1536&eg=vllm");
  await waitForNumbers(page);
  await page.getByTestId("why-ttft-button").click();
  await expect(page.getByTestId("why-ttft")).toContainText("grouped GEMMs run at 60% of the dense matmul rate");
  await expect(page.getByTestId("engine-note")).toContainText("slower rate of its grouped GEMMs for the MoE's experts");
  await page.getByLabel("Serving engine").selectOption("tensorrt-llm");
  await expect(page.getByTestId("why-ttft")).not.toContainText("grouped");
  await expect(page.getByTestId("engine-note")).not.toContainText("grouped");
  await expectNoJunk(page);
});
