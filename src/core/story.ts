/**
 * The decode bottleneck story the page tells (badge, roofline sentence, critical batch), read
 * from the report's one classification. Its own module (format and types only), so the page can
 * word it without loading the cost model.
 */
import { formatInt, formatPercent, sig } from "./format";
import type { Bottleneck, Report } from "./types";

export interface DecodeBoundStory {
  /** The badge: report.decode.bottleneck. */
  bound: Bottleneck;
  batch: number;
  /** report.roofline.criticalBatch and what it includes. */
  criticalBatch: number | null;
  basis: "weights" | "weights+kv";
  criticalBatchWeightsOnly: number | null;
  /** Where the batch sits: below the critical batch, at or above it, or with none at this context. */
  side: "below" | "above" | "none";
  /** Where decode turns compute-bound, saying what that includes. */
  critical: string;
  /** What it means at this batch (agrees with `bound`). */
  conclusion: string;
}

/**
 * The one decode bottleneck story the page tells (badge, roofline sentence, critical batch): all
 * of it read from the report's single classification (decode.bottleneck and roofline.criticalBatch,
 * which evaluate() computes from the same per-operation rooflines), never recomputed here.
 */
export function decodeBoundStory(r: Report, batch: number): DecodeBoundStory {
  const B = batch;
  const { criticalBatch: crit, criticalBatchBasis: basis, criticalBatchWeightsOnly: wOnly } = r.roofline;
  const e = r.assumptions.efficiency;
  const effText = r.assumptions.mode === "ideal" ? "on the ideal roofline" : `at this mode's ${formatPercent(e.compute)} of peak compute and ${formatPercent(e.memory)} of bandwidth`;
  const weightsAlone = wOnly === null ? "" : `; the weight matmuls alone turn at batch ${formatInt(wOnly)}`;
  let critical: string;
  if (crit === null) {
    critical = `Decode does not turn compute-bound at any batch at this context: each sequence reads its own KV cache, which batching cannot share (${effText}${weightsAlone})`;
  } else if (basis === "weights") {
    critical = `Decode turns compute-bound at batch ${formatInt(crit)}, where its weight matmuls do (${effText}; the KV cache read at this context does not move it)`;
  } else {
    critical = `Decode turns compute-bound at batch ${formatInt(crit)}, counting the weights plus the KV cache read at this context (${effText}${weightsAlone})`;
  }
  const side: DecodeBoundStory["side"] = crit === null ? "none" : B >= crit ? "above" : "below";
  let conclusion: string;
  if (r.decode.bottleneck === "network") conclusion = `At batch ${formatInt(B)} it is network-bound: its collectives outlast both its memory and its compute time.`;
  else if (side === "above") conclusion = `Your batch of ${formatInt(B)} is at or above it: more batch costs compute time.`;
  else if (side === "below") conclusion = `Your batch of ${formatInt(B)} is below it: batching more is nearly free, since the weights are read once for the whole batch.`;
  else conclusion = `At batch ${formatInt(B)} it is memory-bound, and stays so: more batch shares the weight reads but adds KV reads.`;
  // the roofline is the GPU's; with graphs off the host may outlast it (report.decode.hostBound)
  if (r.decode.hostBound) conclusion += " That is the GPU's side: with CUDA graphs off, the host issuing every kernel takes longer, so the step waits on the host.";
  return { bound: r.decode.bottleneck, batch: B, criticalBatch: crit, basis, criticalBatchWeightsOnly: wOnly, side, critical, conclusion };
}

/** The datasheet ridge in words (the roofline's corner, before any efficiency). */
export function ridgeText(r: Report): string {
  return `the datasheet ridge is ${sig(r.roofline.ridgeIntensity)} FLOP/byte`;
}

