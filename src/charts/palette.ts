/**
 * One colour per quantity, used in text, legends and charts alike (shared/STYLE.md 3.8).
 * Memory that is read each step shares the colour of the time spent reading it: the weights
 * block and "weight loading" are the same blue, the KV cache and "KV-cache reading" the same amber.
 */
export const PALETTE = {
  weights: "#2563eb", // blue-600: weights in memory; time loading them
  kvCache: "#d97706", // amber-600: KV cache in memory; time reading it
  matmulCompute: "#dc2626", // red-600: weight matmuls bound by FLOP/s
  attentionCompute: "#9333ea", // purple-600: attention bound by FLOP/s
  communication: "#0d9488", // teal-600: collectives over the interconnect
  overhead: "#64748b", // slate-500: the engine's per-kernel, per-step and per-sequence costs
  activations: "#16a34a", // green-600: transient activations
  reserve: "#cbd5e1", // slate-300: runtime reserve (CUDA context, allocator slack)
  free: "#f1f5f9", // slate-100: unused capacity
  overCapacity: "#7f1d1d", // red-900: does not fit
  prefill: "#db2777", // pink-600: the prefill phase (its roofline points, time to first token)
  decode: "#4f46e5", // indigo-600: the decode phase (its roofline points, time per token)
  roof: "#0f172a", // slate-900: the roofline itself and the ridge
  cost: "#4d7c0f", // lime-700: cost per token
} as const;

/** The colour of each "why?" term, so a number's text, its formula and its chart mark match. */
export const TERM_COLOR: Record<string, string> = {
  ttft: PALETTE.prefill,
  tpot: PALETTE.decode,
  throughput: PALETTE.decode,
  weights: PALETTE.weights,
  "kv-cache": PALETTE.kvCache,
  "memory-per-chip": PALETTE.weights,
  "cost-output": PALETTE.cost,
  "cost-input": PALETTE.cost,
  mfu: PALETTE.matmulCompute,
  mbu: PALETTE.weights,
  ridge: PALETTE.roof,
  "critical-batch": PALETTE.roof,
  crossover: PALETTE.attentionCompute,
};

export type Quantity = keyof typeof PALETTE;

/** Time components of a phase, in stacking order (bottom first), with colour and label. */
export const TIME_COMPONENTS = [
  { key: "weightLoad", label: "Weight loading", color: PALETTE.weights },
  { key: "kvRead", label: "KV-cache reading", color: PALETTE.kvCache },
  { key: "matmulCompute", label: "Matmul compute", color: PALETTE.matmulCompute },
  { key: "attentionCompute", label: "Attention compute", color: PALETTE.attentionCompute },
  { key: "communication", label: "Communication", color: PALETTE.communication },
  { key: "overhead", label: "Engine overhead", color: PALETTE.overhead },
] as const;

export type TimeComponentKey = (typeof TIME_COMPONENTS)[number]["key"];

/** Badge colours per bottleneck. */
export const BOTTLENECK_COLOR = {
  memory: PALETTE.weights,
  compute: PALETTE.matmulCompute,
  network: "#0f766e", // teal-700: white text on it keeps 4.5:1 contrast
  host: "#475569", // slate-600, the engine band's hue (slate-500) a shade darker for white text
  "does-not-fit": PALETTE.overCapacity,
} as const;
