/** The headline cost: pure arithmetic on a report (no imports at run time, so the page can call it). */
import type { Report } from "./types";

/**
 * The all-in cost per million output tokens split by phase (USD, or chip-seconds without a price):
 * prefill = price/3600 × chips × prefill time ÷ (batch × output tokens) × 10⁶, decode the same with
 * decode time; the two add up to total.costPerMillionOutputTokensAllIn (CONTRACT "Cost").
 */
export interface AllInCost {
  unit: "usd" | "chip-s";
  total: number;
  prefill: number;
  decode: number;
}

export function allInCost(r: Report): AllInCost {
  const t = r.total;
  const usd = t.costPerMillionOutputTokensAllIn !== null && t.costPerMillionOutputTokens !== null;
  const total = usd ? (t.costPerMillionOutputTokensAllIn as number) : t.chipSecondsPerMillionOutputTokensAllIn;
  const decode = usd ? (t.costPerMillionOutputTokens as number) : t.chipSecondsPerMillionOutputTokens;
  // decode-only is the same chip-time formula over decode time alone, so prefill is the rest
  return { unit: usd ? "usd" : "chip-s", total, prefill: total - decode, decode };
}

