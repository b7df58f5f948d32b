/**
 * Built-in model shapes. Values are copied (as data) from shared/reference/models.md, whose
 * source keys [M1]…[M24] are spelled out briefly in each preset's `source`.
 */
import type { ModelShape } from "../types";

/** A built-in model: its full shape plus the vendor's own parameter figures and context limit. */
export interface ModelPreset {
  id: string;
  shape: ModelShape;
  /** The vendor's stated total parameter count (often rounded, e.g. "7B" → 6.74e9 where stated). */
  officialParams: number;
  /** The vendor's stated active parameters per token (MoE only). */
  officialActiveParams?: number;
  /**
   * What the vendor's active figure counts: "all" (default) = both embedding tables, k routed +
   * shared experts, router (DeepSeek, Mixtral, Qwen); "excludes-input-embedding" = the same less
   * the input table (gpt-oss: 5.13B = paramCount().active − embedding).
   */
  officialActiveConvention?: "all" | "excludes-input-embedding";
  /** Longest context the model was released for, in tokens (also `shape.contextWindow`). */
  maxContext: number;
  /** Where maxContext comes from. */
  maxContextSource: string;
  source: string;
  notes?: string;
  /** Shape fields marked "(?)" (unconfirmed) in models.md, or otherwise in doubt. */
  uncertain?: string[];
}

type Dense = Omit<ModelShape, "attention" | "parallelBlock"> & { parallelBlock?: boolean };

/** Fills `attention` from the head counts (kvHeads = heads: MHA, 1: MQA, else GQA). */
function shape(s: Dense): ModelShape {
  const attention = s.mla ? "mla" : s.kvHeads === s.heads ? "mha" : s.kvHeads === 1 ? "mqa" : "gqa";
  return { parallelBlock: false, ...s, attention };
}

const M = {
  gpt2: "[M1] OpenAI GPT-2 HF configs (openai-community/gpt2, gpt2-xl), Radford et al. 2019; [M2] cli99/llm-analysis model configs",
  gpt3: "[M3] Brown et al. 2020, GPT-3 paper Table 2.1; [M4] AI-Hypercomputer/maxtext gpt3-175b.yml",
  opt: "[M5] Zhang et al. 2022, OPT paper Table 1 and HF facebook/opt configs; [M2] cli99/llm-analysis facebook_opt-175b.json",
  bloom: "[M6] BigScience 2022, BLOOM paper; HF bigscience/bloom config.json and model card",
  falcon40: "[M7] HF tiiuae/falcon-40b config.json, Almazrouei et al. 2023; [M22] falcon-40b checkpoint index (pytorch_model.bin.index.json)",
  falcon180: "[M7] HF tiiuae/falcon-180B config.json, Almazrouei et al. 2023; [M8] NVIDIA TensorRT-LLM performance docs (Falcon-180B checkpoint config)",
  palm: "[M9] Chowdhery et al. 2022, PaLM paper Table 1 and §2; Pope et al. 2022 official code (google-research scaling_transformer_inference_efficiency/checkpoint.py): vocab 256,128",
  llama2: "[M10] Touvron et al. 2023, Llama 2 paper and HF meta-llama/Llama-2-*-hf configs; [M4] maxtext llama2-*.yml",
  llama3: "[M11] Llama Team 2024, The Llama 3 Herd of Models, Table 3, and HF meta-llama configs; [M4] maxtext llama3/llama3.1 *.yml",
  llama32: "[M12] pytorch/torchtune llama3_2 model builders; HF meta-llama/Llama-3.2 configs",
  mistral: "[M13] Jiang et al. 2023, Mistral 7B paper Table 1; [M12] torchtune mistral builders; [M4] maxtext mistral-7b.yml",
  qwen25: "[M14] Qwen2.5 Technical Report and HF Qwen/Qwen2.5-* configs; [M12] torchtune qwen2_5 builders; [M4] maxtext qwen2.5-7b.yml",
  qwen3: "[M15] Qwen3 Technical Report Tables 1–2; [M12] torchtune qwen3 builders; [M4] maxtext qwen3-*.yml; [M23] HF Qwen/Qwen3 config.json copies",
  gemma2: "[M16] Gemma Team 2024, Gemma 2 paper and HF google/gemma-2 configs; [M12] torchtune gemma2; [M4] maxtext gemma2-*.yml; [M17] GenZ-LLM-Analyzer model sets",
  phi3: "[M18] Abdin et al. 2024, Phi-3 Technical Report and HF microsoft/Phi-3-mini configs; [M12] torchtune phi3; [M17] GenZ; [M24] Phi-3-mini-4k config.json copies",
  mixtral: "[M19] Jiang et al. 2024, Mixtral of Experts paper and Mistral AI 8x22B announcement; [M4] maxtext mixtral-8x7b/8x22b.yml",
  qwen3moe: "[M15] Qwen3 Technical Report; [M4] maxtext qwen3 MoE *.yml; [M23] HF Qwen/Qwen3-30B-A3B config.json, slime model scripts",
  deepseek: "[M20] deepseek-ai/DeepSeek-V3 inference/configs/config_671B.json, README and technical report; [M4] maxtext deepseek3-671b.yml",
  gptoss: "[M21] openai/gpt-oss gpt_oss/torch/model.py ModelConfig, README and the gpt-oss model card; [M4] maxtext gpt-oss-*.yml",
} as const;

const gpt = { ffn: "gelu", norm: "layernorm", bias: "all", tiedEmbeddings: true } as const;
const llama = { ffn: "swiglu", norm: "rmsnorm", bias: "none" } as const;

const PRESETS: readonly ModelPreset[] = [
  // --- A/B. Dense models ---
  {
    id: "gpt2",
    shape: shape({ name: "GPT-2 124M", layers: 12, dModel: 768, heads: 12, kvHeads: 12, headDim: 64, dFF: 3072, vocab: 50257, positionEmbeddings: 1024, ...gpt }),
    officialParams: 124e6,
    maxContext: 1024,
    maxContextSource: "models.md table A: 1,024 (HF config n_positions; learned positions stop there) [M1]",
    source: M.gpt2,
    notes: "Computed 124,439,808. GELU (tanh approximation), learned absolute positions, pre-LayerNorm.",
  },
  {
    id: "gpt2-xl",
    shape: shape({ name: "GPT-2 1.5B (XL)", layers: 48, dModel: 1600, heads: 25, kvHeads: 25, headDim: 64, dFF: 6400, vocab: 50257, positionEmbeddings: 1024, ...gpt }),
    officialParams: 1.5e9,
    maxContext: 1024,
    maxContextSource: "models.md table A: 1,024 (HF config n_positions; learned positions stop there) [M1]",
    source: M.gpt2,
    notes: "Official figure is the rounded \"1.5B\"; the exact count is 1,557,611,200 (3.8 % above the label).",
  },
  {
    id: "gpt3-175b",
    shape: shape({ name: "GPT-3 175B", layers: 96, dModel: 12288, heads: 96, kvHeads: 96, headDim: 128, dFF: 49152, vocab: 50257, positionEmbeddings: 2048, ...gpt }),
    officialParams: 175.0e9,
    maxContext: 2048,
    maxContextSource: "models.md table A: 2,048 (GPT-3 paper, n_ctx) [M3]",
    source: M.gpt3,
    notes:
      "Computed 174.6B; the official 175.0B is not reproduced exactly (rounding or unstated details). Layers alternate dense and locally banded sparse attention (band width unpublished); modelled as dense. Re-implementations pad the vocabulary to 50,304.",
    uncertain: ["attention"],
  },
  {
    id: "opt-175b",
    shape: shape({ name: "OPT-175B", layers: 96, dModel: 12288, heads: 96, kvHeads: 96, headDim: 128, dFF: 49152, vocab: 50272, positionEmbeddings: 2050, ...gpt }),
    officialParams: 175e9,
    maxContext: 2048,
    maxContextSource: "models.md table A: 2,048 (HF config max_position_embeddings) [M5]",
    source: M.opt,
    notes: "ReLU two-matrix FFN (modelled as the two-matrix \"gelu\" kind: same parameter count and FLOPs). Learned positions 2,048 + 2 offset rows.",
  },
  {
    id: "bloom-176b",
    shape: shape({ name: "BLOOM 176B", layers: 70, dModel: 14336, heads: 112, kvHeads: 112, headDim: 128, dFF: 57344, vocab: 250880, ...gpt }),
    officialParams: 176_247_271_424,
    maxContext: 2048,
    maxContextSource: "models.md table A: 2,048, the training length (ALiBi sets no hard limit) [M6]",
    source: M.bloom,
    notes:
      "ALiBi (no position parameters). BLOOM adds one LayerNorm after the embedding (2·d = 28,672 parameters) that ModelShape cannot express, so the computed total is 28,672 below the official 176,247,271,424. Context: 2,048 training length.",
  },
  {
    id: "falcon-40b",
    shape: shape({ name: "Falcon 40B", layers: 60, dModel: 8192, heads: 128, kvHeads: 8, headDim: 64, dFF: 32768, ffn: "gelu", vocab: 65024, tiedEmbeddings: true, parallelBlock: true, norm: "layernorm", normsPerLayer: 2, bias: "none" }),
    officialParams: 40e9,
    maxContext: 2048,
    maxContextSource: "models.md table A: 2,048 [M7]",
    source: M.falcon40,
    notes:
      "Official figure is the rounded \"40B\"; the unique (tied) count is 41,303,293,952 (3.3 % above). The checkpoint also stores a separate lm_head copy: 41,835,970,560 parameters on disk (HF lists 41.8B). Parallel attention + MLP with two LayerNorms per layer (\"new decoder architecture\").",
  },
  {
    id: "falcon-180b",
    shape: shape({ name: "Falcon 180B", layers: 80, dModel: 14848, heads: 232, kvHeads: 8, headDim: 64, dFF: 59392, ffn: "gelu", vocab: 65024, tiedEmbeddings: true, parallelBlock: true, norm: "layernorm", normsPerLayer: 2, bias: "none" }),
    officialParams: 180e9,
    maxContext: 2048,
    maxContextSource: "models.md table A: 2,048 [M7]",
    source: M.falcon180,
    notes: "178.56B if the embedding is tied (modelled), 179.52B if the checkpoint stores a separate lm_head (index not read).",
    uncertain: ["tiedEmbeddings"],
  },
  {
    id: "palm-8b",
    shape: shape({ name: "PaLM 8B", layers: 32, dModel: 4096, heads: 16, kvHeads: 1, headDim: 256, dFF: 16384, vocab: 256128, tiedEmbeddings: true, parallelBlock: true, ...llama }),
    officialParams: 8.63e9,
    maxContext: 2048,
    maxContextSource: "models.md table A: 2,048 (PaLM paper sequence length) [M9]",
    source: M.palm,
    notes:
      "Vocabulary 256,128 (Pope et al. 2022 checkpoint.py; models.md says 256,000) reproduces the published counts. LayerNorm without bias modelled as an RMSNorm-size (d) norm, one per parallel block; Pope's count (8,632,401,920) excludes norms.",
  },
  {
    id: "palm-62b",
    shape: shape({ name: "PaLM 62B", layers: 64, dModel: 8192, heads: 32, kvHeads: 1, headDim: 256, dFF: 32768, vocab: 256128, tiedEmbeddings: true, parallelBlock: true, ...llama }),
    officialParams: 62.5e9,
    maxContext: 2048,
    maxContextSource: "models.md table A: 2,048 (PaLM paper sequence length) [M9]",
    source: M.palm,
    notes: "Vocabulary 256,128 (see palm-8b). Pope's count 62,496,178,176 excludes norms.",
  },
  {
    id: "palm-540b",
    shape: shape({ name: "PaLM 540B", layers: 118, dModel: 18432, heads: 48, kvHeads: 1, headDim: 256, dFF: 73728, vocab: 256128, tiedEmbeddings: true, parallelBlock: true, ...llama }),
    officialParams: 540.35e9,
    maxContext: 2048,
    maxContextSource: "models.md table A: 2,048 (PaLM paper sequence length) [M9]",
    source: M.palm,
    notes:
      "d_attn = 48·256 = 12,288 ≠ d_model. Vocabulary 256,128 (see palm-8b). Pope's count 540,356,640,768 excludes norms (+2,193,408 with them). For inference on 64+ chips the 48 heads were padded to 64 (+17.8B parameters); not modelled.",
  },
  {
    id: "llama-2-7b",
    shape: shape({ name: "LLaMA-2 7B", layers: 32, dModel: 4096, heads: 32, kvHeads: 32, headDim: 128, dFF: 11008, vocab: 32000, tiedEmbeddings: false, ...llama }),
    officialParams: 6.74e9,
    maxContext: 4096,
    maxContextSource: "models.md table A: 4,096 (HF config max_position_embeddings) [M10]",
    source: M.llama2,
  },
  {
    id: "llama-2-13b",
    shape: shape({ name: "LLaMA-2 13B", layers: 40, dModel: 5120, heads: 40, kvHeads: 40, headDim: 128, dFF: 13824, vocab: 32000, tiedEmbeddings: false, ...llama }),
    officialParams: 13.0e9,
    maxContext: 4096,
    maxContextSource: "models.md table A: 4,096 (HF config max_position_embeddings) [M10]",
    source: M.llama2,
  },
  {
    id: "llama-2-70b",
    shape: shape({ name: "LLaMA-2 70B", layers: 80, dModel: 8192, heads: 64, kvHeads: 8, headDim: 128, dFF: 28672, vocab: 32000, tiedEmbeddings: false, ...llama }),
    officialParams: 69.0e9,
    maxContext: 4096,
    maxContextSource: "models.md table A: 4,096 (HF config max_position_embeddings) [M10]",
    source: M.llama2,
  },
  {
    id: "llama-3-8b",
    shape: shape({ name: "Llama-3 8B", layers: 32, dModel: 4096, heads: 32, kvHeads: 8, headDim: 128, dFF: 14336, vocab: 128256, tiedEmbeddings: false, ...llama }),
    officialParams: 8.03e9,
    maxContext: 8192,
    maxContextSource: "models.md table A: 8,192 for Llama 3 [M11]",
    source: M.llama3,
  },
  {
    id: "llama-3-70b",
    shape: shape({ name: "Llama-3 70B", layers: 80, dModel: 8192, heads: 64, kvHeads: 8, headDim: 128, dFF: 28672, vocab: 128256, tiedEmbeddings: false, ...llama }),
    officialParams: 70.6e9,
    maxContext: 8192,
    maxContextSource: "models.md table A: 8,192 for Llama 3 [M11]",
    source: M.llama3,
  },
  {
    id: "llama-3.1-8b",
    shape: shape({ name: "Llama-3.1 8B", layers: 32, dModel: 4096, heads: 32, kvHeads: 8, headDim: 128, dFF: 14336, vocab: 128256, tiedEmbeddings: false, ...llama }),
    officialParams: 8.03e9,
    maxContext: 131072,
    maxContextSource: "models.md table A: 131,072 for Llama 3.1 (HF config max_position_embeddings) [M11]",
    source: M.llama3,
  },
  {
    id: "llama-3.1-70b",
    shape: shape({ name: "Llama-3.1 70B", layers: 80, dModel: 8192, heads: 64, kvHeads: 8, headDim: 128, dFF: 28672, vocab: 128256, tiedEmbeddings: false, ...llama }),
    officialParams: 70.6e9,
    maxContext: 131072,
    maxContextSource: "models.md table A: 131,072 for Llama 3.1 (HF config max_position_embeddings) [M11]",
    source: M.llama3,
  },
  {
    id: "llama-3.1-405b",
    shape: shape({ name: "Llama-3.1 405B", layers: 126, dModel: 16384, heads: 128, kvHeads: 8, headDim: 128, dFF: 53248, vocab: 128256, tiedEmbeddings: false, ...llama }),
    officialParams: 405e9,
    maxContext: 131072,
    maxContextSource: "models.md table A: 131,072 (HF config max_position_embeddings) [M11]",
    source: M.llama3,
  },
  {
    id: "llama-3.2-1b",
    shape: shape({ name: "Llama-3.2 1B", layers: 16, dModel: 2048, heads: 32, kvHeads: 8, headDim: 64, dFF: 8192, vocab: 128256, tiedEmbeddings: true, ...llama }),
    officialParams: 1.23e9,
    maxContext: 131072,
    maxContextSource: "models.md table A: 131,072 (HF config max_position_embeddings) [M12]",
    source: M.llama32,
  },
  {
    id: "llama-3.2-3b",
    shape: shape({ name: "Llama-3.2 3B", layers: 28, dModel: 3072, heads: 24, kvHeads: 8, headDim: 128, dFF: 8192, vocab: 128256, tiedEmbeddings: true, ...llama }),
    officialParams: 3.21e9,
    maxContext: 131072,
    maxContextSource: "models.md table A: 131,072 (HF config max_position_embeddings) [M12]",
    source: M.llama32,
  },
  {
    id: "mistral-7b",
    shape: shape({ name: "Mistral 7B v0.1", layers: 32, dModel: 4096, heads: 32, kvHeads: 8, headDim: 128, dFF: 14336, vocab: 32000, tiedEmbeddings: false, slidingWindow: { window: 4096, layers: "all" }, ...llama }),
    officialParams: 7.24e9,
    maxContext: 8192,
    maxContextSource: "models.md table A: 8,192 trained (Mistral 7B paper Table 1; the config's max_position_embeddings says 32,768) [M13]",
    source: M.mistral,
    notes:
      "v0.1: sliding-window attention W = 4,096 on every layer (rolling KV buffer). Trained at 8,192 tokens; config max_position_embeddings 32,768. v0.2/v0.3 drop the window (θ = 1e6, 32K context; v0.3 vocab 32,768).",
  },
  {
    id: "qwen2.5-0.5b",
    shape: shape({ name: "Qwen2.5 0.5B", layers: 24, dModel: 896, heads: 14, kvHeads: 2, headDim: 64, dFF: 4864, vocab: 151936, tiedEmbeddings: true, ...llama, bias: "qkv" }),
    officialParams: 0.49e9,
    maxContext: 32768,
    maxContextSource: "models.md table A: 32,768 (config max_position_embeddings) [M14]",
    source: M.qwen25,
  },
  {
    id: "qwen2.5-7b",
    shape: shape({ name: "Qwen2.5 7B", layers: 28, dModel: 3584, heads: 28, kvHeads: 4, headDim: 128, dFF: 18944, vocab: 152064, tiedEmbeddings: false, ...llama, bias: "qkv" }),
    officialParams: 7.61e9,
    maxContext: 32768,
    maxContextSource: "models.md table A: 32,768 native (131,072 only with YaRN) [M14]",
    source: M.qwen25,
    notes: "32,768 native; 131,072 with YaRN (factor 4).",
  },
  {
    id: "qwen2.5-72b",
    shape: shape({ name: "Qwen2.5 72B", layers: 80, dModel: 8192, heads: 64, kvHeads: 8, headDim: 128, dFF: 29568, vocab: 152064, tiedEmbeddings: false, ...llama, bias: "qkv" }),
    officialParams: 72.7e9,
    maxContext: 32768,
    maxContextSource: "models.md table A: 32,768 native (131,072 only with YaRN) [M14]",
    source: M.qwen25,
    notes: "32,768 native; 131,072 with YaRN (factor 4).",
  },
  {
    id: "qwen3-0.6b",
    shape: shape({ name: "Qwen3 0.6B", layers: 28, dModel: 1024, heads: 16, kvHeads: 8, headDim: 128, dFF: 3072, vocab: 151936, tiedEmbeddings: true, qkNorm: true, ...llama }),
    officialParams: 0.6e9,
    maxContext: 32768,
    maxContextSource: "models.md table A: 32,768 (technical report; the HF config says 40,960) [M15]",
    source: M.qwen3,
    notes: "d_attn = 2,048 ≠ d_model. Config max_position_embeddings 40,960.",
  },
  {
    id: "qwen3-8b",
    shape: shape({ name: "Qwen3 8B", layers: 36, dModel: 4096, heads: 32, kvHeads: 8, headDim: 128, dFF: 12288, vocab: 151936, tiedEmbeddings: false, qkNorm: true, ...llama }),
    officialParams: 8.2e9,
    maxContext: 32768,
    maxContextSource: "models.md table A: 32,768 native (128K only with YaRN) [M15]",
    source: M.qwen3,
    notes: "32,768 native; 128K with YaRN.",
  },
  {
    id: "qwen3-32b",
    shape: shape({ name: "Qwen3 32B", layers: 64, dModel: 5120, heads: 64, kvHeads: 8, headDim: 128, dFF: 25600, vocab: 151936, tiedEmbeddings: false, qkNorm: true, ...llama }),
    officialParams: 32.8e9,
    maxContext: 32768,
    maxContextSource: "models.md table A: 32,768 native (128K only with YaRN) [M15]",
    source: M.qwen3,
    notes: "d_attn = 8,192 ≠ d_model. 32,768 native; 128K with YaRN.",
  },
  {
    id: "gemma-2-9b",
    shape: shape({ name: "Gemma 2 9B", layers: 42, dModel: 3584, heads: 16, kvHeads: 8, headDim: 256, dFF: 14336, vocab: 256000, tiedEmbeddings: true, normsPerLayer: 4, slidingWindow: { window: 4096, layers: "alternate" }, ...llama }),
    officialParams: 9e9,
    maxContext: 8192,
    maxContextSource: "models.md table A: 8,192 (HF config max_position_embeddings) [M16]",
    source: M.gemma2,
    notes:
      "Official figure is the rounded \"9B\"; the exact count is 9,241,705,984 (2.7 % above). GeGLU (tanh GELU) three-matrix FFN, modelled as the gated \"swiglu\" kind. Alternating local (window 4,096) and global layers; RMSNorm before and after attention and FFN; logit soft-caps 50 / 30.",
  },
  {
    id: "gemma-2-27b",
    shape: shape({ name: "Gemma 2 27B", layers: 46, dModel: 4608, heads: 32, kvHeads: 16, headDim: 128, dFF: 36864, vocab: 256000, tiedEmbeddings: true, normsPerLayer: 4, slidingWindow: { window: 4096, layers: "alternate" }, ...llama }),
    officialParams: 27e9,
    maxContext: 8192,
    maxContextSource: "models.md table A: 8,192 (HF config max_position_embeddings) [M16]",
    source: M.gemma2,
    notes: "d_attn = 4,096 ≠ d_model. GeGLU three-matrix FFN (\"swiglu\" kind). Alternating local (window 4,096) and global layers; 4 RMSNorms per layer.",
  },
  {
    id: "phi-3-mini",
    shape: shape({ name: "Phi-3 mini (4k)", layers: 32, dModel: 3072, heads: 32, kvHeads: 32, headDim: 96, dFF: 8192, vocab: 32064, tiedEmbeddings: false, ...llama }),
    officialParams: 3.8e9,
    maxContext: 4096,
    maxContextSource: "models.md table A: 4,096 for the -4k variant [M18]",
    source: M.phi3,
    notes:
      "The -4k config carries sliding_window 2,047, which runtimes enforce inconsistently, so no window is modelled. The -128k variant (LongRoPE) reaches 131,072 tokens.",
    uncertain: ["slidingWindow"],
  },
  // --- C/D. Mixture-of-Experts models ---
  {
    id: "mixtral-8x7b",
    shape: shape({ name: "Mixtral 8x7B", layers: 32, dModel: 4096, heads: 32, kvHeads: 8, headDim: 128, dFF: 14336, vocab: 32000, tiedEmbeddings: false, moe: { experts: 8, activeExperts: 2, sharedExperts: 0, dFFExpert: 14336, denseLayers: 0 }, ...llama }),
    officialParams: 46.7e9,
    officialActiveParams: 12.9e9,
    officialActiveConvention: "all",
    maxContext: 32768,
    maxContextSource: "models.md table C: 32,768 [M19]",
    source: M.mixtral,
    notes: "No sliding window. The active figure includes both embedding tables.",
  },
  {
    id: "mixtral-8x22b",
    shape: shape({ name: "Mixtral 8x22B", layers: 56, dModel: 6144, heads: 48, kvHeads: 8, headDim: 128, dFF: 16384, vocab: 32768, tiedEmbeddings: false, moe: { experts: 8, activeExperts: 2, sharedExperts: 0, dFFExpert: 16384, denseLayers: 0 }, ...llama }),
    officialParams: 141e9,
    officialActiveParams: 39e9,
    officialActiveConvention: "all",
    maxContext: 65536,
    maxContextSource: "models.md table C: 65,536 [M19]",
    source: M.mixtral,
    notes: "Vocabulary 32,768 (official; the earlier community conversion uses 32,000).",
  },
  {
    id: "qwen3-30b-a3b",
    shape: shape({ name: "Qwen3-30B-A3B", layers: 48, dModel: 2048, heads: 32, kvHeads: 4, headDim: 128, dFF: 768, vocab: 151936, tiedEmbeddings: false, qkNorm: true, moe: { experts: 128, activeExperts: 8, sharedExperts: 0, dFFExpert: 768, denseLayers: 0 }, ...llama }),
    officialParams: 30.5e9,
    officialActiveParams: 3.3e9,
    officialActiveConvention: "all",
    maxContext: 32768,
    maxContextSource: "models.md table C: 32,768 native (config max_position_embeddings 40,960; 128K with YaRN) [M15][M23]",
    source: M.qwen3moe,
    notes:
      "d_attn = 4,096 ≠ d_model. No dense layers, so dFF is set to the expert width. 32,768 native (config 40,960); 128K with YaRN. Official 3.3B active is rounded (computed 3.35B).",
  },
  {
    id: "qwen3-235b-a22b",
    shape: shape({ name: "Qwen3-235B-A22B", layers: 94, dModel: 4096, heads: 64, kvHeads: 4, headDim: 128, dFF: 1536, vocab: 151936, tiedEmbeddings: false, qkNorm: true, moe: { experts: 128, activeExperts: 8, sharedExperts: 0, dFFExpert: 1536, denseLayers: 0 }, ...llama }),
    officialParams: 235e9,
    officialActiveParams: 22e9,
    officialActiveConvention: "all",
    maxContext: 32768,
    maxContextSource: "models.md table C: 32,768 native (128K only with YaRN) [M15]",
    source: M.qwen3moe,
    notes: "d_attn = 8,192 ≠ d_model. No dense layers, so dFF is set to the expert width. 32,768 native; 128K with YaRN.",
  },
  {
    id: "deepseek-v3",
    shape: shape({
      name: "DeepSeek-V3 (671B)",
      layers: 61,
      dModel: 7168,
      heads: 128,
      kvHeads: 128,
      headDim: 128,
      dFF: 18432,
      vocab: 129280,
      tiedEmbeddings: false,
      mla: { kvLoraRank: 512, qkRopeHeadDim: 64, qLoraRank: 1536, qkNopeHeadDim: 128, vHeadDim: 128 },
      moe: { experts: 256, activeExperts: 8, sharedExperts: 1, dFFExpert: 2048, denseLayers: 3 },
      ...llama,
    }),
    officialParams: 671e9,
    officialActiveParams: 37e9,
    officialActiveConvention: "all",
    maxContext: 131072,
    maxContextSource: "models.md table C: 128K = 131,072 (README; the config's max_position_embeddings says 163,840) [M20]",
    source: M.deepseek,
    notes:
      "MLA: KV cache (512 + 64)·61·2 B = 70,272 B/token in BF16. heads/kvHeads/headDim hold the decompressed view (128 heads of v_head_dim 128); the mla block is authoritative. Sigmoid router, 8 groups / top-4, routed scale 2.5. The checkpoint (685B) also ships a 14B Multi-Token-Prediction module, not counted. Context 128K (config 163,840).",
    uncertain: ["headDim", "kvHeads"],
  },
  {
    id: "gpt-oss-20b",
    shape: shape({ name: "gpt-oss-20b", layers: 24, dModel: 2880, heads: 64, kvHeads: 8, headDim: 64, dFF: 2880, vocab: 201088, tiedEmbeddings: false, bias: "all", attentionSinks: true, slidingWindow: { window: 128, layers: "alternate" }, moe: { experts: 32, activeExperts: 4, sharedExperts: 0, dFFExpert: 2880, denseLayers: 0 }, ffn: "swiglu", norm: "rmsnorm" }),
    officialParams: 20.91e9,
    officialActiveParams: 3.61e9,
    officialActiveConvention: "excludes-input-embedding",
    maxContext: 131072,
    maxContextSource: "models.md table C: 131,072 (model card; YaRN ×32 from 4,096) [M21]",
    source: M.gptoss,
    notes:
      "d_attn = 4,096 ≠ d_model. Even layers: 128-token banded window; odd layers full. Biases on QKV/O, experts and router; learned per-head attention sinks. MoE weights ship in MXFP4 (≈4.25 bits). Official active (3.61B) excludes the input embedding table.",
  },
  {
    id: "gpt-oss-120b",
    shape: shape({ name: "gpt-oss-120b", layers: 36, dModel: 2880, heads: 64, kvHeads: 8, headDim: 64, dFF: 2880, vocab: 201088, tiedEmbeddings: false, bias: "all", attentionSinks: true, slidingWindow: { window: 128, layers: "alternate" }, moe: { experts: 128, activeExperts: 4, sharedExperts: 0, dFFExpert: 2880, denseLayers: 0 }, ffn: "swiglu", norm: "rmsnorm" }),
    officialParams: 116.83e9,
    officialActiveParams: 5.13e9,
    officialActiveConvention: "excludes-input-embedding",
    maxContext: 131072,
    maxContextSource: "models.md table C: 131,072 (model card; YaRN ×32 from 4,096) [M21]",
    source: M.gptoss,
    notes:
      "d_attn = 4,096 ≠ d_model. Even layers: 128-token banded window; odd layers full. Biases on QKV/O, experts and router; learned per-head attention sinks. MoE weights ship in MXFP4 (≈4.25 bits). Official active (5.13B) excludes the input embedding table (5.71B with it).",
  },
];

/** The presets, each shape carrying its context window (evaluate warns beyond it). */
export const MODEL_PRESETS: readonly ModelPreset[] = PRESETS.map((p) => ({ ...p, shape: { ...p.shape, contextWindow: p.maxContext } }));

/** The preset with this id (exact, lowercase kebab), or undefined. */
export function findModelPreset(id: string): ModelPreset | undefined {
  return MODEL_PRESETS.find((p) => p.id === id);
}
