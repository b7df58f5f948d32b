/**
 * The lesson's words against the core: every claim a step's question, answer or reveal makes
 * ("16 GB of weights", "ridge near 300", "about 100×", "falls about 4×" …) is computed here from
 * the step's own setup and the control it offers, so a change to the model that makes a claim
 * false fails this test instead of teaching it.
 */
import { describe, expect, it } from "vitest";
import { evaluateInput } from "../../core/evaluateInput";
import { attentionFigures, rooflinePoints } from "../../core/insights";
import type { ScenarioInput } from "../../core/types";
import { SERVING_LESSON } from "./lessons";

const step = (id: string) => {
  const s = SERVING_LESSON.steps.find((x) => x.id === id);
  if (!s) throw new Error(`no lesson step ${id}`);
  return s;
};
const run = (input: ScenarioInput) => evaluateInput(input);
const withWorkload = (input: ScenarioInput, w: Partial<NonNullable<ScenarioInput["workload"]>>): ScenarioInput => ({ ...input, workload: { ...input.workload, ...w } });

/** Steps 7 and 8 simulate whole serving reports (rate searches included): ~3 s alone, 12 s seen beside two other test runs on a 2-core machine; an honest limit, not a retry. */
const SIMULATION_MS = 60_000;

describe("the serving lesson says what the core computes", () => {
  it("step 1: decode reads ~16 GB of weights at ~1 FLOP per byte, far below an H100 ridge near 300, so it is memory-bound", () => {
    const s = step("decode-memory-bound");
    expect(s.reveal).toContain("16 GB");
    expect(s.reveal).toContain("near 300");
    const { scenario, report: r } = run(s.setup);
    expect(r.memory.weightsBytes / 1e9).toBeGreaterThan(15.5);
    expect(r.memory.weightsBytes / 1e9).toBeLessThan(16.5);
    expect(r.roofline.ridgeIntensity).toBeGreaterThan(250);
    expect(r.roofline.ridgeIntensity).toBeLessThan(350);
    const decode = rooflinePoints(scenario, r).find((p) => p.id === "decode")!;
    expect(decode.intensity).toBeGreaterThan(0.5);
    expect(decode.intensity).toBeLessThan(2);
    expect(r.decode.bottleneck).toBe("memory");
    expect(s.choices[s.answer]).toMatch(/memory/i);
  });

  it("step 2: batch 1 → 64 barely changes time per token and cuts the cost per token about 64×", () => {
    const s = step("batching-ridge");
    const one = run(s.setup).report;
    const many = run(withWorkload(s.setup, { batch: 64 })).report;
    const slower = many.decode.timePerTokenS / one.decode.timePerTokenS;
    expect(slower).toBeGreaterThan(1);
    expect(slower).toBeLessThan(1.3); // "barely changes"
    const cheaper = one.total.chipSecondsPerMillionOutputTokens / many.total.chipSecondsPerMillionOutputTokens;
    expect(cheaper).toBeGreaterThan(45); // "about 64×"
    expect(cheaper).toBeLessThanOrEqual(64);
    expect(s.choices[s.answer]).toBe("barely change");
  });

  it("step 3: a prompt 10× longer makes prefill attention FLOPs about 100× and the matmuls 10×", () => {
    const s = step("quadratic-attention");
    const a = run(s.setup);
    const P = a.scenario.workload.promptTokens;
    const b = run(withWorkload(s.setup, { promptTokens: 10 * P }));
    const fa = attentionFigures(a.scenario, a.report);
    const fb = attentionFigures(b.scenario, b.report);
    expect(fb.prefillAttentionFlops / fa.prefillAttentionFlops).toBeCloseTo(100, 0);
    expect(fb.prefillOtherFlops / fa.prefillOtherFlops).toBeCloseTo(10, 0);
    expect(s.choices[s.answer]).toBe("100×");
  });

  it("step 4: 32 KV heads instead of 8 cut the largest batch at 8k about 4×; MQA's cache is 8× below GQA's", () => {
    const s = step("mqa-gqa");
    const gqa = run(s.setup);
    expect(gqa.scenario.model.heads).toBe(32);
    expect(gqa.scenario.model.kvHeads).toBe(8);
    const mhaInput: ScenarioInput = { ...s.setup, model: { ...gqa.scenario.model, preset: undefined, name: "MHA", kvHeads: 32, attention: "mha" } };
    const mha = run(mhaInput);
    const fall = gqa.report.memory.maxBatch / mha.report.memory.maxBatch;
    expect(fall).toBeGreaterThan(3.5);
    expect(fall).toBeLessThan(4.5);
    const kv = attentionFigures(gqa.scenario, gqa.report).kvBytesPerToken;
    expect(kv.gqa / kv.mqa).toBe(8);
    expect(s.choices[s.answer]).toBe("falls about 4×");
  });

  it("step 5: int8 weights about halve the time per token at batch 1, and halve the critical batch", () => {
    const s = step("quantization");
    const bf16 = run(s.setup).report;
    const int8 = run({ ...s.setup, precision: { ...s.setup.precision, weights: "int8" } }).report;
    const ratio = int8.decode.timePerTokenS / bf16.decode.timePerTokenS;
    expect(ratio).toBeGreaterThan(0.45);
    expect(ratio).toBeLessThan(0.65);
    const crit = int8.roofline.criticalBatchWeightsOnly! / bf16.roofline.criticalBatchWeightsOnly!;
    expect(crit).toBeGreaterThan(0.4);
    expect(crit).toBeLessThan(0.6);
    expect(s.choices[s.answer]).toBe("about halves");
  });

  it("step 6: 1 → 8 chips at the same batch leaves the cost per million output tokens about the same, or higher", () => {
    const s = step("more-chips");
    const one = run(s.setup).report;
    const eight = run({ ...s.setup, hardware: { ...s.setup.hardware, chips: 8 } }).report;
    expect(eight.decode.timePerTokenS).toBeLessThan(one.decode.timePerTokenS); // latency falls
    expect(eight.total.costPerMillionOutputTokens! / one.total.costPerMillionOutputTokens!).toBeGreaterThan(0.9);
    expect(s.choices[s.answer]).toMatch(/same, or rises/);
  });

  it("step 7: RAG at 5 requests/s, a little past capacity, makes p99 TTFT 10× or more what it is at 2/s; TPOT grows only a few-fold", () => {
    const s = step("saturation");
    const low = run(s.setup).report.serving!;
    const high = run({ ...s.setup, serving: { ...s.setup.serving!, requestRate: 5 } }).report.serving!;
    expect(low.capacityRequestsPerS).toBeGreaterThan(2);
    expect(low.capacityRequestsPerS).toBeLessThan(5); // 5/s is past capacity
    expect(low.capacityRequestsPerS).toBeGreaterThan(3.5); // "a little past"
    expect(high.ttftS!.p99 / low.ttftS!.p99).toBeGreaterThanOrEqual(10);
    // "time per output token grows too, a few-fold … but it is the wait before the first token that explodes"
    const tpotGrowth = high.tpotS!.p50 / low.tpotS!.p50;
    expect(tpotGrowth).toBeGreaterThan(1.5);
    expect(tpotGrowth).toBeLessThan(10);
    expect(high.ttftS!.p99 / low.ttftS!.p99).toBeGreaterThan(10 * tpotGrowth);
    expect(s.choices[s.answer]).toBe("grows 10× or more");
  }, SIMULATION_MS);

  it("step 8: chunks of 512 tokens cut the p99 time per output token several-fold, for a slightly longer time to first token", () => {
    const s = step("chunked-prefill");
    const whole = run(s.setup).report.serving!;
    const chunked = run({ ...s.setup, serving: { ...s.setup.serving!, scheduler: { chunkedPrefill: true, maxBatchedTokens: 512 } } }).report.serving!;
    expect(whole.tpotS!.p99 / chunked.tpotS!.p99).toBeGreaterThan(2);
    expect(chunked.ttftS!.p50).toBeGreaterThanOrEqual(whole.ttftS!.p50 * 0.9);
    expect(s.choices[s.answer]).toBe("falls a lot");
  }, SIMULATION_MS);
});
