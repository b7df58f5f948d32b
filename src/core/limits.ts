/**
 * Plausible ranges: the one table of what every number a scenario may give must lie within.
 * Each row bounds a figure well beyond anything published on both sides, so a real device or
 * model always fits, while a typo or a hostile value (1e-300 bytes/s, 1e308 parameters) is
 * refused with a message naming the field instead of turning into "—", 0 or Infinity downstream.
 * resolveScenario (scenario.ts), the serving block (serving/input.ts) and the share-link codec
 * (state/url/schema.ts) all read their limits and their wording from here.
 *
 * Units: SI and unscaled, as in the contract (bytes, bytes/s, FLOP/s, seconds, USD, watts).
 */

export interface Range {
  min: number;
  max: number;
  /** The minimum itself is not allowed (a rate of exactly 0 means nothing). */
  minExclusive?: boolean;
  /** Whole numbers only. */
  integer?: boolean;
  /** Unit shown after the range in a message ("bytes/s"); none for plain counts. */
  unit?: string;
  /** Why these bounds, in one line. */
  why: string;
}

const count = (min: number, max: number, why: string, unit?: string): Range => ({ min, max, integer: true, why, ...(unit ? { unit } : {}) });
const real = (min: number, max: number, unit: string | undefined, why: string, minExclusive = false): Range => ({ min, max, why, ...(unit ? { unit } : {}), ...(minExclusive ? { minExclusive } : {}) });

/** Tokens in one sequence: 1e8 is 50× the longest published context window (2M tokens). */
const TOKENS = count(1, 1e8, "one token up to 10× the longest published context window (10M tokens, Llama 4 Scout)", "tokens");
/** A fraction of a roof that a kernel reaches. */
const FRACTION = real(0.01, 1, undefined, "a share of the datasheet roof: nothing measured runs below a few percent of it, and nothing above it");

/**
 * The table, by contract path. `hardware.peakFlops` covers every precision's entry.
 */
export const PLAUSIBLE = {
  // --- model ------------------------------------------------------------------------------------
  "model.params": real(1e6, 1e13, "parameters", "a 1M-parameter toy up to 6× the largest published model (1.6T, Switch-C)"),
  "model.layers": count(1, 2000, "1 up to 15× the deepest published decoder (128 layers, Megatron's 1T configuration)"),
  "model.dModel": count(1, 1e6, "up to 40× the widest published residual stream (25,600, Megatron's 1T configuration)"),
  "model.heads": count(1, 1e5, "up to 600× the most attention heads published (160, Megatron's 1T configuration)"),
  "model.kvHeads": count(1, 1e5, "as for heads; never more than heads (checked separately)"),
  "model.headDim": count(1, 1e5, "up to 400× the widest published head (256, Gemma)"),
  "model.dFF": count(1, 1e7, "up to 100× the widest published feed-forward layer (73,728, PaLM 540B)"),
  "model.vocab": count(1, 1e8, "up to 400× the largest published vocabulary (256k, Gemma)"),
  "model.normsPerLayer": count(0, 16, "none up to 4× Gemma 2's four norms per layer"),
  "model.positionEmbeddings": count(0, 1e8, "learned position rows: none up to the token limit", "rows"),
  "model.contextWindow": count(1, 1e8, "the model's window: one token up to the token limit", "tokens"),
  "model.mla.kvLoraRank": count(1, 1e6, "DeepSeek-V3's latent is 512; up to the largest width"),
  "model.mla.qkRopeHeadDim": count(0, 1e5, "DeepSeek-V3 uses 64; bounded like a head width"),
  "model.mla.qLoraRank": count(0, 1e6, "0 (no query compression) up to the largest width"),
  "model.mla.qkNopeHeadDim": count(0, 1e5, "DeepSeek-V3 uses 128; bounded like a head width"),
  "model.mla.vHeadDim": count(1, 1e5, "bounded like a head width"),
  "model.moe.experts": count(1, 1e5, "up to 200× the most routed experts published (384, Kimi K2)"),
  "model.moe.activeExperts": count(1, 1e5, "as for experts; never more than experts (checked separately)"),
  "model.moe.sharedExperts": count(0, 1e4, "none up to far beyond the 2 published"),
  "model.moe.dFFExpert": count(1, 1e7, "bounded like a feed-forward width"),
  "model.moe.denseLayers": count(0, 2000, "none up to the layer limit"),
  "model.slidingWindow.window": TOKENS,
  // --- hardware ---------------------------------------------------------------------------------
  "hardware.chips": count(1, 1e6, "one chip up to 5× the largest published cluster (~200k GPUs)", "chips"),
  "hardware.memoryBytes": real(1e7, 1e15, "bytes", "from below a Groq LPU's 230 MB of on-chip SRAM to 3,000× a B300's 288 GB"),
  "hardware.memoryBandwidth": real(1e9, 1e17, "bytes/s", "from below a Raspberry Pi 4's measured ~4 GB/s to 5× the 21 PB/s of a Cerebras WSE-3's on-wafer SRAM"),
  "hardware.peakFlops": real(1e9, 1e18, "FLOP/s", "from below a Raspberry Pi 4's ~10 GFLOP/s (Linpack) to 8× a Cerebras WSE-3's 125 PFLOP/s"),
  "hardware.interconnectBandwidth": real(1e8, 1e17, "bytes/s", "from a 1 Gb/s Ethernet port (125 MB/s) up to the memory-bandwidth limit: worked examples give 1e15 to make communication free"),
  "hardware.scaleOutBandwidth": real(1e8, 1e17, "bytes/s", "as for the interconnect"),
  "hardware.pricePerHour": real(0, 1e4, "USD per chip-hour", "free (owned) up to far beyond the dearest cloud accelerator (~$10–15 per chip-hour)"),
  "hardware.powerWatts": real(1, 1e5, "W", "from a Raspberry Pi's few watts to 4× a Cerebras CS-3 system (23 kW)"),
  "hardware.fastDomainChips": count(1, 1e6, "one chip up to the chip limit", "chips"),
  "hardware.achievable.compute": FRACTION,
  "hardware.achievable.memory": FRACTION,
  // --- workload, precision, efficiency ------------------------------------------------------------
  "workload.batch": count(1, 1e6, "one sequence up to 4,000× vLLM's long-standing default of 256 running sequences", "sequences"),
  "workload.prefillBatch": count(1, 1e6, "as for batch", "sequences"),
  "workload.promptTokens": TOKENS,
  "workload.outputTokens": TOKENS,
  "precision.weightBits": real(1, 64, "bits", "binary (1-bit) weights up to fp64"),
  "efficiency.compute": FRACTION,
  "efficiency.memory": FRACTION,
  "efficiency.network": FRACTION,
  // --- speculative decoding -----------------------------------------------------------------------
  "speculative.draftParams": real(1e6, 1e13, "parameters", "as for model.params"),
  "speculative.draftTokens": count(1, 32, "1 up to 32: past it (1 − α^(k+1)) / (1 − α) stops growing for any acceptance rate up to 0.9", "tokens"),
  "speculative.acceptanceRate": real(0, 1, undefined, "a probability"),
  // --- serving (traffic) ----------------------------------------------------------------------------
  "serving.requestRate": real(0, 1e6, "requests/s", "any positive rate up to a million requests per second (beyond any one deployment)", true),
  "serving.concurrency": count(1, 1e6, "one client up to a million", "clients"),
  "serving.burstiness": real(0, 100, undefined, "coefficient of variation of inter-arrival times: any positive value up to 100× Poisson's 1", true),
  "serving.requests": count(1, 1e6, "one request up to a million (percentiles no longer move long before)", "requests"),
  "serving.seed": count(0, 2 ** 32 - 1, "a 32-bit generator seed"),
  "serving.length.mean": real(1, 1e8, "tokens", "one token up to the token limit"),
  "serving.length.cv": real(0, 10, undefined, "any positive spread up to 10× the mean (ShareGPT-like traffic is ~1)", true),
  "serving.length.min": TOKENS,
  "serving.length.max": TOKENS,
  "serving.replicas": count(1, 1e5, "one replica up to a hundred thousand", "replicas"),
  "serving.scheduler.maxSequences": count(1, 1e5, "one sequence up to 400× vLLM's default of 256", "sequences"),
  "serving.scheduler.maxBatchedTokens": count(1, 1e8, "up to the token limit (vLLM's default is 8,192)", "tokens"),
  "serving.slo.ttftS": real(0, 3600, "s", "any positive time up to an hour", true),
  "serving.slo.tpotS": real(0, 60, "s", "any positive time up to a minute per token", true),
  "serving.slo.percentile": real(0, 100, undefined, "a percentile: above 0, at most 100", true),
  "serving.prefixCache.hitRate": real(0, 1, undefined, "a share of requests: 0 (no request finds its prefix cached) to 1 (every request does)"),
  "serving.prefixCache.sharedPrefixTokens": TOKENS,
  "serving.disaggregated.chips": count(1, 4096, "one chip up to a 4,096-chip slice (the largest published TPU pod slice)", "chips"),
  "serving.disaggregated.replicas": count(1, 1e5, "one replica up to a hundred thousand", "replicas"),
  "serving.hostKv.capacityBytes": real(1e6, 1e15, "bytes", "a megabyte up to a petabyte of host memory per replica (a DGX node has 2 TB)", true),
  "serving.hostKv.bandwidth": real(1e6, 1e13, "bytes/s", "a megabyte per second up to 20× NVLink-C2C's 450 GB/s per direction", true),
} as const satisfies Record<string, Range>;

export type PlausiblePath = keyof typeof PLAUSIBLE;

/** A limit as written in messages and links: 1e6 rather than 1000000. */
export function formatLimit(v: number): string {
  if (Math.abs(v) < 1e5 || !Number.isFinite(v)) return String(v);
  const exp = v.toExponential().replace("e+", "e");
  return exp.replace(/\.?0+e/, "e");
}

/** A range's ends for a reader: thousands grouped ("1,000,000") when both are below 1e10, else e-notation ("1e9 to 1e17"). */
const GROUPED = new Intl.NumberFormat("en-US", { maximumFractionDigits: 0 });
function rangeEnds(r: Range): [string, string] {
  const grouped = Math.max(Math.abs(r.min), Math.abs(r.max)) < 1e10;
  const f = (v: number) => (grouped && Math.abs(v) >= 1e5 ? GROUPED.format(v) : formatLimit(v));
  return [f(r.min), f(r.max)];
}

/** "must be a whole number from 1 to 1,000,000 sequences" / "must be a number above 0 and at most 1 s". */
export function rangeMessage(r: Range): string {
  const what = r.integer ? "a whole number" : "a number";
  const [lo, hi] = rangeEnds(r);
  const span = r.minExclusive ? `above ${lo} and at most ${hi}` : `from ${lo} to ${hi}`;
  return `must be ${what} ${span}${r.unit ? ` ${r.unit}` : ""}`;
}

/** Whether a value lies in the range (a finite number, whole where required). */
export function inRange(r: Range, v: unknown): v is number {
  if (typeof v !== "number" || !Number.isFinite(v)) return false;
  if (r.integer && !Number.isInteger(v)) return false;
  return (r.minExclusive ? v > r.min : v >= r.min) && v <= r.max;
}
