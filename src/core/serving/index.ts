/**
 * The serving block of a resolved scenario, run: its lengths (a named workload with the fields
 * given over it), the replica from the core's step function, and the report's `serving` section.
 */
import type { Scenario } from "../types";
import type { LengthInput, LengthSpec, Serving } from "./input";
import { replicaPlan } from "./replica";
import { disaggregatedReport, disaggSetup } from "./disagg";
import { hostFigures, withHost } from "./offload";
import { speculativeUnderLoad } from "./speculative";
import { servingReport, type ServingReport } from "./report";
import type { LengthDist, ServingSpec } from "./simulate";
import { findWorkload } from "./workloads";

export type { ServingReport } from "./report";

/** Longest length a log-normal draw may take when none is given: the model's window, else 1e8 tokens. */
function ceiling(s: Scenario): number {
  return s.model.contextWindow ?? 1e8;
}

/** A named shape with the given fields over it (the contract: "explicit fields override it"). */
function overlay(shape: LengthDist, given: LengthInput): LengthDist {
  const dist = given.dist ?? shape.dist;
  const from = shape as Partial<Record<"mean" | "cv" | "min" | "max", number>>;
  const pickN = (k: "mean" | "cv" | "min" | "max") => given[k] ?? (given.dist === undefined || given.dist === shape.dist ? from[k] : undefined);
  if (dist === "fixed") return { dist, mean: Math.round(pickN("mean") ?? from.mean ?? 1) };
  if (dist === "uniform") return { dist, min: pickN("min") ?? 1, max: pickN("max") ?? from.mean ?? 1 };
  return { dist, mean: pickN("mean") ?? from.mean ?? 1, cv: pickN("cv") ?? 1, min: pickN("min") ?? 1, max: pickN("max") ?? Infinity };
}

function complete(d: LengthSpec | LengthDist, s: Scenario): LengthDist {
  if (d.dist !== "lognormal") return d;
  return { dist: "lognormal", mean: d.mean, cv: d.cv, min: d.min ?? 1, max: Math.min(d.max ?? Infinity, ceiling(s)) };
}

/** The simulator's spec for a resolved serving block (defaults already applied by input.ts). */
export function servingSpecOf(s: Scenario, v: Serving): ServingSpec {
  let prompt: LengthDist | LengthSpec;
  let output: LengthDist | LengthSpec;
  if (v.dataset !== undefined) {
    const w = findWorkload(v.dataset)!; // input.ts accepts only known ids
    prompt = overlay(w.promptTokens, v.promptTokens);
    output = overlay(w.outputTokens, v.outputTokens);
  } else {
    prompt = v.promptTokens;
    output = v.outputTokens;
  }
  return {
    ...(v.load.kind === "rate" ? { requestRate: v.load.requestRate } : { concurrency: v.load.concurrency }),
    arrival: v.arrival ?? "poisson",
    burstiness: v.burstiness ?? 1,
    requests: v.requests,
    seed: v.seed,
    promptTokens: complete(prompt, s),
    outputTokens: complete(output, s),
    replicas: v.replicas,
    scheduler: { ...v.scheduler },
    slo: v.slo ? { ttftS: v.slo.ttftS ?? Infinity, tpotS: v.slo.tpotS ?? Infinity, percentile: v.slo.percentile } : undefined,
    ...(v.prefixCache ? { prefixCache: { ...v.prefixCache } } : {}),
  };
}

/** The report's serving section for a scenario with a serving block. */
export function servingSection(s: Scenario, v: Serving): ServingReport {
  const spec = servingSpecOf(s, v);
  if (v.disaggregated) return disaggregatedReport(spec, disaggSetup(s, v.disaggregated, spec.scheduler, v.hostKv));
  const plan = replicaPlan(s, spec.scheduler);
  const report = servingReport(spec, withHost(s, plan, v.hostKv), { chips: s.hardware.chips, pricePerHour: s.hardware.pricePerHour });
  if (v.hostKv) report.hostKv = hostFigures(s, plan, v.hostKv);
  report.speculative = speculativeUnderLoad(s, spec, plan, report.meanRunningBatch);
  return report;
}
