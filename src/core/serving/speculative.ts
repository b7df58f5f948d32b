/**
 * Speculative decoding under load (issue 17): the static what-if (evaluate.ts, Leviathan et al.
 * 2023) priced with the serving replica's own step function at each running batch, so the gain
 * shrinks as the batch grows, and the batch at which it vanishes (the crossover).
 *
 * At a running batch of b sequences at mean context L (keys), per output token:
 *   plain       = step(b decode tokens)
 *   speculative = (k × draft step(b decode tokens) + verify step) ÷ E
 *   verify      = one step over k + 1 tokens per sequence, each chunk attending to its L keys
 *   E           = (1 − α^(k+1)) ÷ (1 − α)   (expected tokens per verify step; α the acceptance rate)
 * The draft runs on the same chips (its own weights and KV cache). Not simulated iteration by
 * iteration: the simulated run's latencies are without it; its mean running batch says where on
 * the curve the deployment sits.
 */
import type { Scenario } from "../types";
import { replicaPlan } from "./replica";
import { cappedPairs, type IterationShape, type ReplicaModel, type ServingSpec } from "./simulate";

export interface SpeculativeUnderLoad {
  draftTokens: number;
  acceptanceRate: number;
  expectedTokensPerStep: number;
  /** Mean context (keys) of a decoding sequence the steps are priced at: mean prompt + half the mean output. */
  contextTokens: number;
  rows: { batch: number; plainS: number; speculativeS: number; speedup: number }[];
  /** The smallest power-of-two batch (up to maxSequences) at which speculation no longer pays; null: it pays throughout. */
  crossoverBatch: number | null;
  /** At the simulated run's mean running batch (rounded, at least 1). */
  atMeanBatch: { batch: number; speedup: number };
}

const zero: IterationShape = { decodeSeqs: 0, decodeKeys: 0, decodeKeysWindowed: 0, prefillTokens: 0, prefillPairs: 0, prefillPairsWindowed: 0, prefillPriorKeys: 0, prefillPriorKeysWindowed: 0, prefillNewKeysWindowed: 0, logitRows: 0, sequences: 0 };

function decodeShape(m: ReplicaModel, b: number, L: number): IterationShape {
  return { ...zero, decodeSeqs: b, decodeKeys: b * (L + 1), decodeKeysWindowed: b * Math.min(L + 1, m.window), logitRows: b, sequences: b };
}

function verifyShape(m: ReplicaModel, b: number, L: number, k: number): IterationShape {
  const c = k + 1;
  return {
    ...zero,
    prefillTokens: b * c,
    prefillPairs: b * cappedPairs(L, L + c, Infinity),
    prefillPairsWindowed: b * cappedPairs(L, L + c, m.window),
    prefillPriorKeys: b * L,
    prefillPriorKeysWindowed: b * Math.min(L, m.window),
    prefillNewKeysWindowed: b * (Math.min(L + c, m.window) - Math.min(L, m.window)),
    logitRows: b * c,
    sequences: b,
  };
}

export function speculativeUnderLoad(s: Scenario, spec: ServingSpec, target: ReplicaModel, meanRunningBatch: number): SpeculativeUnderLoad | null {
  const sp = s.speculative;
  if (!sp) return null;
  const draft = replicaPlan({ ...s, model: sp.draft, speculative: undefined }, spec.scheduler);
  const k = sp.draftTokens;
  const a = sp.acceptanceRate;
  const E = a >= 1 ? k + 1 : (1 - Math.pow(a, k + 1)) / (1 - a);
  const mean = (d: ServingSpec["promptTokens"]) => (d.dist === "uniform" ? (d.min + d.max) / 2 : d.mean);
  const L = Math.round(mean(spec.promptTokens) + mean(spec.outputTokens) / 2);
  const at = (b: number) => {
    const plainS = target.step(decodeShape(target, b, L));
    const speculativeS = (k * draft.step(decodeShape(draft, b, L)) + target.step(verifyShape(target, b, L, k))) / E;
    return { batch: b, plainS, speculativeS, speedup: plainS / speculativeS };
  };
  const rows: SpeculativeUnderLoad["rows"] = [];
  let crossoverBatch: number | null = null;
  for (let b = 1; b <= spec.scheduler.maxSequences; b *= 2) {
    const r = at(b);
    rows.push(r);
    if (crossoverBatch === null && r.speedup < 1) crossoverBatch = b;
  }
  const mb = Math.max(1, Math.round(meanRunningBatch));
  return { draftTokens: k, acceptanceRate: a, expectedTokensPerStep: E, contextTokens: L, rows, crossoverBatch, atMeanBatch: { batch: mb, speedup: at(mb).speedup } };
}
