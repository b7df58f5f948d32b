import { test, expect } from "@playwright/test";
import { waitForNumbers } from "./support";

const STEPS = [
  ["Decoding is memory-bound", "Roofline"],
  ["Batching and the ridge", "Roofline"],
  ["Quadratic attention and the crossover", "Attention"],
  ["MQA and GQA: a smaller KV cache", "Capacity"],
  ["Quantization", "Roofline"],
  ["More chips: latency, not cost", "Latency vs cost"],
  ["Near saturation, latency explodes", "Roofline"],
  ["Chunked prefill and time per token", "Roofline"],
] as const;

for (const [i, [title, tab]] of STEPS.entries()) {
  test(`lesson step ${i + 1}'s link opens that step, with its chart and without the other controls`, async ({ page }) => {
    await page.goto(`/?lesson=serving&step=${i + 1}`);
    await expect(page.getByRole("heading", { name: `Step ${i + 1} of ${STEPS.length}: ${title}` })).toBeVisible();
    await expect(page.getByRole("tab", { name: tab })).toHaveAttribute("aria-selected", "true");
    await expect(page.getByRole("group", { name: "Inputs" })).toBeHidden();
    await expect(page).toHaveURL(new RegExp(`lesson=serving&step=${i + 1}`));
  });
}

test("a step asks for a prediction, then shows its one control, then the answer", async ({ page }) => {
  await page.goto("/?lesson=serving&step=2");
  await waitForNumbers(page);
  await expect(page.getByRole("slider", { name: "Batch size" })).toHaveCount(0);
  await expect(page.getByTestId("lesson-reveal")).toHaveCount(0);
  await page.getByRole("radio", { name: "barely change" }).check();
  const slider = page.getByRole("slider", { name: "Batch size" });
  await expect(slider).toBeVisible();
  await expect(page.getByTestId("lesson-reveal")).toHaveCount(0);
  await slider.focus();
  for (let k = 0; k < 4; k++) await slider.press("PageUp");
  await expect(page.getByTestId("lesson-reveal")).toContainText("Right.");
  await page.getByRole("button", { name: "Next step" }).click();
  await expect(page).toHaveURL(/lesson=serving&step=3/);
  await expect(page.getByRole("heading", { name: new RegExp(`Step 3 of ${STEPS.length}`) })).toBeVisible();
  await page.getByRole("button", { name: "Leave the lesson" }).click();
  await expect(page.getByRole("group", { name: "Inputs" })).toBeVisible();
  await expect(page).not.toHaveURL(/lesson=/);
});

test("the saturation step: predict, raise the rate past the knee, and the answer shows beside the serving figures", async ({ page }) => {
  test.setTimeout(60_000); // two simulations of 2,000 requests on a shared 2-core machine: slow work, not a retry
  await page.goto("/?lesson=serving&step=7");
  await waitForNumbers(page);
  await expect(page.getByTestId("serving-done")).toBeVisible({ timeout: 20_000 });
  await expect(page.getByTestId("serving-saturated")).toHaveCount(0);
  await page.getByRole("radio", { name: "grows 10× or more" }).check();
  await page.getByTestId("lesson-rate").fill("5");
  await expect(page.getByTestId("lesson-reveal")).toContainText("Right.");
  await expect(page.getByTestId("serving-saturated")).toBeVisible({ timeout: 20_000 });
  await expect(page).toHaveURL(/rr=5/);
});
