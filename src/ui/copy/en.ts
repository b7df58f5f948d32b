/** Every user-facing sentence of the page, keyed by id (shared/STYLE.md 3.7). */
export const COPY = {
  title: "Inference Cost Explorer",
  tagline: "What it costs to serve a transformer: memory, time per token, and what bounds it.",
  copyLink: "Copy link",
  copied: "Link copied",
  copyFailed: "Copy this link:",
  linkIgnored: "Part of this link could not be used and was ignored; every other field was kept:",
  inputProblems: "Some inputs were adjusted:",
  dismiss: "Dismiss",
  unitsNote: "Memory is in decimal units: 1 GB = 10⁹ bytes (an “80 GB” H100 holds 85.9 GB = 80 GiB).",
  derivedRule:
    "Derived shape (Llama-style): SwiGLU FFN, RMSNorm, head size 64 below d_model 2,560 and 128 above; " +
    "GQA with 8 KV heads from 16 heads up; layers ≈ d_model / 128; d_ff sized so the count matches (≈ 8/3 · d_model).",
  modeIdeal: "Ideal: the pure roofline bound, efficiencies 1 and no fixed overheads.",
  modeRealistic: "Realistic: calibrated efficiencies and fixed per-step overheads.",
  computing: "Computing…",
  noResult: "No result for these inputs.",
  chartLoading: "Loading chart…",
  chartEmpty: "No chart for these inputs.",
  insightsTitle: "Why it costs what it costs",
  tabRoofline: "Roofline",
  tabAttention: "Attention",
  tabCapacity: "Capacity",
  tabFrontier: "Latency vs cost",
  rooflineIntro:
    "Each operation reads bytes and does FLOPs. Left of the ridge it waits on memory (the sloped roof); right of it, on the arithmetic units (the flat roof). Circles: whole passes; triangles: attention projections; squares: feed-forward; diamonds: attention over the context.",
  attentionIntro:
    "Attention compares every token with every earlier one, so a prefill's attention grows with the square of the prompt while the weight matmuls grow linearly; a decode step's attention grows linearly with the context while its matmuls stay fixed.",
  flashOn: "FlashAttention on: the score matrices stay in on-chip memory and never reach HBM.",
  flashOff: "Without FlashAttention, every layer writes and reads its score and probability matrices in HBM (counted in the time to first token, memory and fit above):",
  kvVariantsTitle: "KV cache per token for this model's shape, by attention variant",
  capacityIntro:
    "Weights are paid once per chip; the KV cache grows with batch × context. Where the stack crosses the capacity line the scenario no longer fits; more chips move the limit up.",
  frontierIntro:
    "Every layout that fits, from 1 to 64 chips, batch 1 to 1,024 and several weight precisions. More chips cut the time per token, but each chip is paid for: cost per token falls only by batching more. Click a point, or a frontier entry below, to load it.",
  frontierComputing: "Sweeping chips, batch and precision…",
  frontierListTitle: "Points on the frontier (fastest first)",
  frontierCaveat:
    "Cost here assumes every chip is busy all the time at its hourly price: a floor. Real serving adds idle time between requests, queueing and a latency target, which push it up.",
  startLesson: "New here? Take the 6-step guided lesson →",
} as const;

/** One-line tooltips for every "why?" term, keyed by the core's TermId (shared with lessons). */
export const TERM_TIPS: Record<string, string> = {
  ttft: "How long the user waits for the first token: the prompt's prefill for the whole batch.",
  tpot: "Time between two output tokens: one decode step, which must read every weight and the whole KV cache.",
  throughput: "Output tokens per second for the whole batch, counting prefill and decode.",
  weights: "Bytes of parameters; every decode step reads all of them once, whatever the batch.",
  "kv-cache": "Keys and values kept for every earlier token of every sequence; read in full at each decode step.",
  "memory-per-chip": "What one chip must hold: its share of the weights, its share of the KV cache, activations and runtime reserve.",
  "cost-output": "What a million generated tokens cost at the chips' hourly price, all-in: the whole request (prefill and decode) charged to them.",
  "cost-input": "What a million prompt tokens cost to prefill.",
  mfu: "The share of the chips' peak FLOP/s spent on the model's own matmuls.",
  mbu: "The share of memory bandwidth spent moving the bytes a decode step needs.",
  ridge: "The arithmetic intensity at which memory time equals compute time.",
  "critical-batch": "The batch at which decode's weight matmuls stop waiting on memory.",
  crossover: "The context at which attention's FLOPs equal all the weight matmuls'.",
};

/** The on-screen name of each input field, by its contract path: messages name fields the way the page labels them. */
export const FIELD_LABELS: Record<string, string> = {
  "model.preset": "Model preset",
  "model.params": "Parameters",
  "model.layers": "Layers",
  "model.dModel": "Model width",
  "model.heads": "Attention heads",
  "model.kvHeads": "KV heads",
  "model.headDim": "Head size",
  "model.dFF": "Feed-forward width",
  "model.vocab": "Vocabulary",
  "model.contextWindow": "Context window",
  "hardware.preset": "Accelerator",
  "hardware.chips": "Chips",
  "hardware.memoryBytes": "Memory",
  "hardware.memoryBandwidth": "Memory bandwidth",
  "hardware.interconnectBandwidth": "Interconnect",
  "hardware.pricePerHour": "Price",
  "hardware.powerWatts": "Power",
  "hardware.peakFlops.fp32": "Peak fp32 FLOP/s",
  "hardware.peakFlops.bf16": "Peak bf16 FLOP/s",
  "hardware.peakFlops.fp16": "Peak fp16 FLOP/s",
  "hardware.peakFlops.fp8": "Peak fp8 FLOP/s",
  "hardware.peakFlops.int8": "Peak int8 OP/s",
  "hardware.peakFlops.int4": "Peak int4 OP/s",
  "hardware.peakFlops.fp4": "Peak fp4 FLOP/s",
  "hardware.achievable.compute": "Achievable compute",
  "hardware.achievable.memory": "Achievable memory bandwidth",
  "workload.batch": "Batch size",
  "workload.promptTokens": "Prompt tokens",
  "workload.outputTokens": "Output tokens",
  "workload.prefillBatch": "Prefill batch",
  "precision.weights": "Weight precision",
  "precision.kvCache": "KV cache precision",
  "precision.activations": "Activation (math) precision",
  "precision.weightBits": "Bits per weight",
  "parallelism.layout": "Feed-forward layout",
  "parallelism.attentionSharding": "Attention sharding",
  "parallelism.experts": "Experts",
  "sparsity.weights": "Weight sparsity",
  "efficiency.compute": "Compute efficiency",
  "efficiency.memory": "Memory efficiency",
  "efficiency.network": "Network efficiency",
  "speculative.draftPreset": "Draft model",
  "speculative.draftTokens": "Draft tokens per step",
  "speculative.acceptanceRate": "Acceptance rate",
  flashAttention: "Prefill attention kernel",
  mode: "Efficiency",
  engine: "Serving engine",
  "serving.requestRate": "Request rate",
  "serving.concurrency": "Concurrent clients",
  "serving.replicas": "Replicas",
  "serving.requests": "Requests simulated",
  "serving.seed": "Random seed",
  "serving.dataset": "Traffic",
  "serving.slo.ttftS": "Time-to-first-token target",
  "serving.slo.tpotS": "Time-per-output-token target",
  "serving.slo.percentile": "SLO percentile",
};

/** "workload.batch" → "Batch size"; an unlisted path → its last part in words ("hardware.fastDomainChips" → "fast domain chips"). */
export function fieldLabel(path: string): string {
  const known = FIELD_LABELS[path];
  if (known) return known;
  const last = path.split(".").pop() ?? path;
  const words = last.replace(/([A-Z])/g, " $1").toLowerCase().trim();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/**
 * A link or input warning in a reader's words: "workload.batch: must be …" → "Batch size must be …".
 * A prefix that is a link key rather than a field ("zz: unknown key", "cmp: …") is the reader's own
 * text and stays as written.
 */
export function inWords(warning: string): string {
  const m = /^([A-Za-z_][\w]*(?:\.[\w]+)*): ([\s\S]*)$/.exec(warning);
  if (!m) return warning;
  const [, path, rest] = m as unknown as [string, string, string];
  // a link key ("cmp: workload.batch: …") keeps its name; what follows is read in words too
  return path.includes(".") || Object.hasOwn(FIELD_LABELS, path) ? `${fieldLabel(path)} ${rest}` : `${path}: ${inWords(rest)}`;
}
