import { describe, expect, it } from "vitest";
import { deriveShape, paramCount } from "./shape";
import { findModelPreset } from "./presets";
import type { ModelShape } from "../types";

function preset(id: string): ModelShape {
  const p = findModelPreset(id);
  if (!p) throw new Error(`missing preset ${id}`);
  return p.shape;
}

describe("paramCount: hand-checked literals", () => {
  it("LLaMA-2-7B is exactly 6,738,415,616", () => {
    expect(paramCount(preset("llama-2-7b")).total).toBe(6738415616);
  });
  it("GPT-2 124M is exactly 124,439,808 (tied, learned positions, biases, LayerNorm)", () => {
    expect(paramCount(preset("gpt2")).total).toBe(124439808);
  });
  it("PaLM 540B is 540,356,640,768 without norm scales (Pope et al. 2022 §3 count)", () => {
    const p = paramCount(preset("palm-540b"));
    expect(p.total - p.norms).toBe(540356640768);
    expect(p.norms).toBe(2193408); // 119 RMSNorm-size scales of 18,432
  });
  it("DeepSeek-V3 MLA attention is 187,107,328 per layer (incl. the two latent norms)", () => {
    expect(paramCount(preset("deepseek-v3")).perLayerAttention).toBe(187107328);
  });
  it("Llama-3-70B is exactly 70,553,706,496", () => {
    expect(paramCount(preset("llama-3-70b")).total).toBe(70553706496);
    expect(paramCount(preset("llama-3.1-70b")).total).toBe(70553706496);
  });
  it("gpt-oss-20b is exactly 20,914,757,184 (biases, sinks, router bias)", () => {
    expect(paramCount(preset("gpt-oss-20b")).total).toBe(20914757184);
  });
  it("BLOOM 176B is 28,672 below the official 176,247,271,424 (embedding LayerNorm not expressible)", () => {
    expect(paramCount(preset("bloom-176b")).total).toBe(176247242752);
  });
  it("Falcon-40B counts the tied table once: 41,303,293,952", () => {
    expect(paramCount(preset("falcon-40b")).total).toBe(41303293952);
  });
});

describe("paramCount: breakdown semantics", () => {
  it("parts sum to total; a tied head is reported but not double counted", () => {
    const p = paramCount(preset("gpt2"));
    expect(p.lmHead).toBe(50257 * 768);
    expect(p.embedding).toBe(50257 * 768 + 1024 * 768);
    const sum = p.embedding + p.attention + p.denseFfn + p.routedExperts + p.sharedExperts + p.router + p.norms + p.other;
    expect(sum).toBe(p.total);
    expect(p.active).toBe(p.total);
    expect(p.moeLayers).toBe(0);
    expect(p.denseLayers).toBe(12);
  });
  it("untied models add the head; MoE splits dense and MoE layers", () => {
    const p = paramCount(preset("deepseek-v3"));
    const sum = p.embedding + p.lmHead + p.attention + p.denseFfn + p.routedExperts + p.sharedExperts + p.router + p.norms + p.other;
    expect(sum).toBe(p.total);
    expect(p.denseLayers).toBe(3);
    expect(p.moeLayers).toBe(58);
    expect(p.expertParams).toBe(3 * 7168 * 2048);
    expect(p.routedExperts).toBe(58 * 256 * 3 * 7168 * 2048);
    expect(p.sharedExperts).toBe(58 * 3 * 7168 * 2048);
    expect(p.router).toBe(58 * 256 * 7168);
    expect(p.denseFfn).toBe(3 * 3 * 7168 * 18432);
    expect(p.total - p.active).toBe(58 * 248 * 3 * 7168 * 2048);
  });
  it("MLA without a query low rank uses d·H·(h_n+h_r) for the query", () => {
    const s = preset("deepseek-v3");
    const withRank = paramCount(s).perLayerAttention;
    const noRank = paramCount({ ...s, mla: { ...s.mla!, qLoraRank: 0 } }).perLayerAttention;
    const qk = 128 + 64;
    expect(withRank - noRank).toBe(7168 * 1536 + 1536 * 128 * qk + 1536 - 7168 * 128 * qk);
  });
  it("qkv biases add d_attn + 2·d_kv per layer; QK-norm adds 2·headDim per layer", () => {
    const s = preset("llama-3-8b");
    const base = paramCount(s).total;
    expect(paramCount({ ...s, bias: "qkv" }).total - base).toBe(32 * (4096 + 2 * 1024));
    expect(paramCount({ ...s, qkNorm: true }).total - base).toBe(32 * 2 * 128);
  });
});

describe("deriveShape", () => {
  const targets = [1e8, 7e9, 7e10, 1e12, 2e12];
  for (const target of targets) {
    it(`round-trips ${target.toExponential()} within 3 % and gives a valid shape`, () => {
      const s = deriveShape(target);
      const total = paramCount(s).total;
      expect(Math.abs(total / target - 1)).toBeLessThan(0.03);
      for (const v of [s.layers, s.dModel, s.heads, s.kvHeads, s.headDim, s.dFF, s.vocab]) {
        expect(Number.isInteger(v)).toBe(true);
        expect(v).toBeGreaterThan(0);
      }
      expect(s.heads % s.kvHeads).toBe(0);
      expect(s.heads * s.headDim).toBe(s.dModel);
      expect([64, 128]).toContain(s.headDim);
      expect(s.dFF / s.dModel).toBeGreaterThan(1.5);
      expect(s.dFF / s.dModel).toBeLessThan(4.5);
      expect(s.attention).toBe(s.kvHeads === s.heads ? "mha" : s.kvHeads === 1 ? "mqa" : "gqa");
    });
  }
  it("stays within 3 % across 1e8–2e12 and is fast", () => {
    let worst = 0;
    const n = 200;
    const t0 = performance.now();
    for (let i = 0; i <= n; i++) {
      const target = 1e8 * Math.pow(2e4, i / n);
      worst = Math.max(worst, Math.abs(paramCount(deriveShape(target)).total / target - 1));
    }
    const perCallUs = ((performance.now() - t0) / (n + 1)) * 1000;
    expect(worst).toBeLessThan(0.03);
    expect(perCallUs).toBeLessThan(500); // the budget is 50 µs; generous here for slow CI machines
  });
  it("7e9 gives a Llama-2/3-7B-like shape", () => {
    const s = deriveShape(7e9);
    expect(s.dModel).toBe(4096);
    expect(s.layers).toBe(32);
    expect(s.kvHeads).toBe(8);
  });
});
