/**
 * The "why?" terms: each reproduces its number from the current values. A toy with round figures:
 * 2 layers, d 1,000, 10 heads of 100 (MHA), FFN 4,000 (GELU), vocabulary 1,000 tied; one chip of
 * 1 PFLOP/s and 1 TB/s at $3.60 per hour; batch 4, 100 tokens in, 10 out, ideal roofline.
 */
import { describe, expect, it } from "vitest";
import { evaluate } from "./cost/evaluate";
import { explain, TERM_IDS } from "./explain";
import { resolveScenario } from "./scenario";

const toy = { name: "toy", layers: 2, dModel: 1000, heads: 10, kvHeads: 10, headDim: 100, dFF: 4000, ffn: "gelu", vocab: 1000, tiedEmbeddings: true } as const;
const chip = { name: "toy chip", chips: 1, memoryBytes: 1e10, memoryBandwidth: 1e12, peakFlops: { bf16: 1e15 }, interconnectBandwidth: 1e11, pricePerHour: 3.6 };
const { scenario: s, issues } = resolveScenario({ model: toy, hardware: chip, workload: { batch: 4, promptTokens: 100, outputTokens: 10 }, mode: "ideal" });
const r = evaluate(s);
const t = explain(s, r);

describe("explain", () => {
  it("should resolve the toy without issues and give a term for every id", () => {
    expect(issues).toEqual([]);
    expect(Object.keys(t).sort()).toEqual([...TERM_IDS].sort());
  });

  it("should end each term's worked values at the value it shows", () => {
    for (const id of TERM_IDS) {
      if (id === "critical-batch") continue; // a sentence, not an equation
      expect(t[id].withValues, id).toContain(`= ${t[id].value}`.replace(" FLOP/B", " FLOP/byte"));
    }
  });

  it("should give hand-checked values", () => {
    // KV cache: 2 layers × 2 × 10 × 100 × 2 B × 4 sequences × 110 tokens = 3.52 MB
    expect(t["kv-cache"].value).toBe("3.52 MB");
    expect(r.memory.kvCacheBytes).toBe(2 * 2 * 10 * 100 * 2 * 4 * 110);
    // ridge: 1e15 ÷ 1e12 = 1,000 FLOP per byte
    expect(t.ridge.value).toBe("1,000 FLOP/B");
    // MBU on the ideal roofline of a memory-bound step: everything it moves, at full bandwidth
    expect(t.mbu.value).toBe("100%");
    // crossover: 2 × active params ÷ (4 × 2 × 10 × 100) tokens
    expect(t.crossover.value).toBe(`${Math.round((2 * r.params.active) / 8000).toLocaleString("en-US")} tokens`);
    // throughput reads as tokens per second, never in e-notation
    expect(t.throughput.value).toMatch(/^\d{1,3}(,\d{3})* tok\/s$/);
    // cost per million input tokens: $3.60/h ÷ 3600 × 1 chip × prefill time ÷ 400 tokens × 10⁶
    expect(t["cost-input"].withValues).toContain("$3.6 ÷ 3600 × 1 ×");
    expect(r.total.costPerMillionInputTokens).toBeCloseTo((3.6 / 3600) * r.prefill.timeS / 400 * 1e6, 12);
    // the critical batch is a sentence naming where (or whether) decode turns compute-bound
    expect(t["critical-batch"].withValues).toMatch(/compute-bound/);
  });

  it("should say chip-seconds where there is no price", () => {
    const free = resolveScenario({ model: toy, hardware: { ...chip, pricePerHour: null }, workload: { batch: 4, promptTokens: 100, outputTokens: 10 }, mode: "ideal" }).scenario;
    const e = explain(free, evaluate(free));
    expect(e["cost-input"].value).toMatch(/chip-s$/);
    expect(e["cost-output"].withValues).toMatch(/^no price:/);
  });
});

describe("explain: the engine's share of a step", () => {
  it("says when the host issues every kernel (CUDA graphs off) and how much of the step that is", () => {
    const input = { model: { preset: "llama-3.2-1b" }, hardware: { preset: "h200", chips: 1 }, workload: { batch: 1, promptTokens: 512 }, engine: "pytorch" } as const;
    const eager = resolveScenario({ ...input, engineOptions: { cudaGraphs: false } }).scenario;
    const text = explain(eager, evaluate(eager)).tpot.withValues;
    expect(text).toMatch(/= 12\.4 ms, of which 1\d\.\d ms \(\d\d\.\d%\) is the engine's \(PyTorch: every kernel issued from the host, CUDA graphs off/);
    const graph = resolveScenario(input).scenario;
    expect(explain(graph, evaluate(graph)).tpot.withValues).toMatch(/is the engine's \(PyTorch: kernels, scheduling, per-sequence work\)/);
  });
});

describe("explain: the routed experts' grouped GEMMs", () => {
  it("gives their share of the matmul rate for a MoE on vLLM (1,536 × top-2 / 8 experts = 384 rows: 60 %), nothing on TensorRT-LLM", () => {
    const input = { model: { preset: "mixtral-8x7b" }, hardware: { preset: "h100-sxm", chips: 2 }, workload: { batch: 1, promptTokens: 1536 } } as const;
    const vllm = resolveScenario({ ...input, engine: "vllm" }).scenario;
    expect(explain(vllm, evaluate(vllm)).ttft.withValues).toMatch(/grouped GEMMs run at 60% of the dense matmul rate$/);
    const trt = resolveScenario({ ...input, engine: "tensorrt-llm" }).scenario;
    expect(explain(trt, evaluate(trt)).ttft.withValues).not.toMatch(/grouped/);
  });
});
