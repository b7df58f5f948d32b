import { describe, expect, it } from "vitest";
import { evaluate, resolveScenario } from "../index";
import { scoreMatrixBytes, scoreMatrixTrafficBytes } from "./flash";

const toy = { name: "toy", layers: 1, dModel: 1000, heads: 10, kvHeads: 10, headDim: 100, dFF: 4000, ffn: "gelu", vocab: 1000, tiedEmbeddings: true } as const;
const chip = { name: "toy chip", chips: 1, memoryBytes: 1e11, memoryBandwidth: 1e12, peakFlops: { bf16: 1e15 }, interconnectBandwidth: 1e11, pricePerHour: 3.6 };

describe("attention without FlashAttention (issue 19 item 3)", () => {
  it("should price the score matrix by hand: heads × rows × keys × bytes, S and P each written and read", () => {
    // 10 heads × (2 sequences × 100 rows) × 100 keys × 2 B = 400,000 B per layer
    expect(scoreMatrixBytes(10, 200, 100, 2)).toBe(400_000);
    // 4 × 1 layer × 400,000 B
    expect(scoreMatrixTrafficBytes(1, 10, 2, 100, 2)).toBe(1_600_000);
  });

  it("should add that traffic to prefill and that matrix to the activations, leaving the default untouched", () => {
    const input = { model: toy, hardware: chip, workload: { batch: 2, promptTokens: 100, outputTokens: 10 } };
    const on = evaluate(resolveScenario(input).scenario);
    const dflt = evaluate(resolveScenario({ ...input, flashAttention: true }).scenario);
    expect(dflt).toEqual(on);
    const off = evaluate(resolveScenario({ ...input, flashAttention: false }).scenario);
    expect(off.prefill.bytes - on.prefill.bytes).toBe(1_600_000);
    expect(off.prefill.timeS).toBeGreaterThan(on.prefill.timeS);
    expect(off.memory.activationBytes - on.memory.activationBytes).toBe(400_000);
    expect(off.memory.perChipBytes - on.memory.perChipBytes).toBe(400_000);
    expect(off.decode.timePerTokenS).toBe(on.decode.timePerTokenS); // decode reads the KV cache either way
  });

  it("should turn a long-prompt batch that fits into one that does not (Llama-3.1-8B, 12 × 32k on one H100)", () => {
    const input = { model: { preset: "llama-3.1-8b" }, hardware: { preset: "h100-sxm" }, workload: { batch: 12, promptTokens: 32_768, outputTokens: 256 } };
    const on = evaluate(resolveScenario(input).scenario);
    const off = evaluate(resolveScenario({ ...input, flashAttention: false }).scenario);
    expect(on.memory.fits).toBe(true);
    expect(off.memory.fits).toBe(false);
    expect(off.memory.maxBatch).toBeLessThan(on.memory.maxBatch);
    expect(off.prefill.timeS).toBeGreaterThan(on.prefill.timeS);
  });
});
