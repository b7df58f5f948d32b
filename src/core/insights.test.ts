import { describe, expect, it } from "vitest";
import { allInCost, attentionFigures, evaluate, explain, frontier, resolveScenario, rooflinePoints } from "./index";
import { formatTokensPerS, formatUsd } from "./format";

const toy = { name: "toy", layers: 1, dModel: 1000, heads: 10, kvHeads: 10, headDim: 100, dFF: 4000, ffn: "gelu", vocab: 1000, tiedEmbeddings: true } as const;
const chip = { name: "toy chip", chips: 1, memoryBytes: 1e11, memoryBandwidth: 1e12, peakFlops: { bf16: 1e15 }, interconnectBandwidth: 1e11, pricePerHour: 3.6 };

describe("insights", () => {
  it("should place matmuls at 2·tokens/bytes-per-weight and MHA attention at 2·(H/K)/b_kv on the roofline", () => {
    const s = resolveScenario({ model: toy, hardware: chip, workload: { batch: 64, promptTokens: 100, outputTokens: 1 }, mode: "ideal" }).scenario;
    const pts = rooflinePoints(s, evaluate(s));
    const byId = Object.fromEntries(pts.map((p) => [p.id, p]));
    expect(byId["decode-attn-proj"]!.intensity).toBe(64); // 2 · 64 / 2 B
    expect(byId["decode-attention"]!.intensity).toBe(1); // 2 · (10/10) / 2 B
    expect(byId["decode-attention"]!.attainable).toBe(1e12); // 1 FLOP/B × 1e12 B/s, far below the 1e15 roof
    expect(byId["prefill-ffn"]!.intensity).toBe(6400); // 2 · 64·100 tokens / 2 B
    expect(byId["prefill-ffn"]!.attainable).toBe(1e15); // above the ridge (1,000 FLOP/B): capped at peak
  });

  it("should give KV bytes per token for each attention variant (Llama-3.1-8B, bf16)", () => {
    const s = resolveScenario({ model: { preset: "llama-3.1-8b" } }).scenario;
    const f = attentionFigures(s, evaluate(s));
    // 2 · K · 128 · 2 B · 32 layers; MLA rule 4.5 · 128 · 2 B · 32
    expect(f.kvBytesPerToken).toEqual({ mha: 524_288, gqa: 131_072, mqa: 16_384, mla: 36_864 });
    // one 1,024-token prompt: 32 heads · 1024² · 2 B per layer of score matrix without FlashAttention
    expect(f.scoreMatrixBytesPerLayer).toBe(67_108_864);
  });

  it("should draw the GQA bar with the model's own KV heads, and 8 for a model that is not GQA", () => {
    // Qwen2.5-7B: 28 query heads over 4 KV heads, head_dim 128, 28 layers: 2 · 4 · 128 · 2 B · 28 = 57,344 B per token
    const q = resolveScenario({ model: { preset: "qwen2.5-7b" } }).scenario;
    expect(q.model.kvHeads).toBe(4);
    const fq = attentionFigures(q, evaluate(q));
    expect(fq.gqaKvHeads).toBe(4);
    expect(fq.kvBytesPerToken.gqa).toBe(57_344);
    // an MHA shape (28 heads, 28 KV heads): the bar shows Llama 3's 8
    const mha = resolveScenario({ model: { ...q.model, preset: undefined, kvHeads: q.model.heads, attention: "mha" } }).scenario;
    expect(attentionFigures(mha, evaluate(mha)).gqaKvHeads).toBe(8);
  });

  it("should split the all-in cost into prefill + decode and price the frontier on the same basis (issue 19)", () => {
    // Llama-3.1-70B on 8 × H100, batch 512, 2,048 in / 300 out: the decode-only figure ($0.47) was the headline
    const s = resolveScenario({ model: { preset: "llama-3.1-70b" }, hardware: { preset: "h100-sxm", chips: 8 }, workload: { batch: 512, promptTokens: 2048, outputTokens: 300 } }).scenario;
    const r = evaluate(s);
    const c = allInCost(r);
    expect(c.unit).toBe("usd");
    expect(c.total).toBe(r.total.costPerMillionOutputTokensAllIn);
    expect(c.decode).toBe(r.total.costPerMillionOutputTokens);
    expect(c.prefill + c.decode).toBeCloseTo(c.total, 12);
    // from the cards: $/chip-hour × chips ÷ 3600 ÷ throughput × 1e6
    expect(c.total).toBeCloseTo((s.hardware.pricePerHour! * 8) / 3600 / r.total.outputTokensPerS * 1e6, 9);
    expect(c.prefill).toBeGreaterThan(c.decode); // 31 s of prefill against 13 s of decode
    const [pt] = frontier(s, { chips: [8], batches: [512], precisions: ["bf16"] });
    expect(pt!.cost).toBe(c.total);
  });

  it("should mark a Pareto frontier where no point is both faster and cheaper", () => {
    const s = resolveScenario({ model: { preset: "llama-3.1-8b" }, hardware: { preset: "h100-sxm" } }).scenario;
    const pts = frontier(s, { chips: [1, 2, 4], batches: [1, 8, 64], precisions: ["bf16", "fp8"] });
    expect(pts).toHaveLength(18);
    const pareto = pts.filter((p) => p.pareto);
    expect(pareto.length).toBeGreaterThan(1);
    for (const p of pareto) for (const q of pts) if (q.fits && q !== p) expect(q.timePerTokenS < p.timePerTokenS && q.cost < p.cost).toBe(false);
  });

  it("should explain a number with its formula and the current values", () => {
    const s = resolveScenario({ model: toy, hardware: chip, workload: { batch: 1, promptTokens: 1, outputTokens: 1 }, mode: "ideal" }).scenario;
    const t = explain(s, evaluate(s));
    expect(t.weights.withValues).toBe("13M × 2 B = 26 MB");
    expect(t.tpot.value).toBe("26 µs");
    // all-in (issue 19): prefill + decode charged to the output tokens, reproduced from the throughput card
    const r = evaluate(s);
    expect(t["cost-output"].value).toBe(formatUsd(r.total.costPerMillionOutputTokensAllIn));
    expect(t["cost-output"].withValues).toContain(`$3.6 × 1 chips ÷ 3600 ÷ ${formatTokensPerS(r.total.outputTokensPerS)} × 10⁶`);
    expect(t.crossover.value).toBe("6,502 tokens"); // 26,006,000 / 4,000 = 6,501.5
  });
});
