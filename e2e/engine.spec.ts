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
