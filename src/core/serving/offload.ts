/**
 * KV offload to host memory (issue 17): the host tier of a replica, from the block's capacity and
 * the hardware's host link (hostLink.ts), and when reloading a sequence's cache beats recomputing it.
 *
 *   capacity (tokens)   = capacityBytes ÷ chips ÷ KV bytes per token per chip   (each chip keeps its shard)
 *   reload (s/token)    = KV bytes per token per chip ÷ host link bytes/s per chip (all chips in parallel)
 *   recompute T tokens  = the replica's step for a prefill of T tokens alone (cost/step.ts), what
 *                         vLLM's recompute preemption pays (alone: a batch would share its weight read)
 */
import type { Scenario } from "../types";
import type { Serving } from "./input";
import { hostLinkOf } from "./hostLink";
import { cappedPairs, type ReplicaModel } from "./simulate";
import type { ReplicaPlan } from "./replica";

export interface HostTier {
  capacityTokens: number;
  reloadSPerToken: number;
  bytesPerS: number;
  link: string;
  source: string;
}

/** The host tier of a replica of scenario `s` (its hardware's host link unless the block gives one). */
export function hostTier(s: Scenario, plan: ReplicaPlan, hk: NonNullable<Serving["hostKv"]>): HostTier {
  const link = hostLinkOf(s.hardware.preset);
  const bytesPerS = hk.bandwidth ?? link?.bytesPerS;
  if (bytesPerS === undefined) throw new Error("serving.hostKv.bandwidth: the hardware has no published host-link figure; give bytes/s per chip");
  const perChip = plan.kvBytesPerTokenPerChip;
  return {
    capacityTokens: perChip > 0 ? Math.floor(hk.capacityBytes / s.hardware.chips / perChip) : 0,
    reloadSPerToken: perChip / bytesPerS,
    bytesPerS,
    link: hk.bandwidth !== null ? "given in serving.hostKv.bandwidth" : link!.what,
    source: hk.bandwidth !== null ? "the scenario" : link!.source + (link!.uncertain ? ` (uncertain: ${link!.uncertain})` : ""),
  };
}

/** A replica plan with its host tier (unchanged without one). */
export function withHost<T extends ReplicaPlan>(s: Scenario, plan: T, hk: Serving["hostKv"]): T & Pick<ReplicaModel, "host"> {
  if (!hk) return plan;
  const t = hostTier(s, plan, hk);
  return { ...plan, host: { capacityTokens: t.capacityTokens, reloadSPerToken: t.reloadSPerToken } };
}

export interface OffloadComparison {
  /** Per sequence length (tokens): seconds to reload its cache from the host, and to recompute it alone. */
  rows: { tokens: number; reloadS: number; recomputeS: number }[];
  /** The shortest length (a power of two up to 2²⁰) at which reloading is faster; null: never. */
  crossoverTokens: number | null;
}

/** The report's `hostKv` figures for a replica of scenario `s` with its host tier. */
export function hostFigures(s: Scenario, plan: ReplicaPlan, hk: NonNullable<Serving["hostKv"]>): HostTier & OffloadComparison {
  const t = hostTier(s, plan, hk);
  return { ...t, ...offloadVsRecompute(plan, t.reloadSPerToken) };
}

/** When offload beats recomputation for this replica (see the header). */
export function offloadVsRecompute(plan: ReplicaModel, reloadSPerToken: number, lengths: readonly number[] = [256, 1024, 4096, 16384]): OffloadComparison {
  const recompute = (T: number) =>
    plan.step({
      decodeSeqs: 0,
      decodeKeys: 0,
      decodeKeysWindowed: 0,
      prefillTokens: T,
      prefillPairs: cappedPairs(0, T, Infinity),
      prefillPairsWindowed: cappedPairs(0, T, plan.window),
      prefillPriorKeys: 0,
      prefillPriorKeysWindowed: 0,
      prefillNewKeysWindowed: Math.min(T, plan.window),
      logitRows: 1,
      sequences: 1,
    });
  let crossoverTokens: number | null = null;
  for (let T = 1; T <= 2 ** 20; T *= 2)
    if (T * reloadSPerToken < recompute(T)) {
      crossoverTokens = T;
      break;
    }
  return { rows: lengths.map((tokens) => ({ tokens, reloadS: tokens * reloadSPerToken, recomputeS: recompute(tokens) })), crossoverTokens };
}
