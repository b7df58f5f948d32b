/**
 * Named selectors: components read the store only through these. Derived values are computed
 * here, never stored. Labels only: every number comes from the core's report.
 */
import { HARDWARE_PRESETS } from "../core/hardware/presets";
import { MODEL_PRESETS } from "../core/model/presets";
import type { Bottleneck, Report } from "../core";
import type { CalculatorState } from "./store";
import type { Analysis } from "../worker/protocol";

export const selectInput = (s: CalculatorState) => s.input;
export const selectAnalysis = (s: CalculatorState) => s.result.analysis;
export const selectReport = (s: CalculatorState) => s.result.analysis?.report ?? null;
/** The numbers and roofline computed ahead for the current input, until the full analysis replaces them. */
export const selectAhead = (s: CalculatorState) => (s.result.headline && s.result.headline.input === s.input ? s.result.headline : null);
/**
 * The report the headline numbers show: the one computed ahead for this very input when there is
 * one (it lands in the input's own frame), else the latest full analysis.
 */
export const selectHeadline = (s: CalculatorState) => selectAhead(s)?.report ?? selectReport(s);
export const selectScenario = (s: CalculatorState) => s.result.analysis?.scenario ?? null;
export const selectSweep = (s: CalculatorState) => s.result.analysis?.sweep ?? null;
export const selectEvaluator = (s: CalculatorState) => s.result.evaluator;
export const selectPending = (s: CalculatorState) => s.result.pending;
export const selectInsights = (s: CalculatorState) => s.result.analysis?.insights ?? null;
export const selectTerms = (s: CalculatorState) => s.result.analysis?.insights?.terms ?? null;
export const selectFrontier = (s: CalculatorState) => s.result.frontier ?? null;
export const selectLesson = (s: CalculatorState) => s.lesson;

export type BadgeKind = Bottleneck | "host" | "does-not-fit";

export interface Badge {
  kind: BadgeKind;
  text: string;
  /** Why, in one sentence. */
  detail: string;
}

const BOUND_TEXT: Record<Bottleneck, string> = {
  memory: "memory-bound",
  compute: "compute-bound",
  network: "network-bound",
};

/** The headline verdict: does not fit, else what bounds the decode step (where serving spends its time). */
export function badgeFor(report: Report | null): Badge | null {
  if (!report) return null;
  if (!report.memory.fits) {
    return { kind: "does-not-fit", text: "does not fit", detail: "One chip must hold more than its memory." };
  }
  const b = report.decode.bottleneck;
  if (report.decode.hostBound) {
    return {
      kind: "host",
      text: "host-bound",
      detail: `Decode is host-bound: with CUDA graphs off, the host issuing every kernel takes longer than the GPU's ${BOUND_TEXT[b]} step; prefill is ${report.prefill.hostBound ? "host-bound" : BOUND_TEXT[report.prefill.bottleneck]}.`,
    };
  }
  return {
    kind: b,
    text: BOUND_TEXT[b],
    detail: `Decode is ${BOUND_TEXT[b]}; prefill is ${BOUND_TEXT[report.prefill.bottleneck]}.`,
  };
}


export interface Notice {
  id: string;
  /** "link": the share link had fields that were ignored; "input": the scenario has a problem. */
  kind: "link" | "input" | "error";
  text: string;
  /** Input problems: the field's contract path and the message alone (the page names the field by its label). */
  field?: string;
  message?: string;
}

/** Everything the page must tell the user about the input, each message naming its field. */
export function noticesFor(linkWarnings: string[], linkDismissed: boolean, analysis: Pick<Analysis, "issues" | "error"> | null): Notice[] {
  const out: Notice[] = [];
  if (!linkDismissed) linkWarnings.forEach((w, i) => out.push({ id: `link-${i}`, kind: "link", text: w }));
  if (analysis) {
    analysis.issues.forEach((iss, i) => out.push({ id: `issue-${i}`, kind: "input", text: `${iss.path}: ${iss.message}`, field: iss.path, message: iss.message }));
    if (analysis.error) out.push({ id: "error", kind: "error", text: analysis.error });
  }
  return out;
}

/** Short names of a preset's uncertain fields ("peakFlops.bf16" → "bf16 FLOP/s"), or null when none. */
function uncertainText(fields: readonly string[] | undefined): string | null {
  if (!fields?.length) return null;
  const short = (f: string) =>
    f.startsWith("peakFlops.") ? `${f.slice(10)} FLOP/s` : f === "pricePerHour" ? "price" : f.replace(/\./g, " ").replace(/[A-Z]/g, (c) => ` ${c.toLowerCase()}`);
  return [...new Set(fields.map(short))].join(", ");
}

/** Preset choices for the pickers (id and a readable label that says which figures are uncertain). */
export const MODEL_OPTIONS = MODEL_PRESETS.map((p) => ({
  id: p.id,
  label: p.shape.name || p.id,
  uncertain: uncertainText(p.uncertain),
}));

export const HARDWARE_OPTIONS = HARDWARE_PRESETS.map((p) => ({
  id: p.id,
  label: p.spec.name || p.id,
  uncertain: uncertainText(p.uncertain),
}));
