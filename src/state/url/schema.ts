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
import { ATTENTION_SHARDINGS,
  EXPERT_PARALLELISMS, LAYOUTS, PRECISIONS } from "../../core/types";
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
 * - `cmp`: a second scenario to compare against, as its own encoded query (later).
 */
export const RESERVED_KEYS = ["lesson", "step", "cmp"] as const;
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
// Value kinds: how a value is written into a link and read back. Reading checks syntax and a
// loose sanity range only; the core's validation (resolveScenario) owns the real limits.

export type FieldKind =
  | { type: "int"; min: number; max: number }
  | { type: "num"; min: number; max: number; minExclusive?: boolean }
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

const int = (min: number, max: number): FieldKind => ({ type: "int", min, max });
/** A finite number in (min, max] (or [min, max] when minExclusive is false). */
const num = (min: number, max: number, minExclusive = true): FieldKind => ({ type: "num", min, max, minExclusive });
const bool: FieldKind = { type: "bool" };
const oneOf = (values: readonly string[]): FieldKind => ({ type: "enum", values });
const text: FieldKind = { type: "text", maxLength: 200 };

const DIM = 1e7; // no transformer dimension or count comes near this
const TOKENS = 1e8; // a hundred million tokens of context
const BYTES = 1e16; // 10 PB per chip
const RATE = 1e18; // FLOP/s or bytes/s per chip

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
  { path: "model.params", key: "p", kind: int(1, 1e13), since: 1 },
  { path: "model.layers", key: "l", kind: int(1, DIM), since: 1 },
  { path: "model.dModel", key: "d", kind: int(1, DIM), since: 1 },
  { path: "model.heads", key: "h", kind: int(1, DIM), since: 1 },
  { path: "model.kvHeads", key: "kv", kind: int(1, DIM), since: 1 },
  { path: "model.headDim", key: "hd", kind: int(1, DIM), since: 1 },
  { path: "model.dFF", key: "ff", kind: int(1, DIM * 10), since: 1 },
  { path: "model.ffn", key: "fn", kind: oneOf(["swiglu", "gelu"]), since: 1 },
  { path: "model.vocab", key: "vo", kind: int(1, DIM * 10), since: 1 },
  { path: "model.tiedEmbeddings", key: "te", kind: bool, since: 1 },
  { path: "model.attention", key: "at", kind: oneOf(["mha", "gqa", "mqa", "mla"]), since: 1 },
  { path: "model.parallelBlock", key: "pb", kind: bool, since: 1 },
  { path: "model.mla.kvLoraRank", key: "mkr", kind: int(1, DIM), since: 1 },
  { path: "model.mla.qkRopeHeadDim", key: "mrd", kind: int(0, DIM), since: 1 },
  { path: "model.mla.qLoraRank", key: "mqr", kind: int(0, DIM), since: 1 },
  { path: "model.mla.qkNopeHeadDim", key: "mnd", kind: int(0, DIM), since: 1 },
  { path: "model.mla.vHeadDim", key: "mvd", kind: int(1, DIM), since: 1 },
  { path: "model.moe.experts", key: "xe", kind: int(1, DIM), since: 1 },
  { path: "model.moe.activeExperts", key: "xa", kind: int(1, DIM), since: 1 },
  { path: "model.moe.sharedExperts", key: "xs", kind: int(0, DIM), since: 1 },
  { path: "model.moe.dFFExpert", key: "xf", kind: int(1, DIM * 10), since: 1 },
  { path: "model.moe.denseLayers", key: "xd", kind: int(0, DIM), since: 1 },
  { path: "model.norm", key: "nm", kind: oneOf(["rmsnorm", "layernorm"]), since: 1 },
  { path: "model.normsPerLayer", key: "np", kind: int(0, 100), since: 1 },
  { path: "model.qkNorm", key: "qn", kind: bool, since: 1 },
  { path: "model.bias", key: "bi", kind: oneOf(["none", "qkv", "all"]), since: 1 },
  { path: "model.positionEmbeddings", key: "pe", kind: int(0, TOKENS), since: 1 },
  { path: "model.slidingWindow.window", key: "sw", kind: int(1, TOKENS), since: 1 },
  { path: "model.slidingWindow.layers", key: "sl", kind: oneOf(["all", "alternate"]), since: 1 },
  { path: "model.attentionSinks", key: "sk", kind: bool, since: 1 },
  { path: "model.contextWindow", key: "cw", kind: int(1, 1e9), since: 1 },
  // hardware
  { path: "hardware.preset", key: "hw", kind: { type: "preset", block: "hardware" }, since: 1 },
  { path: "hardware.name", key: "hn", kind: text, since: 1 },
  { path: "hardware.chips", key: "n", kind: int(1, 1e6), since: 1 },
  { path: "hardware.memoryBytes", key: "mem", kind: int(1, BYTES), since: 1 },
  { path: "hardware.memoryBandwidth", key: "bw", kind: num(0, RATE), since: 1 },
  ...PRECISIONS.map(
    (p): FieldRow => ({ path: `hardware.peakFlops.${p}`, key: PEAK_KEYS[p], kind: num(0, RATE), since: 1 }),
  ),
  { path: "hardware.interconnectBandwidth", key: "ic", kind: num(0, RATE, false), since: 1 },
  { path: "hardware.pricePerHour", key: "pr", kind: num(0, 1e6, false), since: 1 },
  { path: "hardware.powerWatts", key: "pw", kind: num(0, 1e6), since: 1 },
  { path: "hardware.fastDomainChips", key: "fd", kind: int(1, 1e6), since: 1 },
  { path: "hardware.scaleOutBandwidth", key: "so", kind: num(0, RATE, false), since: 1 },
  { path: "hardware.topology", key: "tp", kind: oneOf(["switch", "torus", "none"]), since: 1 },
  { path: "hardware.sparseTensorCores", key: "stc", kind: bool, since: 1 },
  { path: "hardware.achievable.compute", key: "ac", kind: num(0, 1), since: 1 },
  { path: "hardware.achievable.memory", key: "am", kind: num(0, 1), since: 1 },
  // workload
  { path: "workload.batch", key: "b", kind: int(1, 1e6), since: 1 },
  { path: "workload.promptTokens", key: "pt", kind: int(0, TOKENS), since: 1 },
  { path: "workload.outputTokens", key: "ot", kind: int(0, TOKENS), since: 1 },
  { path: "workload.prefillBatch", key: "bp", kind: int(1, 1e6), since: 1 },
  // precision
  { path: "precision.weights", key: "w", kind: oneOf(PRECISIONS), since: 1 },
  { path: "precision.kvCache", key: "kc", kind: oneOf(PRECISIONS), since: 1 },
  { path: "precision.activations", key: "a", kind: oneOf(PRECISIONS), since: 1 },
  { path: "precision.weightBits", key: "wb", kind: num(0, 64), since: 1 },
  // parallelism
  { path: "parallelism.layout", key: "ly", kind: oneOf(LAYOUTS), since: 1 },
  { path: "parallelism.attentionSharding", key: "sh", kind: oneOf(ATTENTION_SHARDINGS), since: 1 },
  { path: "parallelism.experts", key: "ep", kind: oneOf(EXPERT_PARALLELISMS), since: 1 },
  // mode, efficiency, sparsity
  { path: "mode", key: "mo", kind: oneOf(["realistic", "ideal"]), since: 1 },
  { path: "efficiency.compute", key: "ec", kind: num(0, 1), since: 1 },
  { path: "efficiency.memory", key: "em", kind: num(0, 1), since: 1 },
  { path: "efficiency.network", key: "en", kind: num(0, 1), since: 1 },
  { path: "sparsity.weights", key: "sp", kind: oneOf(["none", "2:4"]), since: 1 },
  // speculative decoding what-if
  { path: "speculative.draftPreset", key: "dm", kind: { type: "preset", block: "model" }, since: 1 },
  { path: "speculative.draftParams", key: "dp", kind: num(1e6, 1e13, false), since: 1 },
  { path: "speculative.draftTokens", key: "dk", kind: int(1, 32), since: 1 },
  { path: "speculative.acceptanceRate", key: "da", kind: num(0, 1, false), since: 1 },
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
    case "int":
    case "num":
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
    case "int":
    case "num": {
      const s = raw.trim();
      const whole = kind.type === "int";
      const above = kind.type === "num" && kind.minExclusive;
      const range = above
        ? `above ${formatNumber(kind.min)} and at most ${formatNumber(kind.max)}`
        : `from ${formatNumber(kind.min)} to ${formatNumber(kind.max)}`;
      const expected = `must be a ${whole ? "whole number" : "number"} ${range}`;
      if (!NUMBER_SYNTAX.test(s)) return { ok: false, problem: expected };
      const n = Number(s);
      if (!Number.isFinite(n) || (whole && !Number.isInteger(n))) return { ok: false, problem: expected };
      if ((above ? n <= kind.min : n < kind.min) || n > kind.max) return { ok: false, problem: expected };
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
