/**
 * Scenario input → a validated, fully resolved Scenario. Never throws: each invalid field is
 * reported as a FieldIssue naming its dotted path and is replaced by its default, so a share link
 * with one bad field keeps every valid one (the CLI refuses any issue). Blocks are zod strict
 * objects: an unknown or misspelt field is an issue naming it, never silently ignored. Every
 * number's range comes from the plausible-ranges table (limits.ts).
 */
import { formatParamsShort } from "./format";
import * as z from "zod/mini";
import { block, bool, check, describeValue, oneOf, ranged, text, type Schema } from "./fields";
import { findHardwarePreset, HARDWARE_PRESETS, type HardwarePreset } from "./hardware/presets";
import { findModelPreset } from "./model/presets";
import { deriveShape } from "./model/shape";
import { resolveServing } from "./serving/input";
import { hostLinkOf } from "./serving/hostLink";
import { engineOf } from "./engines";
import {
  ATTENTION_SHARDINGS,
  ENGINES,
  EXPERT_PARALLELISMS,
  LAYOUTS,
  PRECISIONS,
  type FieldIssue,
  type HardwareInput,
  type HardwareSpec,
  type ModelInput,
  type ModelShape,
  type Scenario,
  type ScenarioInput,
} from "./types";

import { DEFAULT_SCENARIO_INPUT } from "./defaults";

export { DEFAULT_SCENARIO_INPUT };

// ---- the input's shape (zod/mini strict objects) ---------------------------------------------

const presetId = z.string({ error: "must be a preset id (text)" });
const name = text(200);
/** mla, moe and slidingWindow may be null: "none"; so may a chip's price and power (not known). */
const nullable = (s: Schema) => z.nullable(s);

const MLA = block({
  kvLoraRank: ranged("model.mla.kvLoraRank"),
  qkRopeHeadDim: ranged("model.mla.qkRopeHeadDim"),
  qLoraRank: ranged("model.mla.qLoraRank"),
  qkNopeHeadDim: ranged("model.mla.qkNopeHeadDim"),
  vHeadDim: ranged("model.mla.vHeadDim"),
});
const MOE = block({
  experts: ranged("model.moe.experts"),
  activeExperts: ranged("model.moe.activeExperts"),
  sharedExperts: ranged("model.moe.sharedExperts"),
  dFFExpert: ranged("model.moe.dFFExpert"),
  denseLayers: ranged("model.moe.denseLayers"),
});
const WINDOW = block({ window: ranged("model.slidingWindow.window"), layers: oneOf(["all", "alternate"]) });
/** Nested blocks that must be given whole (a partial one is reported and left out). */
const WHOLE_BLOCKS = { mla: ["kvLoraRank", "qkRopeHeadDim", "qLoraRank", "qkNopeHeadDim", "vHeadDim"], moe: ["experts", "activeExperts", "sharedExperts", "dFFExpert", "denseLayers"], slidingWindow: ["window", "layers"] } as const;

const MODEL = block({
  preset: presetId,
  name,
  params: ranged("model.params"),
  layers: ranged("model.layers"),
  dModel: ranged("model.dModel"),
  heads: ranged("model.heads"),
  kvHeads: ranged("model.kvHeads"),
  headDim: ranged("model.headDim"),
  dFF: ranged("model.dFF"),
  ffn: oneOf(["swiglu", "gelu"]),
  vocab: ranged("model.vocab"),
  tiedEmbeddings: bool,
  attention: oneOf(["mha", "gqa", "mqa", "mla"]),
  parallelBlock: bool,
  mla: nullable(MLA),
  moe: nullable(MOE),
  norm: oneOf(["rmsnorm", "layernorm"]),
  normsPerLayer: ranged("model.normsPerLayer"),
  qkNorm: bool,
  bias: oneOf(["none", "qkv", "all"]),
  positionEmbeddings: ranged("model.positionEmbeddings"),
  contextWindow: ranged("model.contextWindow"),
  slidingWindow: nullable(WINDOW),
  attentionSinks: bool,
});

const HARDWARE = block({
  preset: presetId,
  name,
  chips: ranged("hardware.chips"),
  memoryBytes: ranged("hardware.memoryBytes"),
  memoryBandwidth: ranged("hardware.memoryBandwidth"),
  peakFlops: block(Object.fromEntries(PRECISIONS.map((p) => [p, ranged("hardware.peakFlops")])), "an object of FLOP/s per precision"),
  interconnectBandwidth: ranged("hardware.interconnectBandwidth"),
  pricePerHour: nullable(ranged("hardware.pricePerHour")),
  powerWatts: nullable(ranged("hardware.powerWatts")),
  fastDomainChips: ranged("hardware.fastDomainChips"),
  scaleOutBandwidth: ranged("hardware.scaleOutBandwidth"),
  topology: oneOf(["switch", "torus", "none"]),
  sparseTensorCores: bool,
  achievable: block({ compute: ranged("hardware.achievable.compute"), memory: ranged("hardware.achievable.memory") }),
});

const PRECISION = oneOf(PRECISIONS as unknown as readonly [string, ...string[]]);

const SCENARIO = block(
  {
    model: MODEL,
    hardware: HARDWARE,
    workload: block({
      batch: ranged("workload.batch"),
      promptTokens: ranged("workload.promptTokens"),
      outputTokens: ranged("workload.outputTokens"),
      prefillBatch: ranged("workload.prefillBatch"),
    }),
    precision: block({ weights: PRECISION, kvCache: PRECISION, activations: PRECISION, weightBits: ranged("precision.weightBits") }),
    parallelism: block({
      layout: oneOf(LAYOUTS as unknown as readonly [string, ...string[]]),
      attentionSharding: oneOf(ATTENTION_SHARDINGS as unknown as readonly [string, ...string[]]),
      experts: oneOf(EXPERT_PARALLELISMS as unknown as readonly [string, ...string[]]),
    }),
    mode: oneOf(["realistic", "ideal"]),
    efficiency: block({ compute: ranged("efficiency.compute"), memory: ranged("efficiency.memory"), network: ranged("efficiency.network") }),
    sparsity: block({ weights: oneOf(["none", "2:4"]) }),
    speculative: block({
      draftPreset: presetId,
      draftParams: ranged("speculative.draftParams"),
      draftTokens: ranged("speculative.draftTokens"),
      acceptanceRate: ranged("speculative.acceptanceRate"),
    }),
    // checked by its own module (serving/input.ts), with the workload's lengths as defaults
    serving: z.unknown(),
    engine: oneOf(ENGINES),
    engineOptions: block({ cudaGraphs: bool }),
    flashAttention: bool,
  },
  "a JSON object",
);

const describe = describeValue;

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


/** Identifies an unnamed chip from its datasheet figures (bandwidth and bf16 peak within 3 %). */
function matchPresetByFigures(h: HardwareInput): HardwarePreset | undefined {
  const bf16 = h.peakFlops?.bf16 ?? h.peakFlops?.fp16;
  if (!h.memoryBandwidth || !bf16) return undefined;
  const close = (a: number, b: number) => Math.abs(a - b) / b < 0.03;
  return HARDWARE_PRESETS.find((p) => {
    const pb = p.spec.peakFlops.bf16 ?? p.spec.peakFlops.fp16;
    return pb !== undefined && close(h.memoryBandwidth!, p.spec.memoryBandwidth) && close(bf16, pb);
  });
}

/**
 * One meaning for every hardware block, whatever it came from (a file, the CLI, a link): the
 * block starts from a preset and each field it gives overrides that preset's value. The preset
 * is the one named; else the one whose datasheet figures (bandwidth and bf16 peak within 3 %)
 * the block gives, so a chip described by its figures keeps its own topology, power and
 * achievable fractions; else the page's default accelerator. A partial block such as
 * {"chips": 8, "pricePerHour": 2} is therefore the default chip, eight of them, at $2;
 * "pricePerHour": null (or "powerWatts": null) says the figure is not known.
 */
function resolveHardware(raw: HardwareInput, issues: FieldIssue[]): Scenario["hardware"] {
  const named = raw.preset !== undefined ? findHardwarePreset(raw.preset) : undefined;
  if (raw.preset !== undefined && !named) issues.push({ path: "hardware.preset", message: `unknown hardware preset ${describe(raw.preset)}` });
  const base = named ?? matchPresetByFigures(raw) ?? findHardwarePreset(DEFAULT_SCENARIO_INPUT.hardware.preset)!;
  const { preset: _preset, peakFlops, achievable, ...fields } = raw;
  const spec = base.spec;
  const { pricePerHour, powerWatts, ...rest } = fields;
  const hw: HardwareSpec = {
    ...spec,
    chips: base.defaultChips ?? 1,
    ...rest,
    peakFlops: { ...spec.peakFlops, ...(peakFlops ?? {}) },
  };
  // null: the figure is not known (a chip without a price is costed in chip-seconds only)
  if (pricePerHour === null) delete hw.pricePerHour;
  else if (pricePerHour !== undefined) hw.pricePerHour = pricePerHour;
  if (powerWatts === null) delete hw.powerWatts;
  else if (powerWatts !== undefined) hw.powerWatts = powerWatts;
  if (achievable !== undefined) hw.achievable = { ...(spec.achievable ?? {}), ...achievable };
  return { ...hw, preset: base.id };
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

/** A block whose sub-block is null ("none") or only partly given: the sub-block is left out. */
function wholeBlocks(model: Record<string, unknown>, issues: FieldIssue[]): void {
  for (const [k, fields] of Object.entries(WHOLE_BLOCKS)) {
    const sub = model[k] as Record<string, unknown> | null | undefined;
    if (sub === null) {
      delete model[k];
      continue;
    }
    if (sub === undefined) continue;
    const missing = fields.filter((f) => sub[f] === undefined);
    if (missing.length === 0) continue;
    if (k === "mla" && missing.length === 1 && missing[0] === "qLoraRank") {
      model[k] = { ...sub, qLoraRank: 0 };
      continue;
    }
    issues.push({ path: `model.${k}`, message: `missing ${missing.join(", ")}; ignored` });
    delete model[k];
  }
}

/**
 * Validates and resolves a scenario input (contract JSON). Never throws. Invalid fields are
 * listed in `issues` (path + message) and take their defaults; valid fields are always kept.
 * Unknown fields are issues too ("workload.bacth: unknown field; did you mean "batch"?").
 */
export function resolveScenario(input: unknown): { scenario: Scenario; issues: FieldIssue[] } {
  const checked = check<ScenarioInput>(SCENARIO, input ?? {}, "");
  const issues = checked.issues;
  const src: ScenarioInput = checked.value ?? {};
  const model = { ...(src.model ?? {}) } as Record<string, unknown>;
  wholeBlocks(model, issues);
  const hardware = src.hardware ?? {};
  const workload = src.workload ?? {};
  const precision = src.precision ?? {};
  const parallelism = src.parallelism ?? {};
  const spec = src.speculative ?? {};

  const d = DEFAULT_SCENARIO_INPUT;
  const batch = workload.batch ?? d.workload.batch;
  const scenario: Scenario = {
    model: resolveModel(model as ModelInput as Record<string, unknown>, issues),
    hardware: resolveHardware(hardware, issues),
    workload: {
      batch,
      promptTokens: workload.promptTokens ?? d.workload.promptTokens,
      outputTokens: workload.outputTokens ?? d.workload.outputTokens,
      prefillBatch: workload.prefillBatch ?? batch,
    },
    precision: {
      weights: precision.weights ?? d.precision.weights,
      kvCache: precision.kvCache ?? d.precision.kvCache,
      activations: precision.activations ?? d.precision.activations,
      ...(precision.weightBits !== undefined ? { weightBits: precision.weightBits } : {}),
    },
    parallelism: {
      layout: parallelism.layout ?? "auto",
      attentionSharding: parallelism.attentionSharding ?? "auto",
      experts: parallelism.experts ?? "auto",
    },
    mode: src.mode ?? d.mode,
    efficiency: { ...(src.efficiency ?? {}) },
    sparsity: { weights: src.sparsity?.weights ?? "none" },
    flashAttention: src.flashAttention ?? true,
  };
  const draft = resolveDraft(spec as Record<string, unknown>, issues);
  if (draft) {
    scenario.speculative = { draft, draftTokens: spec.draftTokens ?? 4, acceptanceRate: spec.acceptanceRate ?? 0.7 };
  }
  if (src.serving !== undefined) {
    const { serving, issues: servingIssues } = resolveServing(src.serving, scenario.workload);
    issues.push(...servingIssues);
    if (serving) scenario.serving = serving;
    // a host tier needs a host link: the block's bandwidth, or the (pools') preset's figure
    const hk = serving?.hostKv;
    if (hk && hk.bandwidth === null) {
      const d = serving!.disaggregated;
      const ids = d ? [d.prefill.hardware ?? scenario.hardware.preset, d.decode.hardware ?? scenario.hardware.preset] : [scenario.hardware.preset];
      const missing = ids.find((id) => !hostLinkOf(id));
      if (ids.some((id) => !hostLinkOf(id)))
        issues.push({ path: "serving.hostKv.bandwidth", message: `needed: ${missing === undefined ? "custom hardware" : `hardware preset "${missing}"`} has no published host-link figure (give bytes/s per chip, one direction)` });
    }
  }
  if (src.engine !== undefined) scenario.engine = src.engine;
  if (src.engineOptions?.cudaGraphs !== undefined) {
    const { engine } = engineOf(scenario);
    if (src.engineOptions.cudaGraphs || engine.eagerKernelS !== undefined) scenario.engineOptions = { cudaGraphs: src.engineOptions.cudaGraphs };
    else issues.push({ path: "engineOptions.cudaGraphs", message: `${engine.label} has no CUDA-graph switch the model knows (no measurement of its steps without graphs); ignored` });
  }
  return { scenario, issues };
}
