import { describe, expect, it } from "vitest";
import { decodeBoundStory, evaluateInput } from "../index";

/** A toy model with round numbers: every expected value below is worked out by hand. */
const toy = {
  name: "toy",
  layers: 1,
  dModel: 1000,
  heads: 10,
  kvHeads: 10,
  headDim: 100,
  dFF: 4000,
  ffn: "gelu",
  vocab: 1000,
  tiedEmbeddings: true,
  parallelBlock: false,
} as const;
// params: attention 4·d² = 4,000,000; FFN 2·d·f = 8,000,000; norms 2·1000 + final 1000 = 3,000;
// tied table 1000·1000 = 1,000,000 → 13,003,000.
const toyChip = { name: "toy chip", chips: 1, memoryBytes: 1e11, memoryBandwidth: 1e12, peakFlops: { bf16: 1e15 }, interconnectBandwidth: 1e11, pricePerHour: 3.6, powerWatts: 500 };
const ideal = { mode: "ideal" } as const;

describe("evaluate: hand-checked numbers", () => {
  const { report: r, issues } = evaluateInput({ model: toy, hardware: toyChip, workload: { batch: 1, promptTokens: 1, outputTokens: 1 }, ...ideal });

  it("should count the toy model's parameters and bytes", () => {
    expect(issues).toEqual([]);
    expect(r.params.total).toBe(13_003_000);
    expect(r.memory.weightsBytes).toBe(26_006_000); // bf16: 2 bytes each
    expect(r.memory.kvCacheBytesPerToken).toBe(4_000); // 2 (K,V) · 1 layer · 10 heads · 100 · 2 B
    expect(r.memory.kvCacheBytes).toBe(8_000); // 1 sequence · 2 tokens
  });

  it("should make batch-1 decode a pure bandwidth bound in ideal mode", () => {
    // weights read (tied table = LM head) 26,006,000 B + KV at mean context 2: 8,000 B, over 1e12 B/s
    expect(r.decode.timePerTokenS).toBeCloseTo(26.014e-6, 12);
    expect(r.decode.bottleneck).toBe("memory");
    // MFU counts the matmuls performed: 2 × (attention 4,000,000 + FFN 8,000,000 + output
    // projection 1,000,000) per token, no embedding lookup, no norms: 2.6e7 / (1e15 · 26.014e-6)
    expect(r.decode.mfu).toBeCloseTo(9.99462e-4, 9);
    // every operation memory-bound on one chip in ideal mode: the step moves its bytes at full bandwidth
    expect(r.decode.mbu).toBeCloseTo(1, 12);
  });

  it("should count prefill MFU with logits for the last prompt position only", () => {
    const p = evaluateInput({ model: toy, hardware: toyChip, workload: { batch: 1, promptTokens: 100, outputTokens: 1 }, ...ideal }).report;
    // matmuls 2 · 12,000,000 · 100 tokens + 2 · 1,000,000 (output projection, last token) = 2.402e9 FLOPs;
    // time: weights 26,006,000 B / 1e12 = 26.006 µs (memory-bound) + KV written 100 · 4,000 B / 1e12 = 0.4 µs
    expect(p.prefill.timeS).toBeCloseTo(26.406e-6, 12);
    expect(p.prefill.mfu).toBeCloseTo(2.402e9 / (1e15 * 26.406e-6), 9); // 0.090964
  });

  it("should charge output tokens with decode chip-time", () => {
    // $3.6 per chip-hour = $0.001 per second; 26.014 µs per token → $0.026014 per million tokens
    expect(r.total.costPerMillionOutputTokens).toBeCloseTo(0.026014, 9);
    expect(r.total.chipSecondsPerMillionOutputTokens).toBeCloseTo(26.014, 6);
    expect(r.total.joulesPerOutputToken).toBeCloseTo(0.013007, 9); // 500 W · 26.014 µs
  });

  it("should charge the whole request to the output tokens in the all-in cost", () => {
    // prefill of 1 token: weights 26,006,000 B + KV written 4,000 B over 1e12 B/s = 26.010 µs;
    // total 26.010 + 26.014 = 52.024 µs for 1 output token: $0.001/s · 52.024 µs · 1e6 = $0.052024
    expect(r.prefill.timeS).toBeCloseTo(26.01e-6, 12);
    expect(r.total.costPerMillionOutputTokensAllIn).toBeCloseTo(0.052024, 9);
    expect(r.total.chipSecondsPerMillionOutputTokensAllIn).toBeCloseTo(52.024, 6);
    const noPrice = evaluateInput({ model: toy, hardware: { ...toyChip, pricePerHour: null }, workload: { batch: 1, promptTokens: 1, outputTokens: 1 }, ...ideal }).report;
    expect(noPrice.total.costPerMillionOutputTokensAllIn).toBeNull();
    expect(noPrice.total.chipSecondsPerMillionOutputTokensAllIn).toBeCloseTo(52.024, 6);
  });

  it("should warn, naming the field, when prompt + output is beyond the model's context window", () => {
    const at = (promptTokens: number, outputTokens: number) => evaluateInput({ model: { preset: "llama-3.1-8b" }, workload: { promptTokens, outputTokens } }).report;
    expect(at(1024, 256).warnings).toEqual([]);
    expect(at(1024, 256).memory.contextWindowTokens).toBe(131_072);
    const outputPast = at(130_000, 2_000).warnings;
    expect(outputPast).toEqual([{ field: "workload.outputTokens", message: expect.stringMatching(/132,000 tokens is beyond Llama-3\.1 8B's 131,072-token context window/) }]);
    expect(at(200_000, 1).warnings.map((w) => w.field)).toEqual(["workload.promptTokens"]);
    expect(at(131_071, 1).warnings).toEqual([]); // exactly the window
    const custom = evaluateInput({ model: { layers: 2, dModel: 256, contextWindow: 512 }, workload: { promptTokens: 500, outputTokens: 13 } }).report;
    expect(custom.warnings.map((w) => w.field)).toEqual(["workload.outputTokens"]);
  });

  it("should say when the longest context that fits is beyond the model's window", () => {
    const r = evaluateInput({ model: { preset: "llama-3.1-8b" }, hardware: { preset: "h100-sxm" } }).report;
    expect(r.memory.maxContextTokens).toBeGreaterThan(131_072); // ~60 GB free at 128 KiB per token
    expect(r.memory.maxContextBeyondWindow).toBe(true);
    const big = evaluateInput({ model: { preset: "llama-3.1-8b" }, hardware: { preset: "h100-sxm" }, workload: { batch: 64 } }).report;
    expect(big.memory.maxContextBeyondWindow).toBe(false);
    expect(evaluateInput({ model: { layers: 2, dModel: 256 } }).report.memory.contextWindowTokens).toBeNull();
  });

  it("should put the attention crossover where 4·L·T·H·h equals 2·N", () => {
    expect(r.attention.crossoverTokens).toBeCloseTo(6501.5, 6); // 26,006,000 / (4 · 1 · 10 · 100)
  });

  it("should reproduce formulas.md example 2 (LLaMA-2-7B fp16 on A100 80GB: 6.48 ms)", () => {
    const { report } = evaluateInput({ model: { preset: "llama-2-7b" }, hardware: { preset: "a100-80gb" }, workload: { batch: 1, promptTokens: 1, outputTokens: 1 }, precision: { weights: "fp16", kvCache: "fp16", activations: "fp16" }, ...ideal });
    // (6,738,415,616 − 131,072,000 input table) · 2 B = 13,214,687,232 B, + 2 tokens · 512 KiB KV, over 2.039e12 B/s
    expect(report.decode.timePerTokenS).toBeCloseTo(0.0064815, 6);
  });

  it("should reproduce formulas.md example 3 (Llama-3-8B 2,048-token prefill on H100: ~30 ms)", () => {
    const { report } = evaluateInput({ model: { preset: "llama-3-8b" }, hardware: { preset: "h100-sxm" }, workload: { batch: 1, promptTokens: 2048, outputTokens: 1 }, ...ideal });
    // 28.59 TFLOP of matmuls (logits for the last token only) + 1.10 TFLOP of attention = 29.69 TFLOP / 989 TFLOP/s
    expect(report.prefill.flops / 1e12).toBeCloseTo(29.69, 2);
    expect(report.prefill.timeS).toBeCloseTo(0.03002, 5);
    expect(report.prefill.bottleneck).toBe("compute");
  });

  it("should reproduce formulas.md example 5 (TP-8 decode traffic of Llama-3-70B: ~10 µs at 450 GB/s)", () => {
    const { report } = evaluateInput({ model: { preset: "llama-3-70b" }, hardware: { preset: "h100-sxm", chips: 8 }, workload: { batch: 1, promptTokens: 1, outputTokens: 1 }, parallelism: { layout: "1d-weight-stationary" }, ...ideal });
    // per layer 4 all-gathers/reduce-scatters of 8,192 · 2 B, each moving 7/8 of it: 57,344 B; × 80 layers / 450e9
    expect(report.decode.breakdown.communication).toBeCloseTo(1.0194e-5, 8);
    expect(report.decode.commBytes).toBe(4_587_520);
  });

  it("should find the largest batch that fits (Llama-3.1-8B bf16 on one H100, 1,280-token context)", () => {
    const { report } = evaluateInput({ model: { preset: "llama-3.1-8b" }, hardware: { preset: "h100-sxm" }, workload: { batch: 1, promptTokens: 1024, outputTokens: 256 }, ...ideal });
    // (80 GiB − 16,060,522,496 B of weights) / (131,072 B · 1,280) = 416.3
    expect(report.memory.maxBatch).toBe(416);
    expect(report.memory.fits).toBe(true);
    // at batch 1: (85,899,345,920 − 16,060,522,496) B / 131,072 B per token = 532,827.9 → 532,827
    expect(report.memory.maxContextTokens).toBe(532_827);
  });

  it("should count the prefill activations of the whole batch when finding the largest batch (realistic)", () => {
    // Llama-3.1-70B bf16 on one H200 (141 GiB, 3.5 GiB reserve): 151.40e9 − 3.76e9 − 141.11e9 of
    // weights leaves 6.53e9 B. Each sequence adds 1,280 × 327,680 B of KV and 4 × 128,256 B of
    // logits; the 8,192-token prefill chunk holds 8,192 × (8,192 + 67,584) × 2 B = 1.24e9 B once
    // the batch passes 8 sequences: (6.53e9 − 1.24e9) / (419.4e6 + 0.5e6) = 12.6 → 12.
    const { report } = evaluateInput({ model: { preset: "llama-3.1-70b" }, hardware: { preset: "h200" } });
    expect(report.memory.maxBatch).toBe(12);
    expect(evaluateInput({ model: { preset: "llama-3.1-70b" }, hardware: { preset: "h200" }, workload: { batch: 12 } }).report.memory.fits).toBe(true);
    expect(evaluateInput({ model: { preset: "llama-3.1-70b" }, hardware: { preset: "h200" }, workload: { batch: 13 } }).report.memory.fits).toBe(false);
  });

  it("should say does-not-fit and keep numbers finite for an absurd model", () => {
    const { report } = evaluateInput({ model: { params: 1e13 }, hardware: { preset: "l4" } });
    expect(report.memory.fits).toBe(false);
    expect(report.memory.maxBatch).toBe(0);
    expect(report.warnings).toEqual([{ field: "hardware.chips", message: expect.stringMatching(/^does not fit: .* not even one sequence fits/) }]);
    for (const v of [report.decode.timePerTokenS, report.prefill.timeS, report.total.outputTokensPerS, report.decode.mbu]) expect(Number.isFinite(v)).toBe(true);
  });

  it("should add fixed overheads and lower efficiencies in realistic mode only", () => {
    const base = { model: { preset: "llama-3.1-8b" }, hardware: { preset: "h100-sxm" } };
    const i = evaluateInput({ ...base, mode: "ideal" }).report;
    const real = evaluateInput({ ...base, mode: "realistic" }).report;
    expect(i.decode.breakdown.overhead).toBe(0);
    expect(real.decode.breakdown.overhead).toBeCloseTo(32 * 10 * 3e-6, 12); // 32 layers · 10 kernels · 3 µs
    expect(real.decode.timePerTokenS).toBeGreaterThan(i.decode.timePerTokenS);
  });

  it("should read fewer experts at batch 1 than at batch 64 for an MoE model", () => {
    const b1 = evaluateInput({ model: { preset: "mixtral-8x7b" }, hardware: { preset: "h100-sxm", chips: 2 }, workload: { batch: 1 }, ...ideal }).report;
    const b64 = evaluateInput({ model: { preset: "mixtral-8x7b" }, hardware: { preset: "h100-sxm", chips: 2 }, workload: { batch: 64 }, ...ideal }).report;
    expect(b1.decode.bytesPerStep).toBeLessThan(0.35 * b64.decode.bytesPerStep);
  });

  it("should cap the KV cache of sliding-window layers", () => {
    const short = evaluateInput({ model: { preset: "mistral-7b" }, workload: { promptTokens: 4000, outputTokens: 96 } }).report;
    const long = evaluateInput({ model: { preset: "mistral-7b" }, workload: { promptTokens: 32000, outputTokens: 96 } }).report;
    expect(long.memory.kvCacheBytes).toBe(short.memory.kvCacheBytes); // both capped at 4,096 tokens
    expect(long.memory.kvCacheBytes).toBe(4096 * 131_072);
  });

  it("should price speculative decoding by its expected accepted tokens (Leviathan et al. 2023)", () => {
    const base = { model: { preset: "llama-3.1-70b" }, hardware: { preset: "h100-sxm", chips: 4 } };
    const r = evaluateInput({ ...base, speculative: { draftPreset: "llama-3.2-1b", draftTokens: 4, acceptanceRate: 0.7 } }).report;
    expect(r.speculative!.expectedTokensPerStep).toBeCloseTo(2.7731, 10); // (1 − 0.7⁵) / 0.3
    const s = r.speculative!;
    expect(s.timePerTokenS).toBeCloseTo((4 * s.draftStepS + s.verifyStepS) / 2.7731, 12);
    expect(s.speedup).toBeGreaterThan(1);
    const perfect = evaluateInput({ ...base, speculative: { draftPreset: "llama-3.2-1b", draftTokens: 4, acceptanceRate: 1 } }).report;
    expect(perfect.speculative!.expectedTokensPerStep).toBe(5);
    expect(evaluateInput(base).report.speculative).toBeUndefined();
  });
});

describe("engine options: CUDA graphs off", () => {
  const base = {
    model: { preset: "llama-3.2-1b" },
    hardware: { preset: "h200", chips: 1 },
    workload: { batch: 1, promptTokens: 512, outputTokens: 1 },
    engine: "pytorch",
  } as const;
  it("puts the host's issue time under each decode step: 16 layers × 25 kernels × 31 µs = 12.4 ms (measured eager 12.8–13.3 ms)", () => {
    const eager = evaluateInput({ ...base, engineOptions: { cudaGraphs: false } });
    const graph = evaluateInput(base);
    expect(eager.issues).toEqual([]);
    expect(eager.report!.decode.timePerTokenS).toBeCloseTo(0.0124, 9);
    // replayed from a graph the same step is ~1.7 ms (measured 1.68 ms); the difference is the engine's band
    expect(graph.report!.decode.timePerTokenS).toBeLessThan(0.002);
    const b = eager.report!.decode.breakdown;
    expect(b.overhead).toBeCloseTo(0.0124 - (b.weightLoad + b.matmulCompute + b.kvRead + b.attentionCompute + b.communication), 9);
    // the step waits on the host (12.4 ms against the GPU's ~1.7): host-bound, whatever the roofline says
    expect(eager.report!.decode.hostBound).toBe(true);
    expect(eager.report!.decode.bottleneck).toBe("memory");
    expect(graph.report!.decode.hostBound).toBe(false);
    // the roofline sentence keeps the GPU's verdict and says the host outlasts it
    expect(decodeBoundStory(eager.report!, 1).conclusion).toMatch(/memory-bound.*waits on the host\.$/);
    expect(decodeBoundStory(graph.report!, 1).conclusion).not.toMatch(/host/);
  });
  it("changes nothing in ideal mode, and nothing when graphs stay on", () => {
    const ideal = { ...base, mode: "ideal" } as const;
    expect(evaluateInput({ ...ideal, engineOptions: { cudaGraphs: false } }).report!.decode.timePerTokenS).toBe(evaluateInput(ideal).report!.decode.timePerTokenS);
    expect(evaluateInput({ ...base, engineOptions: { cudaGraphs: true } }).report!.decode.timePerTokenS).toBe(evaluateInput(base).report!.decode.timePerTokenS);
    expect(evaluateInput({ ...ideal, engineOptions: { cudaGraphs: false } }).report!.decode.hostBound).toBe(false);
  });
  it("names the field when the engine has no switch the model knows, and ignores it", () => {
    const r = evaluateInput({ ...base, engine: "mlx", engineOptions: { cudaGraphs: false } });
    expect(r.issues.map((i) => i.path)).toEqual(["engineOptions.cudaGraphs"]);
    expect(r.issues[0]!.message).toMatch(/MLX has no CUDA-graph switch/);
    const typo = evaluateInput({ ...base, engineOptions: { cudaGraph: false } });
    expect(typo.issues.map((i) => i.path)).toEqual(["engineOptions.cudaGraph"]);
    expect(evaluateInput({ ...base, engineOptions: { cudaGraphs: "no" } }).issues.map((i) => i.path)).toEqual(["engineOptions.cudaGraphs"]);
  });
});

describe("engine default: MoE experts split over the chips unless expert parallelism is asked for", () => {
  const moe = { model: { preset: "mixtral-8x7b" }, hardware: { preset: "h100-sxm", chips: 8 }, workload: { batch: 64, promptTokens: 32, outputTokens: 128 } } as const;
  it("vLLM, SGLang and TensorRT-LLM keep experts tensor-parallel; a named placement wins", () => {
    for (const engine of ["vllm", "sglang", "tensorrt-llm"] as const) expect(evaluateInput({ ...moe, engine }).report!.decode.experts, engine).toBe("tensor");
    expect(evaluateInput({ ...moe, engine: "vllm", parallelism: { experts: "expert" } }).report!.decode.experts).toBe("expert");
  });
  it("ideal mode and the generic engine take the faster placement, whichever it is", () => {
    for (const input of [{ ...moe, mode: "ideal" } as const, { ...moe, engine: "generic" } as const]) {
      const auto = evaluateInput(input).report!.decode;
      const both = (["tensor", "expert"] as const).map((experts) => evaluateInput({ ...input, parallelism: { experts } }).report!.decode.timePerTokenS);
      expect(auto.timePerTokenS).toBe(Math.min(...both));
    }
  });
});

describe("experts placed whole wait for the busiest chip", () => {
  it("adds (f − 1) of the routed FLOPs, f = 1 + √(2 ln 8 · 7 / 128) = 1.4769 for 64 tokens × top-2 on 8 chips; none in ideal mode or on one chip", async () => {
    const { resolveScenario } = await import("../index");
    const { stepContext, expertImbalanceFlops } = await import("./step");
    const input = { model: { preset: "mixtral-8x7b" }, hardware: { preset: "h100-sxm", chips: 8 }, workload: { batch: 64 }, engine: "vllm", parallelism: { experts: "expert" } } as const;
    const c = stepContext(resolveScenario(input).scenario);
    const routed = 2 * 64 * 2 * c.mc.params.moeLayers * c.mc.params.expertParams; // 32 layers × 176,160,768 parameters per expert
    expect(c.mc.params.moeLayers * c.mc.params.expertParams).toBe(32 * 176_160_768);
    expect(expertImbalanceFlops(c, 64) / routed).toBeCloseTo(0.4769056, 6);
    expect(expertImbalanceFlops(stepContext(resolveScenario({ ...input, mode: "ideal" }).scenario), 64)).toBe(0);
    expect(expertImbalanceFlops(stepContext(resolveScenario({ ...input, hardware: { preset: "h100-sxm", chips: 1 } }).scenario), 64)).toBe(0);
    // one token's two experts: at most all on one chip (f ≤ 8)
    expect(expertImbalanceFlops(c, 1) / (routed / 64)).toBeLessThanOrEqual(7);
  });
});

describe("routed experts' grouped GEMMs (engines.ts TRITON_FUSED_MOE)", () => {
  const input = { model: { preset: "mixtral-8x7b" }, hardware: { preset: "h100-sxm", chips: 2 }, workload: { batch: 1, promptTokens: 1536 } } as const;
  it("vLLM on H100: 1,536 rows × top-2 over 8 experts = 384 rows per expert → 0.7 × 384/448 = 0.6 of the dense rate", async () => {
    const { resolveScenario } = await import("../index");
    const { stepContext, routedShare } = await import("./step");
    const c = stepContext(resolveScenario({ ...input, engine: "vllm" }).scenario);
    expect(routedShare(c, 1536)).toBeCloseTo(0.6, 6);
    // 4 rows: a few experts hit, ≤ 64 rows each → half the share
    expect(routedShare(c, 4)).toBeCloseTo(0.35, 6);
  });
  it("the dense rate for TensorRT-LLM (no measurement), ideal mode, a compute override, Apple chips and dense models", async () => {
    const { resolveScenario } = await import("../index");
    const { stepContext, routedShare } = await import("./step");
    const share = (x: object) => routedShare(stepContext(resolveScenario({ ...input, ...x }).scenario), 1536);
    expect(share({ engine: "tensorrt-llm" })).toBe(1);
    expect(share({ engine: "vllm", mode: "ideal" })).toBe(1);
    expect(share({ engine: "vllm", efficiency: { compute: 0.5 } })).toBe(1);
    expect(share({ engine: "mlx", hardware: { preset: "m4-max" } })).toBe(1);
    expect(share({ engine: "vllm", model: { preset: "llama-3.1-8b" } })).toBe(1);
  });
  it("slows a compute-bound MoE prefill on vLLM against TensorRT-LLM, and leaves batch-1 decode (weight-bound) alone", () => {
    const run = (engine: "vllm" | "tensorrt-llm") => evaluateInput({ ...input, engine, workload: { batch: 1, promptTokens: 8192, outputTokens: 16 } }).report!;
    const [v, t] = [run("vllm"), run("tensorrt-llm")];
    expect(v.prefill.timeS).toBeGreaterThan(1.2 * t.prefill.timeS);
    expect(v.decode.breakdown.matmulCompute).toBe(0);
  });
});
