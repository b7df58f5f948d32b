/**
 * "Why?" for every headline number: its formula and the same formula with the current values
 * plugged in, keyed by stable ids shared with tooltips, colours and lessons.
 */
import { ENGINE_PROFILES } from "./engines";
import { modelCosts } from "./cost/model";
import { formatBytes, formatCount, formatFlops, formatInt, formatPercent, formatSeconds, formatTokensPerS, formatUsd, sig } from "./format";
import { bytesPerElement, weightBytesPerParam } from "./precision";
import { decodeBoundStory } from "./story";
import { allInCost } from "./allIn";
import type { Report, Scenario } from "./types";

export const TERM_IDS = [
  "ttft",
  "tpot",
  "throughput",
  "weights",
  "kv-cache",
  "memory-per-chip",
  "cost-output",
  "cost-input",
  "mfu",
  "mbu",
  "ridge",
  "critical-batch",
  "crossover",
] as const;
export type TermId = (typeof TERM_IDS)[number];

export interface Term {
  id: TermId;
  label: string;
  /** The formula in symbols. */
  formula: string;
  /** The same formula with this scenario's values. */
  withValues: string;
  /** The value, formatted with its unit. */
  value: string;
}

/** The engine's share of a decode step (kernels, scheduling, per-sequence work: engines.ts), as a clause. */
function engineShare(s: Scenario, r: Report): string {
  const o = r.decode.breakdown.overhead;
  if (o <= 0) return "";
  const what = s.engineOptions?.cudaGraphs === false ? "every kernel issued from the host, CUDA graphs off: the step lasts at least that long" : "kernels, scheduling, per-sequence work";
  return `, of which ${formatSeconds(o)} (${formatPercent(o / r.decode.timePerTokenS)}) is the engine's (${ENGINE_PROFILES[r.engine].label}${r.engineAssumed ? ", assumed" : ""}: ${what})`;
}

/** The routed experts' grouped-GEMM rate (engines.ts), as a clause; "" where the dense rate applies. */
function groupedShare(p: { groupedGemmShare?: number }): string {
  return p.groupedGemmShare === undefined ? "" : `; the routed experts' grouped GEMMs run at ${formatPercent(p.groupedGemmShare)} of the dense matmul rate`;
}

/** One Term per id for a scenario and its report. */
export function explain(s: Scenario, r: Report): Record<TermId, Term> {
  const m = s.model;
  const hw = s.hardware;
  const n = hw.chips;
  const { batch: B, promptTokens: P, outputTokens: O, prefillBatch: Bp } = s.workload;
  const mc = modelCosts(s);
  const bw = hw.memoryBandwidth;
  const bpp = weightBytesPerParam(s.precision);
  const bkv = bytesPerElement(s.precision.kvCache);
  const price = hw.pricePerHour;
  const kvLayer = m.attention === "mla" && m.mla ? `(${m.mla.kvLoraRank} + ${m.mla.qkRopeHeadDim})` : `2 × ${m.kvHeads} × ${m.headDim}`;
  const t = (id: TermId, label: string, formula: string, withValues: string, value: string): Term => ({ id, label, formula, withValues, value });
  const e = r.assumptions.efficiency;
  return {
    ttft: t("ttft", "Time to first token", "Σ over operations max(FLOPs ÷ (chips × peak × compute eff.), bytes ÷ (chips × bandwidth × memory eff.)) + communication + overhead",
      `${formatFlops(r.prefill.flops)} ÷ (${n} × ${formatFlops(r.roofline.peakFlops)}/s × ${e.compute.toFixed(2)}) … = ${formatSeconds(r.prefill.timeS)} (${r.prefill.bottleneck}-bound)${groupedShare(r.prefill)}`, formatSeconds(r.prefill.timeS)),
    tpot: t("tpot", "Time per output token", "weights read ÷ bandwidth (or matmul FLOPs ÷ peak) + KV cache read ÷ bandwidth + communication + overhead, at the mean context",
      `${formatBytes(r.decode.bytesPerStep)} moved per step on ${n} chip(s) at ${formatBytes(bw)}/s each × ${e.memory.toFixed(2)} … = ${formatSeconds(r.decode.timePerTokenS)}${engineShare(s, r)}${groupedShare(r.decode)}`, formatSeconds(r.decode.timePerTokenS)),
    throughput: t("throughput", "Throughput", "batch × output tokens ÷ (prefill time + decode time)",
      `${B} × ${O} ÷ (${formatSeconds(r.prefill.timeS)} + ${formatSeconds(r.decode.timeS)}) = ${formatTokensPerS(r.total.outputTokensPerS)}`, formatTokensPerS(r.total.outputTokensPerS)),
    weights: t("weights", "Weights", "parameters × bytes per weight", `${formatCount(r.params.total)} × ${bpp} B = ${formatBytes(r.memory.weightsBytes)}`, formatBytes(r.memory.weightsBytes)),
    "kv-cache": t("kv-cache", "KV cache", "layers × (K + V widths) × bytes per element × batch × context",
      `${m.layers} × ${kvLayer} × ${bkv} B × ${B} × ${P + O} tokens = ${formatBytes(r.memory.kvCacheBytes)}${mc.windowLayers ? ` (${mc.windowLayers} windowed layers hold ≤ ${mc.window} tokens)` : ""}`, formatBytes(r.memory.kvCacheBytes)),
    "memory-per-chip": t("memory-per-chip", "Memory per chip", "weights ÷ chips + KV cache per chip + activations (realistic), against capacity − runtime reserve",
      `${formatBytes(r.memory.perChip.weights)} + ${formatBytes(r.memory.perChip.kvCache)} + ${formatBytes(r.memory.perChip.activations)} = ${formatBytes(r.memory.perChipBytes)} of ${formatBytes(r.memory.usableBytes)} usable`, formatBytes(r.memory.perChipBytes)),
    "cost-output": t("cost-output", "Cost per million output tokens (all-in)", "price per chip-hour × chips ÷ 3600 ÷ throughput × 10⁶: the whole request (prefill + decode) charged to its output tokens",
      allInWithValues(s, r), price === undefined ? `${sig(r.total.chipSecondsPerMillionOutputTokensAllIn)} chip-s` : formatUsd(r.total.costPerMillionOutputTokensAllIn)),
    "cost-input": t("cost-input", "Cost per million input tokens", "price per chip-hour ÷ 3600 × chips × prefill time ÷ (prefill batch × prompt tokens) × 10⁶",
      price === undefined ? `no price: ${sig(r.total.chipSecondsPerMillionInputTokens)} chip-seconds per million tokens` : `$${price} ÷ 3600 × ${n} × ${formatSeconds(r.prefill.timeS)} ÷ (${Bp} × ${P}) × 10⁶ = ${formatUsd(r.total.costPerMillionInputTokens)}`,
      price === undefined ? `${sig(r.total.chipSecondsPerMillionInputTokens)} chip-s` : formatUsd(r.total.costPerMillionInputTokens)),
    mfu: t("mfu", "Model FLOPs utilisation (decode)", "weight-matmul FLOPs performed (2 × matmul parameters per token: no input-embedding lookup, attention not counted) × tokens ÷ (chips × peak × time)",
      `2 × ${formatCount(mc.matmulParamsPerToken)} × ${B}${s.sparsity.weights === "2:4" && hw.sparseTensorCores ? " ÷ 2 (2:4 sparse)" : ""} ÷ (${n} × ${formatFlops(r.roofline.peakFlops)}/s × ${formatSeconds(r.decode.timePerTokenS)}) = ${formatPercent(r.decode.mfu)}`, formatPercent(r.decode.mfu)),
    mbu: t("mbu", "Memory bandwidth utilisation (decode)", "bytes moved per step ÷ (chips × bandwidth × step time)",
      `${formatBytes(r.decode.bytesPerStep)} ÷ (${n} × ${formatBytes(bw)}/s × ${formatSeconds(r.decode.timePerTokenS)}) = ${formatPercent(r.decode.mbu)}`, formatPercent(r.decode.mbu)),
    ridge: t("ridge", "Ridge point", "peak FLOP/s ÷ memory bandwidth", `${formatFlops(r.roofline.peakFlops)}/s ÷ ${formatBytes(bw)}/s = ${sig(r.roofline.ridgeIntensity)} FLOP/byte`, `${sig(r.roofline.ridgeIntensity)} FLOP/B`),
    "critical-batch": t("critical-batch", "Critical batch", "smallest batch whose decode step spends more time on compute than on memory: weight-matmul FLOPs ÷ (peak × compute eff.) against weight bytes ÷ (bandwidth × memory eff.), each operation's own roofline, plus the KV cache read at this context",
      decodeBoundStory(r, B).critical, r.roofline.criticalBatch === null ? "none at this context" : `${formatInt(r.roofline.criticalBatch)} sequences`),
    crossover: t("crossover", "Attention crossover", "2 × active parameters ÷ (4 × layers × heads × head size)",
      `2 × ${formatCount(r.params.active)} ÷ (4 × ${m.layers} × ${m.heads} × ${m.headDim}) = ${formatInt(r.attention.crossoverTokens)} tokens`, `${formatInt(r.attention.crossoverTokens)} tokens`),
  };
}

/** The all-in cost from the throughput card: $/chip-hour × chips ÷ 3600 ÷ (output tokens/s) × 10⁶. */
function allInWithValues(s: Scenario, r: Report): string {
  const n = s.hardware.chips;
  const price = s.hardware.pricePerHour;
  const c = allInCost(r);
  const tps = formatTokensPerS(r.total.outputTokensPerS);
  if (price === undefined)
    return `no price: ${n} chips ÷ ${tps} × 10⁶ = ${sig(c.total)} chip-seconds (prefill ${sig(c.prefill)} + decode ${sig(c.decode)})`;
  return `$${price} × ${n} chips ÷ 3600 ÷ ${tps} × 10⁶ = ${formatUsd(c.total)} (prefill ${formatUsd(c.prefill)} + decode ${formatUsd(c.decode)})`;
}
