/**
 * The headline figures of a report as the page writes them: the six cards at the top of the
 * results (time to first token, time per output token, throughput, cost, MFU, MBU) with their
 * lines underneath. One function for both writers of these cards, so they cannot disagree: the
 * results panel (React) and the cost worker, which formats the first scenario's figures for the
 * page's static shell before React has loaded (issue 16).
 */
import { allInCost, type AllInCost } from "./allIn";
import { DASH, formatPercent, formatSeconds, formatTokensPerS, formatUsd, isNum, sig } from "./format";
import type { Report } from "./types";

export interface HeadlineTexts {
  ttft: string;
  tpot: string;
  throughput: string;
  /** "whole batch, end to end …" */
  throughputSub: string;
  /** The cost card's unit, in brackets after its label. */
  costUnit: string;
  cost: string;
  /** "prefill … + decode …" */
  costSplit: string;
  /** "input alone: … per 1M" */
  costInput: string;
  mfu: string;
  mbu: string;
}

function costText(unit: AllInCost["unit"], x: number | null): string {
  if (!isNum(x)) return DASH;
  return unit === "usd" ? formatUsd(x) : `${sig(x)} chip-s`;
}

export function headlineTexts(report: Report): HeadlineTexts {
  const { prefill, decode, total } = report;
  const cost = allInCost(report);
  return {
    ttft: formatSeconds(prefill.timeS),
    tpot: formatSeconds(decode.timePerTokenS),
    throughput: formatTokensPerS(total.outputTokensPerS),
    throughputSub: `whole batch, end to end ${formatSeconds(total.timeS)}`,
    costUnit: cost.unit === "usd" ? "USD, all-in" : "no price: chip-seconds, all-in",
    cost: costText(cost.unit, cost.total),
    costSplit: `prefill ${costText(cost.unit, cost.prefill)} + decode ${costText(cost.unit, cost.decode)}`,
    costInput: `input alone: ${costText(cost.unit, cost.unit === "usd" ? total.costPerMillionInputTokens : total.chipSecondsPerMillionInputTokens)} per 1M`,
    mfu: `${formatPercent(prefill.mfu)} · ${formatPercent(decode.mfu)}`,
    mbu: formatPercent(decode.mbu),
  };
}
