import { describe, expect, it } from "vitest";
import { evaluate } from "../cost/evaluate";
import { runReference, type ReferenceCase } from "../reference";
import { resolveScenario } from "../scenario";
import type { ScenarioInput } from "../types";
import { mixedIterationS, mixedIterationShape } from "./iteration";
import { replicaPlan } from "./replica";

const scenario = (input: ScenarioInput) => {
  const r = resolveScenario(input);
  expect(r.issues).toEqual([]);
  return r.scenario;
};

const H200 = (preset: string, mode: "ideal" | "realistic" = "realistic"): ScenarioInput => ({
  model: { preset },
  hardware: { preset: "h200", chips: 1 },
  precision: { weights: "bf16", kvCache: "bf16", activations: "bf16" },
  engine: "pytorch",
  mode,
});

describe("a mixed iteration priced by the simulator's step", () => {
  for (const preset of ["llama-3.1-8b", "llama-3.2-1b"]) {
    for (const mode of ["realistic", "ideal"] as const) {
      it(`no decoders: the static prefill of the chunk at batch 1 (${preset}, ${mode}, within 1 %)`, () => {
        for (const C of [256, 2048]) {
          const s = scenario({ ...H200(preset, mode), workload: { batch: 1, promptTokens: C, outputTokens: 1 } });
          const prefill = evaluate(s, { brief: true }).prefill.timeS;
          expect(Math.abs(mixedIterationS(s, { prefillChunk: C, decodeSeqs: 0, decodeContext: 2048 }) / prefill - 1)).toBeLessThan(0.01);
        }
      });
      it(`no chunk: the static decode step at batch N, context T (${preset}, ${mode}, within 1 %)`, () => {
        for (const [N, T] of [
          [16, 2048],
          [128, 512],
        ] as const) {
          // one output token: its one step attends over T + 1 keys, as the iteration's decoders do
          const s = scenario({ ...H200(preset, mode), workload: { batch: N, promptTokens: T, outputTokens: 1 } });
          const decode = evaluate(s, { brief: true }).decode.timePerTokenS;
          expect(Math.abs(mixedIterationS(s, { prefillChunk: 0, decodeSeqs: N, decodeContext: T }) / decode - 1)).toBeLessThan(0.01);
        }
      });
    }
  }

  it("is replicaPlan's step of the shape simulate.ts would build (the same function, not a copy)", () => {
    const s = scenario(H200("llama-3.1-8b"));
    const it = { prefillChunk: 1024, decodeSeqs: 32, decodeContext: 2048 };
    const plan = replicaPlan(s, { maxSequences: 256, maxBatchedTokens: 8192, chunkedPrefill: true });
    expect(mixedIterationS(s, it)).toBe(plan.step(mixedIterationShape(it, plan.window)));
    // 32 decoders × 2,049 keys; a fresh chunk's causal pairs 1,024²/2; 33 logit rows and sequences
    expect(mixedIterationShape(it, Infinity)).toMatchObject({ decodeKeys: 32 * 2049, prefillPairs: 524288, prefillPriorKeys: 0, logitRows: 33, sequences: 33 });
    // a 4,096-token window caps each decoder's keys and the chunk's pairs: 1,024 < 4,096, so none here
    expect(mixedIterationShape({ prefillChunk: 8192, decodeSeqs: 2, decodeContext: 8192 }, 4096)).toMatchObject({ decodeKeysWindowed: 2 * 4096, prefillPairsWindowed: 4096 ** 2 / 2 + 4096 * 4096, prefillNewKeysWindowed: 4096 });
  });

  it("ideal mode, hand-checked: Llama-3.1-8B, 1,024-token chunk with 64 decoders at 2,048 on an H200 is 19.03 ms", () => {
    // Matmuls: 32 layers × (2·4096² + 2·4096·1024 + 3·4096·14336) = 6,979,321,856 weights, LM head
    // 4096 × 128,256 = 525,336,576; 2 FLOP per weight per row, 1,088 rows, 65 logit rows:
    // 15,255,298,113,536 FLOP at 989 TFLOP/s = 15.425 ms (more than 16.06 GB of weights at 4.8 TB/s,
    // 3.35 ms: compute-bound). Attention: KV reads 32 layers × (64 × 2,049 + 1,024 written) tokens ×
    // 4,096 B = 17.32 GB at 4.8 TB/s = 3.609 ms (more than its 0.344 PFLOP at 989 TFLOP/s = 0.347 ms).
    const s = scenario(H200("llama-3.1-8b", "ideal"));
    const matmul = (2 * 6_979_321_856 * 1088 + 2 * 525_336_576 * 65) / 989e12;
    const kv = (32 * (64 * 2049 + 1024) * 4096) / 4.8e12;
    expect(matmul + kv).toBeCloseTo(0.019034, 6);
    expect(mixedIterationS(s, { prefillChunk: 1024, decodeSeqs: 64, decodeContext: 2048 })).toBeCloseTo(matmul + kv, 9);
  });

  it("runs as a reference case at the field iteration.stepS", () => {
    const c: ReferenceCase = {
      id: "t",
      source: "test",
      kind: "measured",
      tags: [],
      quantity: "mixed iteration",
      scenario: H200("llama-3.1-8b", "ideal") as Record<string, unknown>,
      field: "iteration.stepS",
      iteration: { prefillChunk: 1024, decodeSeqs: 64, decodeContext: 2048 },
      expected: 0.02,
      unit: "s",
      tolerance_pct: 25,
    };
    const r = runReference(c);
    expect(r.value).toBeCloseTo(0.019034, 6);
    expect(r.errorPct).toBeCloseTo(-4.83, 1);
    expect(() => runReference({ ...c, field: "decode.timePerTokenS" })).toThrow(/iteration has no number/);
    expect(() => mixedIterationS(scenario(H200("llama-3.1-8b")), { prefillChunk: 0, decodeSeqs: 0, decodeContext: 10 })).toThrow(/needs a prefill chunk/);
  });
});
