/**
 * What the accuracy view needs of our own H200 runs (validation/own_h200_view.json, written by
 * calibration/to-cases.ts beside own_h200_cases.json): the runs judged in realistic mode (replayed
 * from CUDA graphs; the eager ones are host-bound and only bound ideal mode), each with only the
 * fields the view evaluates and shows, and the card and software once. The page's accuracy worker
 * imports this slim file instead of the full one (~300 kB with notes and raw figures); a test
 * checks it is exactly this projection of the full file.
 */
import type { ReferenceCase } from "../src/core";

export interface OwnCasesFile {
  environment: Record<string, unknown>;
  cases: (ReferenceCase & { notes?: string })[];
}

export interface OwnViewCase {
  id: string;
  quantity: string;
  /** "calibration": set a constant of the pytorch engine; "held-out": nothing was set from it. */
  role: "calibration" | "held-out";
  scenario: Record<string, unknown>;
  field: string;
  iteration?: ReferenceCase["iteration"];
  expected: number;
  unit: string;
  tolerance_pct: number;
}

export interface OwnView {
  format: string;
  /** The card and software, as measure.py recorded them. */
  environment: { device: string; torch: string; cudaRuntime: string; driver: string; measuredOn: string };
  source: string;
  cases: OwnViewCase[];
}

export function ownView(file: OwnCasesFile): OwnView {
  const env = file.environment;
  const judged = file.cases.filter((c) => c.tags.includes("cuda-graph"));
  const sources = new Set(judged.map((c) => c.source));
  if (sources.size !== 1) throw new Error("own runs with more than one source: the view keeps one");
  return {
    format: "The CUDA-graph runs of own_h200_cases.json with the fields the accuracy view needs. Produced by calibration/to-cases.ts; do not edit by hand.",
    environment: { device: String(env.device), torch: String(env.torch), cudaRuntime: String(env.cudaRuntime), driver: String(env.driver), measuredOn: String(env.startedAt).slice(0, 10) },
    source: [...sources][0]!,
    cases: judged.map((c) => ({
      id: c.id,
      quantity: c.quantity,
      role: c.tags.includes("calibration") ? "calibration" : "held-out",
      scenario: c.scenario,
      field: c.field,
      ...(c.iteration ? { iteration: c.iteration } : {}),
      expected: c.expected as number,
      unit: c.unit,
      tolerance_pct: c.tolerance_pct,
    })),
  };
}

/** A view case back as a reference case the core's runner takes. */
export function referenceOf(v: OwnView, c: OwnViewCase): ReferenceCase {
  return { ...c, source: v.source, kind: "measured", tags: ["own-h200", "cuda-graph", ...(c.role === "calibration" ? ["calibration"] : [])] };
}
