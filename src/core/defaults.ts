/**
 * The scenario the page opens with. Its own module (no validation library), so code that needs
 * only the defaults does not pull the validator in.
 */
import type { ScenarioInput } from "./types";

/** What the page shows on first load; every omitted field falls back to these. */
export const DEFAULT_SCENARIO_INPUT = {
  model: { preset: "llama-3.1-8b" },
  hardware: { preset: "h100-sxm", chips: 1 },
  workload: { batch: 1, promptTokens: 1024, outputTokens: 256 },
  precision: { weights: "bf16", kvCache: "bf16", activations: "bf16" },
  parallelism: { layout: "auto", attentionSharding: "auto" },
  mode: "realistic",
  sparsity: { weights: "none" },
} as const satisfies ScenarioInput;
