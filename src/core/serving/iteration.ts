/**
 * One continuous-batching iteration priced by the serving simulator's own step model
 * (replica.ts's replicaPlan(...).step, which prices every iteration the simulator runs), so a
 * measured mixed iteration can be checked against exactly what the simulator would charge for it.
 * No formula of its own: this only fills the iteration's shape as simulate.ts does.
 */
import type { Scenario } from "../types";
import { replicaPlan } from "./replica";
import { cappedPairs, type IterationShape } from "./spec";

/**
 * A mixed iteration as measured by calibration/measure.py: one prefill chunk of `prefillChunk`
 * tokens that is a whole fresh prompt (nothing cached before it; its last token's logits are
 * computed, the prompt completes) and `decodeSeqs` sequences each producing one token over
 * `decodeContext` cached tokens (each new token attends to decodeContext + 1 keys). Tokens.
 */
export interface MixedIteration {
  prefillChunk: number;
  decodeSeqs: number;
  decodeContext: number;
}

/** The iteration's shape as simulate.ts's startIteration fills it for this composition (window W in tokens, Infinity when none). */
export function mixedIterationShape(it: MixedIteration, window: number): IterationShape {
  const { prefillChunk: C, decodeSeqs: D, decodeContext: T } = it;
  const keys = T + 1; // its cache and the new token itself (simulate.ts: decodeKv + nDecoding)
  return {
    decodeSeqs: D,
    decodeKeys: D * keys,
    decodeKeysWindowed: D * Math.min(keys, window),
    prefillTokens: C,
    prefillPairs: cappedPairs(0, C, Infinity),
    prefillPairsWindowed: cappedPairs(0, C, window),
    prefillPriorKeys: 0,
    prefillPriorKeysWindowed: 0,
    prefillNewKeysWindowed: Math.min(C, window),
    // every decode token, and the chunk's last token (its prompt completes)
    logitRows: D + (C > 0 ? 1 : 0),
    sequences: D + (C > 0 ? 1 : 0),
  };
}

/**
 * Seconds of one such iteration on one replica of a resolved scenario: replicaPlan(s, …).step of
 * its shape. The scheduler only sizes the KV cache (activation reserve), which the step time does
 * not depend on; it is given the iteration's own rows.
 */
export function mixedIterationS(s: Scenario, it: MixedIteration): number {
  if (![it.prefillChunk, it.decodeSeqs, it.decodeContext].every((v) => Number.isInteger(v) && v >= 0)) throw new Error("a mixed iteration's chunk, decode sequences and context are whole numbers ≥ 0");
  if (it.prefillChunk + it.decodeSeqs === 0) throw new Error("a mixed iteration needs a prefill chunk or a decoding sequence");
  const rows = it.prefillChunk + it.decodeSeqs;
  const plan = replicaPlan(s, { maxSequences: it.decodeSeqs + 1, maxBatchedTokens: rows, chunkedPrefill: true });
  return plan.step(mixedIterationShape(it, plan.window));
}
