/**
 * Published reference cases (measurements and worked examples): running one through the model
 * and finding the one nearest to a scenario. Generic: the cases are data loaded from outside
 * src/ (validation/public_cases.json); nothing here knows any case.
 */
import { evaluateInput } from "./evaluateInput";
import { paramCount } from "./model/shape";
import { resolveScenario } from "./scenario";
import { mixedIterationS, type MixedIteration } from "./serving/iteration";
import type { Report, Scenario } from "./types";

export interface ReferenceCase {
  id: string;
  source: string;
  kind: "analytic" | "measured";
  tags: string[];
  quantity: string;
  scenario: Record<string, unknown>;
  field: string;
  transform?: { name: string; factor?: number; chips?: number; fields?: string[] };
  batch_from_report?: string;
  /**
   * One serving iteration instead of the static phases: the case's figure is the step time the
   * serving simulator charges for it (serving/iteration.ts, replicaPlan's step), read at the field
   * "iteration.stepS" (seconds). The scenario gives model, hardware, precision, mode and engine.
   */
  iteration?: MixedIteration;
  expected: number | boolean;
  unit: string;
  tolerance_pct: number;
}

export interface ReferenceResult {
  id: string;
  group: "analytic" | "measured" | "stress";
  value: number | boolean;
  /** (predicted − published) / |published| × 100; 0 or 100 for booleans. */
  errorPct: number;
  pass: boolean;
}

/** The figures a case reads its field from: the report, or for an iteration case `iteration.stepS`. */
type Figures = Report | { iteration: { stepS: number } };

function read(r: Figures, path: string): number | boolean {
  let v: unknown = r;
  for (const k of path.split(".")) v = v === null || v === undefined ? undefined : (v as Record<string, unknown>)[k];
  if (typeof v !== "number" && typeof v !== "boolean") throw new Error(`the ${"iteration" in r ? "iteration" : "report"} has no number at ${path}`);
  return v;
}

/** Runs one case as its file's format says: evaluate, read the field, transform, compare within tolerance. */
export function runReference(c: ReferenceCase): ReferenceResult {
  const first = evaluateInput(c.scenario);
  if (first.issues.length) throw new Error(`${c.id}: ${first.issues.map((i) => `${i.path}: ${i.message}`).join("; ")}`);
  // an iteration case reads its one figure from the iteration, not from the report
  let report: Figures = c.iteration ? { iteration: { stepS: mixedIterationS(first.scenario, c.iteration) } } : first.report;
  if (c.batch_from_report) {
    const b = read(report, c.batch_from_report) as number;
    const w = (c.scenario.workload ?? {}) as Record<string, unknown>;
    report = evaluateInput({ ...c.scenario, workload: { ...w, batch: Math.max(1, b) } }).report;
  }
  let value = read(report, c.field);
  const t = c.transform;
  if (typeof value === "number" && t) {
    if (t.name === "reciprocal") value = 1 / value;
    else if (t.name === "per_chip") value = value / (t.chips ?? 1);
    else if (t.name === "scale") value = value * (t.factor ?? 1);
    else if (t.name === "add_fields") for (const f of t.fields ?? []) value += read(report, f) as number;
  }
  const group = c.tags.includes("stress") ? "stress" : c.kind;
  if (typeof c.expected === "boolean" || typeof value === "boolean") {
    const pass = value === c.expected;
    return { id: c.id, group, value, errorPct: pass ? 0 : 100, pass };
  }
  const errorPct = ((value - c.expected) / Math.abs(c.expected)) * 100;
  return { id: c.id, group, value, errorPct, pass: Math.abs(errorPct) <= c.tolerance_pct };
}

/** A model's family from its name: the leading word ("Llama-3.1 70B", "Llama-2-7B" → "llama"; "PaLM 540B" → "palm"). */
export function modelFamily(name: string): string {
  return (name.toLowerCase().match(/[a-z]+/) ?? [""])[0];
}

/** A chip's part from its name ("NVIDIA H100 SXM 80GB" → "h100", "Google TPU v4" → "tpu v4"); "" when none is recognised. */
export function chipPart(name: string): string {
  const m = name.toLowerCase().match(/\b(gh200|[hab]\d{3}|mi\d{3}x?|l40s?|l4|rtx ?\d{4}|tpu v\d+\w*|m\d (?:ultra|max|pro))\b/);
  return m ? m[1]!.replace(/\s+/g, " ") : "";
}

/** What the distance compares, resolved once per case (cases are immutable data). */
const FEATURES = new WeakMap<ReferenceCase, { params: number; bandwidth: number; batch: number; chips: number; weights: string; family: string; part: string }>();
function featuresOf(c: ReferenceCase) {
  let f = FEATURES.get(c);
  if (!f) {
    const cs = resolveScenario(c.scenario).scenario;
    f = {
      params: paramCount(cs.model).total,
      bandwidth: cs.hardware.memoryBandwidth,
      batch: cs.workload.batch,
      chips: cs.hardware.chips,
      weights: cs.precision.weights,
      family: modelFamily(cs.model.name),
      part: chipPart(cs.hardware.name),
    };
    FEATURES.set(c, f);
  }
  return f;
}

/** Above this distance a figure is not "close" (e^3 ≈ 20× in model size or bandwidth alone; 8× the batch and 8× the chips is 2.1). */
export const CLOSE_DISTANCE = 3;

export interface NearestReference {
  case: ReferenceCase;
  distance: number;
  /** The same model family and the same chip as the scenario. */
  sameFamily: boolean;
  sameChip: boolean;
  /** Same family or chip, and within CLOSE_DISTANCE. */
  close: boolean;
}

/**
 * The measured case nearest to a scenario, among those of the same model family or the same chip
 * (a Llama on an H100 is not compared with PaLM on TPUs while a Llama or H100 case exists):
 * distance = |ln(params ratio)| + |ln(bandwidth ratio)| + ½|ln(batch ratio)| + ½|ln(chips ratio)|
 * + ½ if the weight precision differs (a judgement of what drives the numbers most: model size and
 * memory bandwidth, then batch and chips). Null when no case shares the family or the chip.
 */
export function nearestReference(s: Scenario, cases: readonly ReferenceCase[]): NearestReference | null {
  const lr = (a: number, b: number) => Math.abs(Math.log(Math.max(a, 1e-30) / Math.max(b, 1e-30)));
  const params = paramCount(s.model).total;
  const family = modelFamily(s.model.name);
  const part = chipPart(s.hardware.name);
  let best: NearestReference | null = null;
  for (const c of cases) {
    if (c.kind !== "measured") continue;
    const f = featuresOf(c);
    const sameFamily = family !== "" && f.family === family;
    const sameChip = part !== "" && f.part === part;
    if (!sameFamily && !sameChip) continue;
    const d =
      lr(params, f.params) +
      lr(s.hardware.memoryBandwidth, f.bandwidth) +
      0.5 * lr(s.workload.batch, f.batch) +
      0.5 * lr(s.hardware.chips, f.chips) +
      (s.precision.weights === f.weights ? 0 : 0.5);
    // the same family and chip first, then the distance
    const rank = (x: NearestReference | null) => (x ? (x.sameFamily ? 0 : 1) + (x.sameChip ? 0 : 1) : 3);
    const cand = { case: c, distance: d, sameFamily, sameChip, close: d <= CLOSE_DISTANCE };
    if (!best || rank(cand) < rank(best) || (rank(cand) === rank(best) && d < best.distance)) best = cand;
  }
  return best;
}
