/**
 * Hugging Face `config.json` → a ModelInput (the contract's model block), for the Llama, Mistral,
 * Qwen2/Qwen2-MoE/Qwen3/Qwen3-MoE, Gemma/Gemma 2, Mixtral, DeepSeek-V2/V3, gpt-oss and Phi-3
 * families. Detects grouped-query attention, mixture of experts, multi-head latent attention
 * and sliding-window attention. Unknown fields are ignored; a missing or malformed required field
 * is named in the message. Works on text alone (no network), never throws.
 *
 * Field names follow transformers' configuration classes (`hidden_size`, `num_hidden_layers`,
 * `num_key_value_heads`, `intermediate_size`, `moe_intermediate_size`, `kv_lora_rank`, …).
 */
import type { FfnKind, ModelInput } from "../types";
import { resolveScenario } from "../scenario";

/** Largest config text read (bytes of UTF-16 text); real configs are a few kilobytes. */
export const MAX_CONFIG_CHARS = 1_000_000;

export interface ImportedModel {
  model: ModelInput;
  /** The family it was read as (the config's `model_type`, or "llama-like"). */
  family: string;
  /** What was detected, in words: "grouped-query attention (32 heads, 8 KV heads)", "MoE …". */
  detected: string[];
  /** Things worth knowing: defaults assumed, fields read but not modelled. */
  notes: string[];
}

export type ImportResult = { ok: true; value: ImportedModel } | { ok: false; error: string };

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === "object" && v !== null && !Array.isArray(v);

class ImportError extends Error {}

const KNOWN_FAMILIES = new Set([
  "llama",
  "mistral",
  "qwen2",
  "qwen2_moe",
  "qwen3",
  "qwen3_moe",
  "gemma",
  "gemma2",
  "mixtral",
  "deepseek_v2",
  "deepseek_v3",
  "gpt_oss",
  "phi3",
]);

/** Families whose transformers config class defaults `tie_word_embeddings` to true. */
const TIED_BY_DEFAULT = new Set(["gemma", "gemma2"]);

/** One-line, control-free rendering of a value for a message. */
function show(v: unknown): string {
  // JSON.parse reads 1e400 as Infinity, which JSON.stringify writes as "null"
  if (typeof v === "number" && !Number.isFinite(v)) return Number.isNaN(v) ? "NaN" : "a number beyond double precision";
  let s: string;
  try {
    s = typeof v === "string" ? JSON.stringify(v) : (JSON.stringify(v) ?? String(v));
  } catch {
    s = String(v);
  }
  // eslint-disable-next-line no-control-regex -- control characters are exactly what is removed
  s = s.replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]/g, " ");
  return s.length > 40 ? `${s.slice(0, 40)}…` : s;
}

function own(o: Obj, key: string): unknown {
  return Object.prototype.hasOwnProperty.call(o, key) ? o[key] : undefined;
}

/** A whole number field: the first present of `keys`; required ones throw a message naming the field. */
function intField(o: Obj, keys: string[], what: string, opts: { required: true; min?: number }): number;
function intField(o: Obj, keys: string[], what: string, opts?: { required?: boolean; min?: number }): number | undefined;
function intField(o: Obj, keys: string[], what: string, opts: { required?: boolean; min?: number } = {}): number | undefined {
  const min = opts.min ?? 1;
  for (const k of keys) {
    const v = own(o, k);
    if (v === undefined || v === null) continue;
    if (typeof v !== "number" || !Number.isInteger(v) || v < min || v > 1e9) {
      throw new ImportError(`config.json: "${k}" (${what}) must be a whole number of at least ${min} (got ${show(v)})`);
    }
    return v;
  }
  if (opts.required) throw new ImportError(`config.json: missing required field "${keys[0]}" (${what})`);
  return undefined;
}

function boolField(o: Obj, key: string): boolean | undefined {
  const v = own(o, key);
  if (v === undefined || v === null) return undefined;
  if (typeof v !== "boolean") throw new ImportError(`config.json: "${key}" must be true or false (got ${show(v)})`);
  return v;
}

function stringField(o: Obj, key: string): string | undefined {
  const v = own(o, key);
  return typeof v === "string" ? v : undefined;
}

/** Sliding-window layers from `layer_types` (transformers ≥ 4.53) or the family's convention. */
function slidingPattern(o: Obj, family: string): "all" | "alternate" | null {
  const types = own(o, "layer_types");
  if (Array.isArray(types) && types.length > 0) {
    const sliding = types.filter((t) => t === "sliding_attention").length;
    if (sliding === 0) return null;
    return sliding === types.length ? "all" : "alternate";
  }
  if (family === "gemma2" || family === "gpt_oss") return "alternate";
  return "all";
}

function readModel(root: Obj, nameHint: string | undefined): ImportedModel {
  // Multimodal wrappers keep the language model's fields in `text_config`.
  const text = own(root, "text_config");
  const o: Obj = isObj(text) ? { ...root, ...text } : root;
  const modelType = stringField(o, "model_type")?.toLowerCase() ?? "";
  const family = KNOWN_FAMILIES.has(modelType) ? modelType : "llama-like";
  const notes: string[] = [];
  const detected: string[] = [];
  if (family === "llama-like") {
    notes.push(modelType ? `model_type "${show(modelType).slice(1, -1)}" is not one of the known families; read as a Llama-style decoder` : "no model_type; read as a Llama-style decoder");
  }

  const dModel = intField(o, ["hidden_size", "n_embd", "d_model"], "the model width", { required: true });
  const layers = intField(o, ["num_hidden_layers", "n_layer", "num_layers"], "the number of layers", { required: true });
  const heads = intField(o, ["num_attention_heads", "n_head"], "the number of attention heads", { required: true });
  const vocab = intField(o, ["vocab_size"], "the vocabulary size", { required: true });
  const kvGiven = intField(o, ["num_key_value_heads", "n_head_kv", "num_kv_heads"], "the number of key/value heads");
  const kvHeads = kvGiven ?? heads;
  if (kvGiven === undefined) notes.push("no num_key_value_heads: every head has its own K and V (multi-head attention)");
  if (kvHeads > heads) throw new ImportError(`config.json: "num_key_value_heads" (${kvHeads}) must not exceed "num_attention_heads" (${heads})`);
  let headDim = intField(o, ["head_dim"], "the width of one attention head");
  if (headDim === undefined) {
    if (dModel % heads !== 0) throw new ImportError(`config.json: missing "head_dim", and hidden_size ${dModel} is not a multiple of num_attention_heads ${heads}`);
    headDim = dModel / heads;
  }

  // --- mixture of experts ---------------------------------------------------------------------
  const experts = intField(o, ["num_local_experts", "n_routed_experts", "num_experts"], "the number of routed experts");
  const active = intField(o, ["num_experts_per_tok", "experts_per_token", "num_experts_per_token"], "the experts chosen per token");
  const moeWidth = intField(o, ["moe_intermediate_size"], "the width of one expert");
  const isMoe = experts !== undefined && experts > 1;
  const denseWidth = intField(o, ["intermediate_size", "n_inner", "ffn_dim"], "the feed-forward width", { required: !isMoe || moeWidth === undefined });

  let moe: ModelInput["moe"];
  let dFF = denseWidth ?? moeWidth ?? 0;
  if (isMoe) {
    if (active === undefined) throw new ImportError(`config.json: missing required field "num_experts_per_tok" (the experts chosen per token) for a mixture-of-experts model`);
    if (active > experts) throw new ImportError(`config.json: "num_experts_per_tok" (${active}) must not exceed the ${experts} routed experts`);
    const shared = intField(o, ["n_shared_experts"], "the number of shared experts", { min: 0 }) ?? 0;
    const denseLayers = Math.min(layers, intField(o, ["first_k_dense_replace"], "the number of leading dense layers", { min: 0 }) ?? 0);
    const dFFExpert = moeWidth ?? denseWidth!;
    if (denseLayers === 0) dFF = dFFExpert; // no dense layer: the dense width is unused
    moe = { experts, activeExperts: active, sharedExperts: shared, dFFExpert, denseLayers };
    detected.push(`mixture of experts: ${experts} routed experts, ${active} per token${shared ? `, ${shared} shared` : ""}${denseLayers ? `, first ${denseLayers} layers dense` : ""}`);
    const sharedWidth = intField(o, ["shared_expert_intermediate_size"], "the shared expert's width");
    if (sharedWidth !== undefined) {
      moe.sharedExperts = Math.max(1, Math.round(sharedWidth / dFFExpert));
      notes.push(`shared expert of width ${sharedWidth} modelled as ${moe.sharedExperts} expert(s) of width ${dFFExpert}`);
    }
    const step = intField(o, ["decoder_sparse_step"], "the MoE layer step");
    if (step !== undefined && step > 1) notes.push(`decoder_sparse_step ${step}: modelled as MoE in every layer`);
    const mlpOnly = own(o, "mlp_only_layers");
    if (Array.isArray(mlpOnly) && mlpOnly.length > 0) notes.push(`mlp_only_layers (${mlpOnly.length}) not modelled: every layer counted as MoE`);
  } else if (dFF < 1) {
    throw new ImportError(`config.json: missing required field "intermediate_size" (the feed-forward width)`);
  }

  // --- attention --------------------------------------------------------------------------------
  let mla: ModelInput["mla"];
  const kvLoraRank = intField(o, ["kv_lora_rank"], "the MLA latent width");
  if (kvLoraRank !== undefined) {
    const qkRope = intField(o, ["qk_rope_head_dim"], "the decoupled RoPE key width", { required: true, min: 0 });
    const qkNope = intField(o, ["qk_nope_head_dim"], "the non-RoPE query/key width", { required: true, min: 0 });
    const vHead = intField(o, ["v_head_dim"], "the value head width", { required: true });
    const qLora = intField(o, ["q_lora_rank"], "the query low-rank width", { min: 0 }) ?? 0;
    mla = { kvLoraRank, qkRopeHeadDim: qkRope, qLoraRank: qLora, qkNopeHeadDim: qkNope, vHeadDim: vHead };
    headDim = vHead;
    detected.push(`multi-head latent attention: ${kvLoraRank} + ${qkRope} cached values per layer per token`);
  } else if (kvHeads === heads) {
    detected.push(`multi-head attention (${heads} heads)`);
  } else if (kvHeads === 1) {
    detected.push(`multi-query attention (${heads} heads share 1 K/V head)`);
  } else {
    detected.push(`grouped-query attention (${heads} heads, ${kvHeads} KV heads)`);
  }

  let slidingWindow: ModelInput["slidingWindow"];
  const windowRaw = own(o, "sliding_window");
  const useSliding = boolField(o, "use_sliding_window");
  if (windowRaw !== undefined && windowRaw !== null && useSliding !== false) {
    const window = intField(o, ["sliding_window"], "the attention window in tokens");
    const pattern = slidingPattern(o, family);
    if (window !== undefined && pattern) {
      slidingWindow = { window, layers: pattern };
      detected.push(`sliding-window attention: ${window} tokens, ${pattern === "all" ? "every layer" : "alternate layers"}`);
      if (family === "phi3") notes.push("Phi-3's sliding_window is enforced by some runtimes and not others");
    }
  }

  // --- everything else --------------------------------------------------------------------------
  const act = (stringField(o, "hidden_act") ?? stringField(o, "hidden_activation") ?? "silu").toLowerCase();
  const gated = family !== "llama-like" || !/^gelu(_new|_pytorch_tanh)?$/.test(act) || own(o, "intermediate_size") !== undefined;
  const ffn: FfnKind = gated ? "swiglu" : "gelu";
  const tiedDefault = TIED_BY_DEFAULT.has(family);
  const tiedEmbeddings = boolField(o, "tie_word_embeddings") ?? tiedDefault;
  // The context window: transformers' max_position_embeddings (GPT-2 style configs: n_positions).
  const contextWindow = intField(o, ["max_position_embeddings", "n_positions"], "the longest context in tokens");

  const model: ModelInput = {
    name: (nameHint?.trim() || stringField(o, "_name_or_path")?.trim() || modelType || "Imported model").slice(0, 200),
    layers,
    dModel,
    heads,
    kvHeads: mla ? heads : kvHeads,
    headDim,
    dFF,
    ffn,
    vocab,
    tiedEmbeddings,
    attention: mla ? "mla" : kvHeads === heads ? "mha" : kvHeads === 1 ? "mqa" : "gqa",
    parallelBlock: false,
    norm: "rmsnorm",
  };
  if (contextWindow !== undefined) {
    model.contextWindow = contextWindow;
    detected.push(`context window: ${contextWindow.toLocaleString("en-US")} tokens (max_position_embeddings)`);
  } else notes.push("no max_position_embeddings: the context window is unknown, so long prompts are not flagged");
  if (mla) model.mla = mla;
  if (moe) model.moe = moe;
  if (slidingWindow) model.slidingWindow = slidingWindow;
  if (family === "gemma2") model.normsPerLayer = 4;
  if (family === "qwen3" || family === "qwen3_moe") model.qkNorm = true;
  if (family === "qwen2" || family === "qwen2_moe") model.bias = "qkv";
  if (family === "gpt_oss") {
    model.bias = "all";
    model.attentionSinks = true;
    detected.push("attention sinks (one learned scalar per head)");
  }
  if (boolField(o, "attention_bias") === true && model.bias === undefined) model.bias = "qkv";
  const quant = own(o, "quantization_config");
  if (isObj(quant)) {
    const method = stringField(quant, "quant_method") ?? "unknown";
    notes.push(`quantization_config (${show(method).slice(1, -1)}) not applied: set the weight precision in the Precision panel`);
  }
  return { model, family, detected, notes };
}

/**
 * Reads a config.json text (or an already parsed object) into a model block. Never throws: bad
 * JSON, a missing field or a value the calculator refuses gives `{ ok: false, error }` naming it.
 */
export function importHfConfig(input: unknown, nameHint?: string): ImportResult {
  try {
    let root: unknown = input;
    if (typeof input === "string") {
      if (input.length > MAX_CONFIG_CHARS) return { ok: false, error: `config.json: too large (${input.length} characters; at most ${MAX_CONFIG_CHARS})` };
      if (input.trim() === "") return { ok: false, error: "config.json: empty; paste the contents of a model's config.json" };
      try {
        root = JSON.parse(input.replace(/^\uFEFF/, "")); // a UTF-8 byte-order mark is not an error
      } catch (e) {
        return { ok: false, error: `config.json: not valid JSON (${show(e instanceof Error ? e.message : e).slice(1, -1)})` };
      }
    }
    if (!isObj(root)) return { ok: false, error: "config.json: must be a JSON object like {\"hidden_size\": 4096, …}" };
    const value = readModel(root, nameHint);
    // The core has the final word on limits and cross-field rules.
    const { issues } = resolveScenario({ model: value.model });
    const first = issues.find((i) => i.path.startsWith("model"));
    if (first) return { ok: false, error: `config.json gives a model the calculator refuses: ${first.path}: ${first.message}` };
    return { ok: true, value };
  } catch (e) {
    if (e instanceof ImportError) return { ok: false, error: e.message };
    return { ok: false, error: `config.json: could not be read (${show(e instanceof Error ? e.message : e).slice(1, -1)})` };
  }
}
