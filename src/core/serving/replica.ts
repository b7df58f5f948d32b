/**
 * What one replica of a scenario is to the simulator: its KV cache in tokens and its iteration
 * time, both from the core (cost/step.ts), never a separate formula.
 */
import { bytes, flop } from "../units";
import { runtimeReserveBytes } from "../cost/calibration";
import { evaluate } from "../cost/evaluate";
import { decodeShardingOf, engineOverheadS, expertPlacements, iterationOps, kvShareOf, peakActivationBytes, roofs, runStep, stepContext, type IterationShape, type StepOps } from "../cost/step";
import type { ConcreteLayout, Scenario } from "../types";
import type { ReplicaModel, ServingSpec } from "./simulate";

/**
 * The share of memory an engine may use (vLLM's gpu_memory_utilization default 0.9; SGLang's
 * mem_fraction_static is of the same kind). Realistic mode only; ideal mode uses all of it.
 */
export const ENGINE_MEMORY_FRACTION = 0.9;

export interface ReplicaPlan extends ReplicaModel {
  layout: ConcreteLayout;
  experts?: "tensor" | "expert";
  sharding: "heads" | "batch";
  /** Bytes per chip: capacity, reserved for the runtime and the engine's fraction, weights, peak activations, left for KV. */
  memory: { capacityBytes: number; reservedBytes: number; weightsBytes: number; activationBytes: number; kvBytes: number };
  /** KV bytes one token of one sequence takes on one chip. */
  kvBytesPerTokenPerChip: number;
}

/**
 * The replica of a resolved scenario under a scheduler: its step time (cost/step.ts, layouts and
 * sharding chosen as the static phases choose them), and the KV
 * cache left per CONTRACT "Admission and KV cache": capacity × memory fraction − runtime reserve −
 * weights − the activations of the largest iteration (maxBatchedTokens rows, maxSequences logit
 * rows), per chip. Windowed layers are counted as holding every token (a conservative cache size).
 */
export function replicaPlan(s: Scenario, scheduler: ServingSpec["scheduler"]): ReplicaPlan {
  const c = stepContext(s);
  const realistic = s.mode === "realistic";
  const decode = evaluate(s, { brief: true }).decode;
  const layout = decode.layout;
  const expertParallel = decode.experts === "expert";
  const sharding = decodeShardingOf(c);
  const hw = s.hardware;
  const n = hw.chips;

  const fraction = realistic ? ENGINE_MEMORY_FRACTION : 1;
  const reserve = runtimeReserveBytes(c.engine, hw, s.mode);
  const reservedBytes = hw.memoryBytes * (1 - fraction) + reserve;
  const weightsBytes = c.mc.weightsBytes / n;
  const activationBytes = realistic ? peakActivationBytes(c, scheduler.maxBatchedTokens, scheduler.maxSequences) / n : 0;
  const kvBytes = Math.max(0, hw.memoryBytes - reservedBytes - weightsBytes - activationBytes);
  const kvBytesPerTokenPerChip = c.mc.kvBytesPerTokenLayer * s.model.layers * kvShareOf(c, sharding);
  const kvCapacityTokens = kvBytesPerTokenPerChip > 0 ? Math.floor(kvBytes / kvBytesPerTokenPerChip) : 0;

  // Sharding per iteration, by the static phases' rule: decode as decode shards; a prefill-only
  // iteration shards over batch only when it has a sequence for every chip (evaluate.ts).
  const shardingOf = (it: IterationShape) => (sharding === "batch" && (it.decodeSeqs > 0 || it.sequences >= n) ? "batch" : "heads");
  // "auto" picks the fastest layout per step, as the static phases do (Pope et al. lay prefill and
  // decode out differently); the choice depends only on the tokens in the step, so it is kept per
  // token count. A layout the scenario names is used for every iteration.
  const autoLayout = s.parallelism.layout === "auto" && n > 1;
  const candidates: { layout: ConcreteLayout; ep: boolean }[] = [];
  if (autoLayout)
    for (const l of ["1d-weight-stationary", "2d-weight-stationary", "weight-gathered"] as const)
      for (const ep of expertPlacements(c))
        candidates.push({ layout: l, ep });
  // A step's time is its weights, communication and per-pass overheads, which depend only on its
  // token and logit rows, plus its attention, max(FLOP time, KV time), plus the engine's
  // per-sequence cost (runStep adds them all): the first part is kept per (tokens, logit rows,
  // sharding), the fastest layout with it; the other two are priced per iteration.
  const fixed = new Map<number, number>();
  // the parts are GPU time; the host's issue floor (graphs off) applies to the whole iteration
  const gpu = { ...c, eagerIssueS: 0 };
  const noAttention = (ops: StepOps): StepOps => ({ ...ops, attnFlops: flop(0), attnBytesPerChip: bytes(0), sequences: 0 });
  const fixedPart = (ops: StepOps, key: number) => {
    let t = fixed.get(key);
    if (t === undefined) {
      const bare = noAttention(ops);
      t = autoLayout ? Infinity : runStep(gpu, layout, bare, expertParallel).timeS;
      for (const k of candidates) t = Math.min(t, runStep(gpu, k.layout, bare, k.ep).timeS);
      if (fixed.size > 100_000) fixed.clear();
      fixed.set(key, t);
    }
    return t;
  };
  const step = (shape: IterationShape) => {
    const sh = shardingOf(shape);
    const ops = iterationOps(c, sh, shape);
    const r = roofs(c, ops, 1);
    const gpuS = fixedPart(ops, (ops.tokens * 2 ** 20 + shape.logitRows) * 2 + (sh === "batch" ? 1 : 0)) + Math.max(r.aCompute, r.aMemory) + engineOverheadS(c, 0, shape.sequences);
    return Math.max(gpuS, c.eagerIssueS);
  };

  return {
    kvCapacityTokens,
    window: c.mc.window,
    step,
    layout,
    experts: decode.experts,
    sharding,
    memory: { capacityBytes: hw.memoryBytes, reservedBytes, weightsBytes, activationBytes, kvBytes },
    kvBytesPerTokenPerChip,
  };
}
