/**
 * The share-link key table: every field of a ScenarioInput (shared/CONTRACT.md) has exactly one
 * row here, giving its short URL key, how its value is written and read, and the link version
 * that introduced it. The table is the file format; codec.ts only walks it.
 *
 * Rules for changing this file (a pasted link from last year must still open):
 * - Never reuse or repurpose a key. To rename a field, keep the key (the path may change).
 * - A new field gets a new row with `since` = the version that introduced it; bump
 *   CURRENT_VERSION only when an old link would otherwise read differently, and add a step to
 *   MIGRATIONS in codec.ts.
 * - Rows are listed in the order keys are written, so links are stable.
 *
 * Pure: imports only the core's public surface; no DOM (checked by tsconfig.core.json).
 */
import { ATTENTION_SHARDINGS, ENGINES, EXPERT_PARALLELISMS, LAYOUTS, PRECISIONS } from "../../core/types";
import { ARRIVALS, DATASETS, LENGTH_DISTS, POOL_PRECISIONS } from "../../core/serving/input";
import { inRange, PLAUSIBLE, rangeMessage, type PlausiblePath, type Range } from "../../core/limits";
import type { Precision, ScenarioInput } from "../../core/index";

/** The link format version written by encodeScenario (the `v=` key). */
export const CURRENT_VERSION = 1;

/** The key holding the format version. */
export const VERSION_KEY = "v";

/** The key holding an lz-string-compressed query (compressToEncodedURIComponent) for long links. */
export const COMPRESSED_KEY = "z";

/**
 * Keys that belong to the page, not to the scenario. The codec passes them through untouched
 * (decode returns them in `reserved`) and never warns about them:
 * - `lesson`: the id of the lesson being followed (state/slices/lesson.ts);
 * - `step`: the step within that lesson (a non-negative integer);
 * - `cmp`: a second scenario to compare against, as its own encoded query;
 * - `bet`, `bem`, `ber`, `bef`: the distillation break-even's assumptions (state/breakEven.ts).
 */
export const RESERVED_KEYS = ["lesson", "step", "cmp", "bet", "bem", "ber", "bef"] as const;
export type ReservedKey = (typeof RESERVED_KEYS)[number];

/**
 * The value written for "this field is absent" when DEFAULT_SCENARIO_INPUT sets it (for
 * instance `m=~`: a custom model, no preset). Strings that are exactly "~" are written "%7E".
 */
export const UNSET = "~";

// ---------------------------------------------------------------------------------------------
// Field paths: the dotted contract paths of every leaf of ScenarioInput, computed from the type.

type Leaf = string | number | boolean;
type LeafPaths<T, P extends string = ""> = {
  [K in keyof T & string]-?: NonNullable<T[K]> extends Leaf
    ? `${P}${K}`
    : LeafPaths<NonNullable<T[K]>, `${P}${K}.`>;
}[keyof T & string];

/** Every leaf field of a scenario, e.g. "workload.batch", "hardware.peakFlops.bf16". */
export type FieldPath = LeafPaths<ScenarioInput>;

// ---------------------------------------------------------------------------------------------
// Value kinds: how a value is written into a link and read back. Numbers are checked against
// the core's plausible ranges (the same table resolveScenario uses, so the same words); the core
// still has the final word on cross-field rules (kvHeads ≤ heads, …).

export type FieldKind =
  /** A number within the core's plausible-ranges table (core/limits.ts): the link refuses what the core would, in the same words. */
  | { type: "range"; range: Range }
  | { type: "bool" }
  | { type: "enum"; values: readonly string[] }
  | { type: "preset"; block: "model" | "hardware" }
  | { type: "text"; maxLength: number };

export interface FieldRow {
  /** The contract path of the field in a ScenarioInput. */
  path: FieldPath;
  /** The short key in a share link. Unique; never reused. */
  key: string;
  kind: FieldKind;
  /** The link version that introduced this key. */
  since: number;
}

const bool: FieldKind = { type: "bool" };
const oneOf = (values: readonly string[]): FieldKind => ({ type: "enum", values });
const text: FieldKind = { type: "text", maxLength: 200 };
/** The core's range for a contract path (core/limits.ts). */
const plausible = (path: PlausiblePath): FieldKind => ({ type: "range", range: PLAUSIBLE[path] });

/** peakFlops keys: f + the precision's short name. */
const PEAK_KEYS: Record<Precision, string> = {
  fp32: "f32",
  bf16: "fbf",
  fp16: "f16",
  fp8: "f8",
  int8: "i8",
  int4: "i4",
  fp4: "f4",
};

/** The table. Order = the order keys are written. */
export const SCHEMA: readonly FieldRow[] = [
  // model
  { path: "model.preset", key: "m", kind: { type: "preset", block: "model" }, since: 1 },
  { path: "model.name", key: "mn", kind: text, since: 1 },
  { path: "model.params", key: "p", kind: plausible("model.params"), since: 1 },
  { path: "model.layers", key: "l", kind: plausible("model.layers"), since: 1 },
  { path: "model.dModel", key: "d", kind: plausible("model.dModel"), since: 1 },
  { path: "model.heads", key: "h", kind: plausible("model.heads"), since: 1 },
  { path: "model.kvHeads", key: "kv", kind: plausible("model.kvHeads"), since: 1 },
  { path: "model.headDim", key: "hd", kind: plausible("model.headDim"), since: 1 },
  { path: "model.dFF", key: "ff", kind: plausible("model.dFF"), since: 1 },
  { path: "model.ffn", key: "fn", kind: oneOf(["swiglu", "gelu"]), since: 1 },
  { path: "model.vocab", key: "vo", kind: plausible("model.vocab"), since: 1 },
  { path: "model.tiedEmbeddings", key: "te", kind: bool, since: 1 },
  { path: "model.attention", key: "at", kind: oneOf(["mha", "gqa", "mqa", "mla"]), since: 1 },
  { path: "model.parallelBlock", key: "pb", kind: bool, since: 1 },
  { path: "model.mla.kvLoraRank", key: "mkr", kind: plausible("model.mla.kvLoraRank"), since: 1 },
  { path: "model.mla.qkRopeHeadDim", key: "mrd", kind: plausible("model.mla.qkRopeHeadDim"), since: 1 },
  { path: "model.mla.qLoraRank", key: "mqr", kind: plausible("model.mla.qLoraRank"), since: 1 },
  { path: "model.mla.qkNopeHeadDim", key: "mnd", kind: plausible("model.mla.qkNopeHeadDim"), since: 1 },
  { path: "model.mla.vHeadDim", key: "mvd", kind: plausible("model.mla.vHeadDim"), since: 1 },
  { path: "model.moe.experts", key: "xe", kind: plausible("model.moe.experts"), since: 1 },
  { path: "model.moe.activeExperts", key: "xa", kind: plausible("model.moe.activeExperts"), since: 1 },
  { path: "model.moe.sharedExperts", key: "xs", kind: plausible("model.moe.sharedExperts"), since: 1 },
  { path: "model.moe.dFFExpert", key: "xf", kind: plausible("model.moe.dFFExpert"), since: 1 },
  { path: "model.moe.denseLayers", key: "xd", kind: plausible("model.moe.denseLayers"), since: 1 },
  { path: "model.norm", key: "nm", kind: oneOf(["rmsnorm", "layernorm"]), since: 1 },
  { path: "model.normsPerLayer", key: "np", kind: plausible("model.normsPerLayer"), since: 1 },
  { path: "model.qkNorm", key: "qn", kind: bool, since: 1 },
  { path: "model.bias", key: "bi", kind: oneOf(["none", "qkv", "all"]), since: 1 },
  { path: "model.positionEmbeddings", key: "pe", kind: plausible("model.positionEmbeddings"), since: 1 },
  { path: "model.slidingWindow.window", key: "sw", kind: plausible("model.slidingWindow.window"), since: 1 },
  { path: "model.slidingWindow.layers", key: "sl", kind: oneOf(["all", "alternate"]), since: 1 },
  { path: "model.attentionSinks", key: "sk", kind: bool, since: 1 },
  { path: "model.contextWindow", key: "cw", kind: plausible("model.contextWindow"), since: 1 },
  // hardware
  { path: "hardware.preset", key: "hw", kind: { type: "preset", block: "hardware" }, since: 1 },
  { path: "hardware.name", key: "hn", kind: text, since: 1 },
  { path: "hardware.chips", key: "n", kind: plausible("hardware.chips"), since: 1 },
  { path: "hardware.memoryBytes", key: "mem", kind: plausible("hardware.memoryBytes"), since: 1 },
  { path: "hardware.memoryBandwidth", key: "bw", kind: plausible("hardware.memoryBandwidth"), since: 1 },
  ...PRECISIONS.map(
    (p): FieldRow => ({ path: `hardware.peakFlops.${p}`, key: PEAK_KEYS[p], kind: plausible("hardware.peakFlops"), since: 1 }),
  ),
  { path: "hardware.interconnectBandwidth", key: "ic", kind: plausible("hardware.interconnectBandwidth"), since: 1 },
  { path: "hardware.pricePerHour", key: "pr", kind: plausible("hardware.pricePerHour"), since: 1 },
  { path: "hardware.powerWatts", key: "pw", kind: plausible("hardware.powerWatts"), since: 1 },
  { path: "hardware.fastDomainChips", key: "fd", kind: plausible("hardware.fastDomainChips"), since: 1 },
  { path: "hardware.scaleOutBandwidth", key: "so", kind: plausible("hardware.scaleOutBandwidth"), since: 1 },
  { path: "hardware.topology", key: "tp", kind: oneOf(["switch", "torus", "none"]), since: 1 },
  { path: "hardware.sparseTensorCores", key: "stc", kind: bool, since: 1 },
  { path: "hardware.achievable.compute", key: "ac", kind: plausible("hardware.achievable.compute"), since: 1 },
  { path: "hardware.achievable.memory", key: "am", kind: plausible("hardware.achievable.memory"), since: 1 },
  // workload
  { path: "workload.batch", key: "b", kind: plausible("workload.batch"), since: 1 },
  { path: "workload.promptTokens", key: "pt", kind: plausible("workload.promptTokens"), since: 1 },
  { path: "workload.outputTokens", key: "ot", kind: plausible("workload.outputTokens"), since: 1 },
  { path: "workload.prefillBatch", key: "bp", kind: plausible("workload.prefillBatch"), since: 1 },
  // precision
  { path: "precision.weights", key: "w", kind: oneOf(PRECISIONS), since: 1 },
  { path: "precision.kvCache", key: "kc", kind: oneOf(PRECISIONS), since: 1 },
  { path: "precision.activations", key: "a", kind: oneOf(PRECISIONS), since: 1 },
  { path: "precision.weightBits", key: "wb", kind: plausible("precision.weightBits"), since: 1 },
  // parallelism
  { path: "parallelism.layout", key: "ly", kind: oneOf(LAYOUTS), since: 1 },
  { path: "parallelism.attentionSharding", key: "sh", kind: oneOf(ATTENTION_SHARDINGS), since: 1 },
  { path: "parallelism.experts", key: "ep", kind: oneOf(EXPERT_PARALLELISMS), since: 1 },
  // mode, efficiency, sparsity
  { path: "mode", key: "mo", kind: oneOf(["realistic", "ideal"]), since: 1 },
  { path: "efficiency.compute", key: "ec", kind: plausible("efficiency.compute"), since: 1 },
  { path: "efficiency.memory", key: "em", kind: plausible("efficiency.memory"), since: 1 },
  { path: "efficiency.network", key: "en", kind: plausible("efficiency.network"), since: 1 },
  { path: "sparsity.weights", key: "sp", kind: oneOf(["none", "2:4"]), since: 1 },
  { path: "flashAttention", key: "fa", kind: bool, since: 1 },
  // speculative decoding what-if
  { path: "speculative.draftPreset", key: "dm", kind: { type: "preset", block: "model" }, since: 1 },
  { path: "speculative.draftParams", key: "dp", kind: plausible("speculative.draftParams"), since: 1 },
  { path: "speculative.draftTokens", key: "dk", kind: plausible("speculative.draftTokens"), since: 1 },
  { path: "speculative.acceptanceRate", key: "da", kind: plausible("speculative.acceptanceRate"), since: 1 },
  // serving (traffic) and engine
  { path: "serving.requestRate", key: "rr", kind: plausible("serving.requestRate"), since: 1 },
  { path: "serving.concurrency", key: "cc", kind: plausible("serving.concurrency"), since: 1 },
  { path: "serving.arrival", key: "ar", kind: oneOf(ARRIVALS), since: 1 },
  { path: "serving.burstiness", key: "bu", kind: plausible("serving.burstiness"), since: 1 },
  { path: "serving.requests", key: "rq", kind: plausible("serving.requests"), since: 1 },
  { path: "serving.seed", key: "sd", kind: plausible("serving.seed"), since: 1 },
  ...(["promptTokens", "outputTokens"] as const).flatMap((block): FieldRow[] => {
    const k = block === "promptTokens" ? "lp" : "lo";
    return [
      { path: `serving.${block}.dist`, key: `${k}d`, kind: oneOf(LENGTH_DISTS), since: 1 },
      { path: `serving.${block}.mean`, key: `${k}m`, kind: plausible("serving.length.mean"), since: 1 },
      { path: `serving.${block}.cv`, key: `${k}c`, kind: plausible("serving.length.cv"), since: 1 },
      { path: `serving.${block}.min`, key: `${k}n`, kind: plausible("serving.length.min"), since: 1 },
      { path: `serving.${block}.max`, key: `${k}x`, kind: plausible("serving.length.max"), since: 1 },
    ];
  }),
  { path: "serving.dataset", key: "ds", kind: oneOf(DATASETS), since: 1 },
  { path: "serving.replicas", key: "rp", kind: plausible("serving.replicas"), since: 1 },
  { path: "serving.scheduler.maxSequences", key: "sms", kind: plausible("serving.scheduler.maxSequences"), since: 1 },
  { path: "serving.scheduler.maxBatchedTokens", key: "smb", kind: plausible("serving.scheduler.maxBatchedTokens"), since: 1 },
  { path: "serving.scheduler.chunkedPrefill", key: "scp", kind: bool, since: 1 },
  { path: "serving.slo.ttftS", key: "slt", kind: plausible("serving.slo.ttftS"), since: 1 },
  { path: "serving.slo.tpotS", key: "slp", kind: plausible("serving.slo.tpotS"), since: 1 },
  { path: "serving.slo.percentile", key: "slq", kind: plausible("serving.slo.percentile"), since: 1 },
  // issue 17: prefix caching and disaggregated prefill/decode pools (new keys, old links unchanged)
  { path: "serving.prefixCache.hitRate", key: "pch", kind: plausible("serving.prefixCache.hitRate"), since: 1 },
  { path: "serving.prefixCache.sharedPrefixTokens", key: "pcs", kind: plausible("serving.prefixCache.sharedPrefixTokens"), since: 1 },
  ...(["prefill", "decode"] as const).flatMap((pool) => {
    const k = pool === "prefill" ? "dgp" : "dgd";
    return [
      { path: `serving.disaggregated.${pool}.hardware`, key: `${k}h`, kind: { type: "preset", block: "hardware" }, since: 1 },
      { path: `serving.disaggregated.${pool}.chips`, key: `${k}c`, kind: plausible("serving.disaggregated.chips"), since: 1 },
      { path: `serving.disaggregated.${pool}.replicas`, key: `${k}r`, kind: plausible("serving.disaggregated.replicas"), since: 1 },
      { path: `serving.disaggregated.${pool}.precision`, key: `${k}w`, kind: oneOf(POOL_PRECISIONS), since: 1 },
    ] as const satisfies readonly FieldRow[];
  }),
  { path: "serving.disaggregated.layerwiseTransfer", key: "dgl", kind: bool, since: 1 },
  { path: "serving.hostKv.capacityBytes", key: "hkc", kind: plausible("serving.hostKv.capacityBytes"), since: 1 },
  { path: "serving.hostKv.bandwidth", key: "hkb", kind: plausible("serving.hostKv.bandwidth"), since: 1 },
  { path: "engine", key: "eg", kind: oneOf(ENGINES), since: 1 },
  { path: "engineOptions.cudaGraphs", key: "cg", kind: bool, since: 1 },
];

/** Rows by short key. */
export const ROW_BY_KEY: ReadonlyMap<string, FieldRow> = new Map(SCHEMA.map((r) => [r.key, r]));

/** Rows by contract path. */
export const ROW_BY_PATH: ReadonlyMap<string, FieldRow> = new Map(SCHEMA.map((r) => [r.path, r]));

// ---------------------------------------------------------------------------------------------
// Reading and writing one value.

export type FieldValue = string | number | boolean;

/** The result of reading one raw (percent-decoded) value: the value, or why it was refused. */
export type ParseResult = { ok: true; value: FieldValue } | { ok: false; problem: string };

const NUMBER_SYNTAX = /^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i;

/** Formats a number for a link as the shorter of its plain and exponent forms (7e9, 0.85, 8192). */
export function formatNumber(n: number): string {
  const plain = String(n);
  const exp = n
    .toExponential()
    .replace("e+", "e")
    .replace(/\.?0*e/, "e");
  return exp.length < plain.length && Number(exp) === n ? exp : plain;
}

/** Writes a value of this row (the caller percent-encodes text). */
export function formatValue(row: FieldRow, value: FieldValue): string {
  switch (row.kind.type) {
    case "range":
      return formatNumber(value as number);
    case "bool":
      return value ? "1" : "0";
    default:
      return String(value);
  }
}

/** Reads a value of this row; `presetIds` lists the known ids for the preset rows. */
export function parseValue(row: FieldRow, raw: string, presetIds: ReadonlySet<string>): ParseResult {
  const kind = row.kind;
  switch (kind.type) {
    case "range": {
      const s = raw.trim();
      const n = NUMBER_SYNTAX.test(s) ? Number(s) : NaN;
      if (!inRange(kind.range, n)) return { ok: false, problem: rangeMessage(kind.range) };
      return { ok: true, value: n };
    }
    case "bool": {
      const s = raw.trim().toLowerCase();
      if (s === "1" || s === "true") return { ok: true, value: true };
      if (s === "0" || s === "false") return { ok: true, value: false };
      return { ok: false, problem: "must be 1 or 0" };
    }
    case "enum": {
      const s = raw.trim();
      if (kind.values.includes(s)) return { ok: true, value: s };
      return { ok: false, problem: `must be one of ${kind.values.join(", ")}` };
    }
    case "preset": {
      const s = raw.trim();
      if (presetIds.has(s)) return { ok: true, value: s };
      return { ok: false, problem: `unknown ${kind.block} preset` };
    }
    case "text": {
      if (raw.length > kind.maxLength) return { ok: false, problem: `must be at most ${kind.maxLength} characters` };
      return { ok: true, value: raw };
    }
  }
}
