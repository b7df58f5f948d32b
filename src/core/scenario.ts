/**
 * Scenario input → a validated, fully resolved Scenario. Never throws: each invalid field is
 * reported as a FieldIssue naming its dotted path and is replaced by its default, so a share link
 * or a CLI file with one bad field keeps every valid one.
 */
import * as z from "zod/mini";
import { findHardwarePreset, HARDWARE_PRESETS } from "./hardware/presets";
import { findModelPreset } from "./model/presets";
import { deriveShape } from "./model/shape";
import {
  ATTENTION_SHARDINGS,
  EXPERT_PARALLELISMS,
  LAYOUTS,
  PRECISIONS,
  type FieldIssue,
  type HardwareSpec,
  type ModelShape,
  type Scenario,
} from "./types";

import { DEFAULT_SCENARIO_INPUT } from "./defaults";

export { DEFAULT_SCENARIO_INPUT };

// ---- leaf validators (zod/mini) -------------------------------------------------------------

const fmtLimit = (v: number) => (Math.abs(v) >= 1e5 ? v.toExponential().replace("e+", "e") : String(v));
const int = (min: number, max: number) => {
  const error = `must be a whole number from ${fmtLimit(min)} to ${fmtLimit(max)}`;
  return z.int({ error }).check(z.gte(min, { error }), z.lte(max, { error }));
};
const num = (minExclusive: number, max: number) => {
  const error = `must be a number above ${fmtLimit(minExclusive)} and at most ${fmtLimit(max)}`;
  return z.number({ error }).check(z.gt(minExclusive, { error }), z.lte(max, { error }));
};
const oneOf = <T extends readonly [string, ...string[]]>(values: T) => z.enum(values, { error: `must be one of ${values.join(", ")}` });

type Leaf = z.ZodMiniType;
const LIMITS = { tokens: 1e8, batch: 1e6, chips: 1e6 };

const MODEL_FIELDS: Record<string, Leaf> = {
  preset: z.string({ error: "must be a preset id (text)" }),
  name: z.string({ error: "must be text of at most 200 characters" }).check(z.maxLength(200, { error: "must be text of at most 200 characters" })),
  params: z.number({ error: "must be a parameter count from 1e6 to 1e13" }).check(z.gte(1e6, { error: "must be a parameter count from 1e6 to 1e13" }), z.lte(1e13, { error: "must be a parameter count from 1e6 to 1e13" })),
  layers: int(1, 2000),
  dModel: int(1, 1e6),
  heads: int(1, 1e5),
  kvHeads: int(1, 1e5),
  headDim: int(1, 1e5),
  dFF: int(1, 1e7),
  ffn: oneOf(["swiglu", "gelu"]),
  vocab: int(1, 1e8),
  tiedEmbeddings: z.boolean({ error: "must be true or false" }),
  attention: oneOf(["mha", "gqa", "mqa", "mla"]),
  parallelBlock: z.boolean({ error: "must be true or false" }),
  norm: oneOf(["rmsnorm", "layernorm"]),
  normsPerLayer: int(0, 16),
  qkNorm: z.boolean({ error: "must be true or false" }),
  bias: oneOf(["none", "qkv", "all"]),
  positionEmbeddings: int(0, 1e8),
  attentionSinks: z.boolean({ error: "must be true or false" }),
  contextWindow: int(1, 1e9),
};
const MLA_FIELDS: Record<string, Leaf> = {
  kvLoraRank: int(1, 1e6),
  qkRopeHeadDim: int(0, 1e5),
  qLoraRank: int(0, 1e6),
  qkNopeHeadDim: int(0, 1e5),
  vHeadDim: int(1, 1e5),
};
const MOE_FIELDS: Record<string, Leaf> = {
  experts: int(1, 1e5),
  activeExperts: int(1, 1e5),
  sharedExperts: int(0, 1e4),
  dFFExpert: int(1, 1e7),
  denseLayers: int(0, 2000),
};
const WINDOW_FIELDS: Record<string, Leaf> = {
  window: int(1, LIMITS.tokens),
  layers: oneOf(["all", "alternate"]),
};
const HARDWARE_FIELDS: Record<string, Leaf> = {
  preset: z.string({ error: "must be a preset id (text)" }),
  name: z.string({ error: "must be text of at most 200 characters" }).check(z.maxLength(200, { error: "must be text of at most 200 characters" })),
  chips: int(1, LIMITS.chips),
  memoryBytes: num(0, 1e16),
  memoryBandwidth: num(0, 1e17),
  interconnectBandwidth: num(0, 1e17),
  pricePerHour: z.number({ error: "must be a number from 0 to 1e6 (USD per chip-hour)" }).check(z.gte(0, { error: "must be a number from 0 to 1e6 (USD per chip-hour)" }), z.lte(1e6, { error: "must be a number from 0 to 1e6 (USD per chip-hour)" })),
  powerWatts: num(0, 1e6),
  fastDomainChips: int(1, LIMITS.chips),
  scaleOutBandwidth: num(0, 1e17),
  topology: oneOf(["switch", "torus", "none"]),
  sparseTensorCores: z.boolean({ error: "must be true or false" }),
};
const PEAK = num(0, 1e20);
const SPECULATIVE_FIELDS: Record<string, Leaf> = {
  draftPreset: z.string({ error: "must be a preset id (text)" }),
  draftParams: z.number({ error: "must be a parameter count from 1e6 to 1e13" }).check(z.gte(1e6, { error: "must be a parameter count from 1e6 to 1e13" }), z.lte(1e13, { error: "must be a parameter count from 1e6 to 1e13" })),
  draftTokens: int(1, 32),
  acceptanceRate: z.number({ error: "must be a number from 0 to 1" }).check(z.gte(0, { error: "must be a number from 0 to 1" }), z.lte(1, { error: "must be a number from 0 to 1" })),
};
const FRACTION = num(0, 1);
const WORKLOAD_FIELDS: Record<string, Leaf> = {
  batch: int(1, LIMITS.batch),
  promptTokens: int(1, LIMITS.tokens),
  outputTokens: int(1, LIMITS.tokens),
  prefillBatch: int(1, LIMITS.batch),
};
const PRECISION = oneOf(PRECISIONS as unknown as readonly [string, ...string[]]);
const PRECISION_FIELDS: Record<string, Leaf> = {
  weights: PRECISION,
  kvCache: PRECISION,
  activations: PRECISION,
  weightBits: num(0.5, 64),
};
const PARALLEL_FIELDS: Record<string, Leaf> = {
  layout: oneOf(LAYOUTS as unknown as readonly [string, ...string[]]),
  attentionSharding: oneOf(ATTENTION_SHARDINGS as unknown as readonly [string, ...string[]]),
  experts: oneOf(EXPERT_PARALLELISMS as unknown as readonly [string, ...string[]]),
};
const EFFICIENCY_FIELDS: Record<string, Leaf> = { compute: FRACTION, memory: FRACTION, network: FRACTION };

// ---- walking the input ----------------------------------------------------------------------

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);

function describe(v: unknown): string {
  if (typeof v === "string") return JSON.stringify(v.length > 40 ? v.slice(0, 40) + "…" : v);
  if (typeof v === "number" || typeof v === "boolean" || v === null) return String(v);
  return Array.isArray(v) ? "an array" : typeof v;
}

function leafMessage(schema: Leaf, v: unknown): string {
  const r = z.safeParse(schema, v);
  if (r.success) return "";
  const issue = r.error.issues[0];
  const base = issue?.message ?? "invalid value";
  return `${base.replace(/^Invalid input: /, "")} (got ${describe(v)})`;
}

/** Copies the valid fields of `src` per `table`; reports the rest under `prefix`. */
function pick(
  src: unknown,
  table: Record<string, Leaf>,
  prefix: string,
  issues: FieldIssue[],
  nested: Record<string, Record<string, Leaf>> = {},
): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  if (src === undefined) return out;
  if (!isObject(src)) {
    issues.push({ path: prefix, message: `expected an object (got ${describe(src)})` });
    return out;
  }
  for (const [k, v] of Object.entries(src)) {
    if (v === undefined || (v === null && (k === "moe" || k === "mla" || k === "slidingWindow"))) continue;
    const path = `${prefix}.${k}`;
    const sub = nested[k];
    if (sub) {
      const o = pick(v, sub, path, issues);
      if (Object.keys(o).length) out[k] = o;
      continue;
    }
    const schema = table[k];
    if (!schema) continue; // unknown fields are ignored: the contract lets producers add fields
    const msg = leafMessage(schema, v);
    if (msg) issues.push({ path, message: msg });
    else out[k] = v;
  }
  return out;
}

function pickPeak(src: unknown, path: string, issues: FieldIssue[]): Partial<Record<string, number>> {
  const out: Record<string, number> = {};
  if (src === undefined) return out;
  if (!isObject(src)) {
    issues.push({ path, message: `expected an object of FLOP/s per precision (got ${describe(src)})` });
    return out;
  }
  for (const [k, v] of Object.entries(src)) {
    if (!(PRECISIONS as readonly string[]).includes(k)) {
      issues.push({ path: `${path}.${k}`, message: `unknown precision; expected one of ${PRECISIONS.join(", ")}` });
      continue;
    }
    const msg = leafMessage(PEAK, v);
    if (msg) issues.push({ path: `${path}.${k}`, message: msg });
    else out[k] = v as number;
  }
  return out;
}

// ---- resolution -----------------------------------------------------------------------------

function inferAttention(m: Partial<ModelShape>): ModelShape["attention"] {
  if (m.mla) return "mla";
  if (m.kvHeads === undefined || m.heads === undefined || m.kvHeads === m.heads) return "mha";
  return m.kvHeads === 1 ? "mqa" : "gqa";
}

function resolveModel(raw: Record<string, unknown>, issues: FieldIssue[]): Scenario["model"] {
  const hasShape = raw.layers !== undefined || raw.dModel !== undefined;
  const presetId = (raw.preset as string | undefined) ?? (!hasShape && raw.params === undefined ? DEFAULT_SCENARIO_INPUT.model.preset : undefined);
  let base: ModelShape | undefined;
  let derivedFromParams: number | undefined;
  if (presetId !== undefined) {
    const p = findModelPreset(presetId);
    if (p) base = p.shape;
    else issues.push({ path: "model.preset", message: `unknown model preset ${describe(presetId)}` });
  }
  if (!base && raw.params !== undefined && !hasShape) {
    derivedFromParams = raw.params as number;
    base = deriveShape(derivedFromParams);
  }
  const m: Partial<ModelShape> = { ...(base ?? {}) };
  for (const [k, v] of Object.entries(raw)) if (k !== "preset" && k !== "params") (m as Record<string, unknown>)[k] = v;
  if (base && raw.params !== undefined && (presetId !== undefined || hasShape)) {
    issues.push({ path: "model.params", message: "ignored: a preset or shape is given, and its parameters are counted from the shape" });
  }
  // Fill a partial custom shape with the conventional choices (documented in the UI).
  const dModel = m.dModel ?? 4096;
  const heads = m.heads ?? Math.max(1, Math.round(dModel / 128));
  if (m.attention === "mha" && m.kvHeads === undefined) m.kvHeads = heads;
  if (m.attention === "mqa" && m.kvHeads === undefined) m.kvHeads = 1;
  const ffn = m.ffn ?? "swiglu";
  const shape: ModelShape = {
    ...m,
    name: m.name ?? (derivedFromParams ? `Custom ${formatParamsShort(derivedFromParams)}` : "Custom model"),
    layers: m.layers ?? 32,
    dModel,
    heads,
    kvHeads: m.kvHeads ?? heads,
    headDim: m.headDim ?? Math.max(1, Math.round(dModel / heads)),
    dFF: m.dFF ?? (ffn === "swiglu" ? Math.ceil((8 * dModel) / 3 / 256) * 256 : 4 * dModel),
    ffn,
    vocab: m.vocab ?? 32000,
    tiedEmbeddings: m.tiedEmbeddings ?? false,
    attention: m.attention ?? inferAttention(m),
    parallelBlock: m.parallelBlock ?? false,
  };
  if (shape.kvHeads > shape.heads) {
    issues.push({ path: "model.kvHeads", message: `must not exceed model.heads (${shape.heads}) (got ${shape.kvHeads})` });
    shape.kvHeads = shape.heads;
  }
  if (shape.moe && shape.moe.activeExperts > shape.moe.experts) {
    issues.push({ path: "model.moe.activeExperts", message: `must not exceed model.moe.experts (${shape.moe.experts})` });
    shape.moe = { ...shape.moe, activeExperts: shape.moe.experts };
  }
  if (shape.moe && shape.moe.denseLayers > shape.layers) shape.moe = { ...shape.moe, denseLayers: shape.layers };
  if (shape.attention === "mla" && !shape.mla) {
    issues.push({ path: "model.mla", message: "attention \"mla\" needs the mla block (kvLoraRank, qkRopeHeadDim, …); using GQA" });
    shape.attention = inferAttention({ ...shape, attention: undefined } as Partial<ModelShape>);
  }
  return { ...shape, preset: base && presetId && findModelPreset(presetId) ? presetId : undefined, derivedFromParams };
}

function formatParamsShort(n: number): string {
  return n >= 1e12 ? `${+(n / 1e12).toPrecision(3)}T` : n >= 1e9 ? `${+(n / 1e9).toPrecision(3)}B` : `${+(n / 1e6).toPrecision(3)}M`;
}

/** Identifies an unnamed chip from its datasheet figures (bandwidth and bf16 peak within 3 %). */
function matchPresetByFigures(h: Partial<HardwareSpec>) {
  const bf16 = h.peakFlops?.bf16 ?? h.peakFlops?.fp16;
  if (!h.memoryBandwidth || !bf16) return undefined;
  const close = (a: number, b: number) => Math.abs(a - b) / b < 0.03;
  return HARDWARE_PRESETS.find((p) => {
    const pb = p.spec.peakFlops.bf16 ?? p.spec.peakFlops.fp16;
    return pb !== undefined && close(h.memoryBandwidth!, p.spec.memoryBandwidth) && close(bf16, pb);
  });
}

function resolveHardware(raw: Record<string, unknown>, peak: Partial<Record<string, number>>, issues: FieldIssue[]): Scenario["hardware"] {
  const presetId = raw.preset as string | undefined;
  let preset = presetId !== undefined ? findHardwarePreset(presetId) : undefined;
  if (presetId !== undefined && !preset) issues.push({ path: "hardware.preset", message: `unknown hardware preset ${describe(presetId)}` });
  const explicit = Object.keys(raw).some((k) => k !== "preset" && k !== "chips" && k !== "name") || Object.keys(peak).length > 0;
  if (!preset && !explicit) preset = findHardwarePreset(DEFAULT_SCENARIO_INPUT.hardware.preset);
  const given = { ...raw, peakFlops: Object.keys(peak).length ? peak : undefined } as Partial<HardwareSpec>;
  // A chip described only by its figures inherits the non-contract traits (topology, domain
  // size, achievable fractions) of the preset with the same datasheet figures, if any.
  const traits = preset ?? matchPresetByFigures(given);
  const fallback = findHardwarePreset(DEFAULT_SCENARIO_INPUT.hardware.preset)!.spec;
  const src = preset?.spec ?? fallback;
  const chips = (raw.chips as number | undefined) ?? preset?.defaultChips ?? 1;
  const hw: HardwareSpec = {
    ...(traits?.spec ?? {}),
    ...(preset?.spec ?? {}),
    name: (raw.name as string | undefined) ?? preset?.spec.name ?? "Custom accelerator",
    chips,
    memoryBytes: (raw.memoryBytes as number | undefined) ?? src.memoryBytes,
    memoryBandwidth: (raw.memoryBandwidth as number | undefined) ?? src.memoryBandwidth,
    peakFlops: given.peakFlops ? { ...(preset ? preset.spec.peakFlops : {}), ...given.peakFlops } : { ...src.peakFlops },
    interconnectBandwidth: (raw.interconnectBandwidth as number | undefined) ?? (preset ? preset.spec.interconnectBandwidth : traits?.spec.interconnectBandwidth ?? 32e9),
  };
  for (const k of ["pricePerHour", "powerWatts", "fastDomainChips", "scaleOutBandwidth", "topology", "sparseTensorCores", "achievable"] as const) {
    if (raw[k] !== undefined) (hw as unknown as Record<string, unknown>)[k] = raw[k];
  }
  if (!preset && raw.pricePerHour === undefined) delete hw.pricePerHour;
  if (!traits && !preset) {
    hw.topology = chips > 1 ? "switch" : "none";
    delete hw.achievable;
  }
  return { ...hw, preset: preset ? presetId : undefined };
}

/** The draft model of a speculative-decoding what-if: a preset, or a shape derived from a count. */
function resolveDraft(spec: Record<string, unknown>, issues: FieldIssue[]): ModelShape | undefined {
  if (spec.draftPreset !== undefined) {
    const p = findModelPreset(spec.draftPreset as string);
    if (p) return p.shape;
    issues.push({ path: "speculative.draftPreset", message: `unknown model preset ${describe(spec.draftPreset)}` });
    return undefined;
  }
  return spec.draftParams !== undefined ? deriveShape(spec.draftParams as number) : undefined;
}

/**
 * Validates and resolves a scenario input (contract JSON). Never throws. Invalid fields are
 * listed in `issues` (path + message) and take their defaults; valid fields are always kept.
 */
export function resolveScenario(input: unknown): { scenario: Scenario; issues: FieldIssue[] } {
  const issues: FieldIssue[] = [];
  let src: Record<string, unknown> = {};
  if (input !== undefined && input !== null) {
    if (isObject(input)) src = input;
    else issues.push({ path: "(scenario)", message: `expected a JSON object (got ${describe(input)})` });
  }
  const model = pick(src.model, MODEL_FIELDS, "model", issues, { mla: MLA_FIELDS, moe: MOE_FIELDS, slidingWindow: WINDOW_FIELDS });
  for (const [k, table] of [["mla", MLA_FIELDS], ["moe", MOE_FIELDS], ["slidingWindow", WINDOW_FIELDS]] as const) {
    if (model[k] && Object.keys(table).some((f) => (model[k] as Record<string, unknown>)[f] === undefined)) {
      const missing = Object.keys(table).filter((f) => (model[k] as Record<string, unknown>)[f] === undefined);
      if (k === "mla" && missing.length === 1 && missing[0] === "qLoraRank") {
        (model.mla as Record<string, unknown>).qLoraRank = 0;
        continue;
      }
      issues.push({ path: `model.${k}`, message: `missing ${missing.join(", ")}; ignored` });
      delete model[k];
    }
  }
  const hwSrc = src.hardware;
  const hardware = pick(hwSrc, HARDWARE_FIELDS, "hardware", issues, { achievable: { compute: num(0, 1), memory: num(0, 1) } });
  const peak = isObject(hwSrc) ? pickPeak(hwSrc.peakFlops, "hardware.peakFlops", issues) : {};
  const workload = pick(src.workload, WORKLOAD_FIELDS, "workload", issues);
  const precision = pick(src.precision, PRECISION_FIELDS, "precision", issues);
  const parallelism = pick(src.parallelism, PARALLEL_FIELDS, "parallelism", issues);
  const efficiency = pick(src.efficiency, EFFICIENCY_FIELDS, "efficiency", issues);
  const sparsity = pick(src.sparsity, { weights: oneOf(["none", "2:4"]) }, "sparsity", issues);
  const spec = pick(src.speculative, SPECULATIVE_FIELDS, "speculative", issues);
  let mode = DEFAULT_SCENARIO_INPUT.mode as Scenario["mode"];
  if (src.mode !== undefined) {
    if (src.mode === "ideal" || src.mode === "realistic") mode = src.mode;
    else issues.push({ path: "mode", message: `expected "realistic" or "ideal" (got ${describe(src.mode)})` });
  }

  const d = DEFAULT_SCENARIO_INPUT;
  const batch = (workload.batch as number | undefined) ?? d.workload.batch;
  const scenario: Scenario = {
    model: resolveModel(model, issues),
    hardware: resolveHardware(hardware, peak, issues),
    workload: {
      batch,
      promptTokens: (workload.promptTokens as number | undefined) ?? d.workload.promptTokens,
      outputTokens: (workload.outputTokens as number | undefined) ?? d.workload.outputTokens,
      prefillBatch: (workload.prefillBatch as number | undefined) ?? batch,
    },
    precision: {
      weights: (precision.weights as Scenario["precision"]["weights"] | undefined) ?? d.precision.weights,
      kvCache: (precision.kvCache as Scenario["precision"]["kvCache"] | undefined) ?? d.precision.kvCache,
      activations: (precision.activations as Scenario["precision"]["activations"] | undefined) ?? d.precision.activations,
      ...(precision.weightBits !== undefined ? { weightBits: precision.weightBits as number } : {}),
    },
    parallelism: {
      layout: (parallelism.layout as Scenario["parallelism"]["layout"] | undefined) ?? "auto",
      attentionSharding: (parallelism.attentionSharding as Scenario["parallelism"]["attentionSharding"] | undefined) ?? "auto",
      experts: (parallelism.experts as Scenario["parallelism"]["experts"] | undefined) ?? "auto",
    },
    mode,
    efficiency: efficiency as Scenario["efficiency"],
    sparsity: { weights: (sparsity.weights as "none" | "2:4" | undefined) ?? "none" },
  };
  const draft = resolveDraft(spec, issues);
  if (draft) {
    scenario.speculative = { draft, draftTokens: (spec.draftTokens as number | undefined) ?? 4, acceptanceRate: (spec.acceptanceRate as number | undefined) ?? 0.7 };
  }
  return { scenario, issues };
}
