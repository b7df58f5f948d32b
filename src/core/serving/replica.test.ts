import { describe, expect, it } from "vitest";
import { evaluate } from "../cost/evaluate";
import { decodeShardingOf, iterationOps, runStep, stepContext, type IterationShape } from "../cost/step";
import { meanCappedContext } from "../cost/model";
import { resolveScenario } from "../scenario";
import type { ScenarioInput } from "../types";
import { replicaPlan } from "./replica";
import { servingReport } from "./report";
import type { ServingSpec } from "./simulate";

const scenario = (input: ScenarioInput) => {
  const r = resolveScenario(input);
  expect(r.issues).toEqual([]);
  return r.scenario;
};

const EMPTY: IterationShape = {
  decodeSeqs: 0,
  decodeKeys: 0,
  decodeKeysWindowed: 0,
  prefillTokens: 0,
  prefillPairs: 0,
  prefillPairsWindowed: 0,
  prefillPriorKeys: 0,
  prefillPriorKeysWindowed: 0,
  prefillNewKeysWindowed: 0,
  logitRows: 0,
  sequences: 0,
};

const CASES: ScenarioInput[] = [
  { model: { preset: "llama-3.1-8b" }, hardware: { preset: "h100-sxm", chips: 1 }, workload: { batch: 16, promptTokens: 1024, outputTokens: 256 } },
  { model: { preset: "llama-3.1-70b" }, hardware: { preset: "h100-sxm", chips: 8 }, workload: { batch: 64, promptTokens: 2048, outputTokens: 300 } },
  { model: { preset: "gemma-2-9b" }, hardware: { preset: "a100-80gb", chips: 1 }, workload: { batch: 8, promptTokens: 6000, outputTokens: 500 }, mode: "ideal" },
  { model: { preset: "mixtral-8x7b" }, hardware: { preset: "h100-sxm", chips: 4 }, workload: { batch: 32, promptTokens: 512, outputTokens: 128 } },
  { model: { preset: "palm-62b" }, hardware: { preset: "tpu-v4", chips: 16 }, workload: { batch: 64, promptTokens: 1024, outputTokens: 64 } },
  // an engine with a per-sequence cost (engines.ts: vLLM)
  { model: { preset: "llama-3.1-8b" }, hardware: { preset: "mi300x", chips: 1 }, workload: { batch: 32, promptTokens: 512, outputTokens: 128 }, engine: "vllm" },
];

describe("one step function for static phases and serving iterations", () => {
  for (const input of CASES) {
    it(`a pure decode or prefill iteration is the static phase: ${input.model!.preset} on ${input.hardware!.chips} × ${input.hardware!.preset} (${input.mode ?? "realistic"})`, () => {
      const s = scenario(input);
      const r = evaluate(s, { brief: true });
      const c = stepContext(s);
      const { batch: B, promptTokens: P, outputTokens: O } = s.workload;
      const W = c.mc.window;
      const decode: IterationShape = {
        ...EMPTY,
        decodeSeqs: B,
        decodeKeys: B * meanCappedContext(P, O, Infinity),
        decodeKeysWindowed: B * (c.mc.windowLayers ? meanCappedContext(P, O, W) : 0),
        logitRows: B,
        sequences: B,
      };
      const sharding = decodeShardingOf(c);
      expect(runStep(c, r.decode.layout, iterationOps(c, sharding, decode), r.decode.experts === "expert").timeS).toBeCloseTo(r.decode.timePerTokenS, 12);
      // batch-1 prefill of one chunk (the static prefill shards a lone sequence over heads)
      const one = evaluate({ ...s, workload: { ...s.workload, batch: 1, prefillBatch: 1 } }, { brief: true });
      const prefill: IterationShape = {
        ...EMPTY,
        prefillTokens: P,
        prefillPairs: (P * P) / 2,
        prefillPairsWindowed: P <= W ? (P * P) / 2 : W * P - (W * W) / 2,
        prefillNewKeysWindowed: Math.min(P, W),
        logitRows: 1,
        sequences: 1,
      };
      expect(runStep(c, one.prefill.layout, iterationOps(c, one.prefill.attentionSharding, prefill), one.prefill.experts === "expert").timeS).toBeCloseTo(one.prefill.timeS, 12);
    });
  }
});

describe("serving at zero load is the static batch-1 model", () => {
  const spec = (P: number, O: number): ServingSpec => ({
    requestRate: 0.001,
    arrival: "uniform",
    burstiness: 1,
    requests: 20,
    seed: 1,
    promptTokens: { dist: "fixed", mean: P },
    outputTokens: { dist: "fixed", mean: O },
    replicas: 1,
    scheduler: { maxSequences: 256, maxBatchedTokens: 8192, chunkedPrefill: true },
  });
  for (const input of CASES) {
    it(`TTFT = prefill.timeS and TPOT = decode.timePerTokenS within 1 %: ${input.model!.preset}`, () => {
      const s = scenario({ ...input, workload: { batch: 1, promptTokens: 1024, outputTokens: 256 } });
      const r = evaluate(s, { brief: true });
      const plan = replicaPlan(s, spec(1024, 256).scheduler);
      const sv = servingReport(spec(1024, 256), plan, { chips: s.hardware.chips, pricePerHour: s.hardware.pricePerHour });
      expect(Math.abs(sv.ttftS!.p50 / r.prefill.timeS - 1)).toBeLessThan(0.01);
      expect(Math.abs(sv.tpotS!.p50 / r.decode.timePerTokenS - 1)).toBeLessThan(0.01);
      expect(sv.queueS!.p99).toBe(0);
    });
  }

  it("sizes the KV cache from what the weights, the reserve and the engine's fraction leave", () => {
    // Llama-3.1-8B on one H100 (80 GiB = 85.9 GB): 0.9 of it, less the 3.5 GiB reserve, 16.06 GB
    // of weights and the activations of an 8,192-token iteration; 131,072 bytes per token.
    const s = scenario(CASES[0]!);
    const plan = replicaPlan(s, { maxSequences: 256, maxBatchedTokens: 8192, chunkedPrefill: true });
    const cap = 80 * 2 ** 30;
    const act = 2 * 8192 * (4096 + 2 * 14336 + 4096 + 2 * 8 * 128) + 4 * 256 * 128256;
    const kv = cap * 0.9 - 3.5 * 2 ** 30 - plan.memory.weightsBytes - act;
    expect(plan.memory.activationBytes).toBe(act);
    expect(plan.kvBytesPerTokenPerChip).toBe(131072);
    expect(plan.kvCapacityTokens).toBe(Math.floor(kv / 131072));
    expect(plan.kvCapacityTokens).toBeGreaterThan(400_000);
  });
});

describe("the engine's per-sequence cost in an iteration", () => {
  it("is charged per sequence, not cached with the token count: 64 prefill tokens of 1 or of 4 sequences differ by 3 × layers × 2 µs", () => {
    const s = scenario({ model: { preset: "llama-3.1-8b" }, hardware: { preset: "mi300x", chips: 1 }, engine: "vllm" });
    const plan = replicaPlan(s, { maxSequences: 256, maxBatchedTokens: 8192, chunkedPrefill: true });
    const shape = (sequences: number): IterationShape => ({ ...EMPTY, prefillTokens: 64, prefillPairs: 2048, logitRows: 1, sequences });
    // 32 layers × 2 µs per sequence: 3 more sequences add 192 µs
    expect(plan.step(shape(4)) - plan.step(shape(1))).toBeCloseTo(3 * 32 * 2e-6, 12);
  });
});
