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
} as const;
