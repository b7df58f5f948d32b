/**
 * The capacity plan: for a request rate and an SLO, the cheapest ways to serve it across
 * accelerators, chips per replica, precisions and replica counts, each checked by simulation.
 *
 * For every candidate replica (hardware preset × chips × precision) that holds the model: its
 * saturation rate gives a lower bound on the replicas needed (⌈rate / saturation⌉) and so on
 * the cost; candidates are priced in order of that bound, and the search stops once `top` plans
 * cost no more than the next bound. A priced candidate's replica count comes from the largest
 * rate one replica serves within the SLO (bisection, same seed), and is then checked by
 * simulating the whole deployment at the full rate (one more replica while it misses).
 */
import { findHardwarePreset, HARDWARE_PRESETS } from "../hardware/presets";
import { peakFor } from "../precision";
import type { PrecisionConfig, Scenario } from "../types";
import { replicaPlan } from "./replica";
import { saturationRate, summarizeTrace } from "./report";
import { simulate, type ServingSpec } from "./simulate";

export interface PlanOptions {
  /** Hardware preset ids to consider (default: every preset with a price, and the scenario's own). */
  hardware?: readonly string[];
  /** Chips per replica (default 1, 2, 4, 8, at most the chip's fast domain). */
  chips?: readonly number[];
  /** Precisions (default: the scenario's, bf16, and fp8 weights + activations where the chip has fp8). */
  precisions?: readonly PrecisionConfig[];
  /** Requests per simulation (default 600: enough for p90/p99 of a plan, fast enough to search). */
  requests?: number;
  /** Plans to return (default 8). */
  top?: number;
  maxReplicas?: number;
}

export interface PlanRow {
  hardware: string;
  hardwareName: string;
  chipsPerReplica: number;
  precision: PrecisionConfig;
  replicas: number;
  chips: number;
  /** USD per hour for every chip (null without a price), and chip-hours per hour. */
  costPerHour: number | null;
  costPerMillionOutputTokens: number | null;
  chipSecondsPerMillionOutputTokens: number;
  /** Requests/s one replica serves within the SLO (its saturation rate without an SLO). */
  ratePerReplica: number;
  saturationPerReplica: number;
  /** At the asked rate with these replicas: TTFT and TPOT at the SLO's percentile (p99 without an SLO), seconds. */
  ttftS: number;
  tpotS: number;
  utilization: number;
  meetsSlo: boolean;
  kvCapacityTokens: number;
  /** The scenario this row stands for (loads it). */
  scenario: Scenario;
}

export interface PlanResult {
  rows: PlanRow[];
  /** Candidates considered, and why the others were left out. */
  considered: number;
  skipped: { hardware: string; chipsPerReplica: number; precision: PrecisionConfig; reason: string }[];
}

const same = (a: PrecisionConfig, b: PrecisionConfig) => a.weights === b.weights && a.kvCache === b.kvCache && a.activations === b.activations;

/** One replica a plan may use: a priced hardware preset, chips per replica within its fast domain, a precision. */
export interface Deployment {
  id: string;
  chips: number;
  precision: PrecisionConfig;
  price: number | null;
  scenario: Scenario;
}

/**
 * The replicas a plan considers (the co-located plan and each pool of the disaggregated one):
 * every priced preset (and the scenario's own), 1/2/4/8 chips within its fast domain, and the
 * scenario's precision, bf16 and (where the chip has fp8 math) fp8.
 */
export function deployments(base: Scenario, opts: Pick<PlanOptions, "hardware" | "chips" | "precisions">): Deployment[] {
  const ids = opts.hardware ?? [...new Set([...HARDWARE_PRESETS.filter((h) => h.spec.pricePerHour !== undefined).map((h) => h.id), ...(base.hardware.preset ? [base.hardware.preset] : [])])];
  const out: Deployment[] = [];
  for (const id of ids) {
    const preset = findHardwarePreset(id);
    if (!preset) continue;
    const domain = preset.spec.fastDomainChips ?? 8;
    const chipsList = opts.chips ?? [1, 2, 4, 8].filter((c) => c <= Math.max(1, domain));
    const fp8 = peakFor({ ...preset.spec, chips: 1 }, "fp8").used === "fp8";
    const precisions = opts.precisions ?? [base.precision, { weights: "bf16", kvCache: "bf16", activations: "bf16" }, ...(fp8 ? [{ weights: "fp8", kvCache: "fp8", activations: "fp8" } as PrecisionConfig] : [])];
    const unique = precisions.filter((p, i) => precisions.findIndex((q) => same(p, q)) === i);
    for (const chips of chipsList)
      for (const precision of unique)
        out.push({ id, chips, precision, price: preset.spec.pricePerHour ?? null, scenario: { ...base, hardware: { ...preset.spec, chips, preset: id }, precision: { ...precision } } });
  }
  return out;
}

/** The plan for a scenario's serving block (open loop only: it sizes for a request rate). */
export function capacityPlan(base: Scenario, spec: ServingSpec, opts: PlanOptions = {}, onProgress?: (done: number, total: number) => void): PlanResult {
  const rate = spec.requestRate;
  if (rate === undefined) throw new Error("serving.requestRate: the capacity plan sizes a deployment for a request rate");
  const top = opts.top ?? 8;
  const maxReplicas = opts.maxReplicas ?? 256;
  const requests = opts.requests ?? 600;
  const one: ServingSpec = { ...spec, requests, replicas: 1 };
  type Candidate = { id: string; s: Scenario; plan: ReturnType<typeof replicaPlan>; saturation: number; bound: number; price: number | null };
  const candidates: Candidate[] = [];
  const skipped: PlanResult["skipped"] = [];
  const meanTokens = (d: ServingSpec["promptTokens"]) => (d.dist === "uniform" ? (d.min + d.max) / 2 : d.mean);
  for (const { id, chips, precision, price, scenario: s } of deployments(base, opts)) {
    const plan = replicaPlan(s, spec.scheduler);
    if (plan.kvCapacityTokens < meanTokens(spec.promptTokens) + meanTokens(spec.outputTokens)) {
      skipped.push({ hardware: id, chipsPerReplica: chips, precision, reason: plan.memory.kvBytes <= 0 ? "the weights do not fit" : "no room for one request's KV cache" });
      continue;
    }
    const saturation = saturationRate(one, plan);
    if (!(saturation > 0)) {
      skipped.push({ hardware: id, chipsPerReplica: chips, precision, reason: "serves no request" });
      continue;
    }
    const need = Math.ceil(rate / saturation);
    candidates.push({ id, s, plan, saturation, bound: need * chips * (price ?? 1e6), price });
  }
  // Priced chips first by their lower bound; unpriced ones after, by chip count.
  candidates.sort((a, b) => a.bound - b.bound);

  const rows: PlanRow[] = [];
  let done = 0;
  for (const c of candidates) {
    onProgress?.(done++, candidates.length);
    const worst = rows.length >= top ? rows[top - 1]! : null;
    if (worst && c.bound >= (worst.costPerHour ?? Infinity) && c.price !== null) continue;
    const row = priceCandidate(c, spec, one, rate, maxReplicas, requests);
    if (!row) {
      skipped.push({ hardware: c.id, chipsPerReplica: c.s.hardware.chips, precision: c.s.precision, reason: "no replica count meets the SLO" });
      continue;
    }
    rows.push(row);
    rows.sort(byCost);
  }
  onProgress?.(candidates.length, candidates.length);
  return { rows: rows.slice(0, top), considered: candidates.length, skipped };
}

function byCost(a: PlanRow, b: PlanRow): number {
  const ca = a.costPerHour ?? Infinity;
  const cb = b.costPerHour ?? Infinity;
  return ca !== cb ? ca - cb : a.chips - b.chips;
}

function priceCandidate(
  c: { id: string; s: Scenario; plan: ReturnType<typeof replicaPlan>; saturation: number; price: number | null },
  spec: ServingSpec,
  one: ServingSpec,
  rate: number,
  maxReplicas: number,
  requests: number,
): PlanRow | null {
  const basis = { chips: c.s.hardware.chips, pricePerHour: c.price ?? undefined };
  const slo = spec.slo;
  const meets = (sp: ServingSpec) => summarizeTrace(simulate(sp, c.plan), sp, basis, false);
  // One replica's rate within the SLO: bisection below its saturation, to 3 %, starting from a
  // bracket at a third of it (SLO rates sit at 30–95 % of saturation for plans worth listing).
  let perReplica = c.saturation;
  if (slo && !meets({ ...one, requestRate: c.saturation }).sloMet) {
    let hi = c.saturation;
    let lo = hi / 3;
    if (!meets({ ...one, requestRate: lo }).sloMet) {
      hi = lo;
      lo = hi * 1e-3;
      if (!meets({ ...one, requestRate: lo }).sloMet) return null; // even an idle replica misses it
    }
    while (hi - lo > 0.03 * lo) {
      const mid = (lo + hi) / 2;
      if (meets({ ...one, requestRate: mid }).sloMet) lo = mid;
      else hi = mid;
    }
    perReplica = lo;
  }
  let replicas = Math.max(1, Math.ceil(rate / perReplica));
  for (let tries = 0; replicas <= maxReplicas; tries++, replicas++) {
    const all: ServingSpec = { ...spec, requests: Math.max(requests, 100 * replicas), replicas, requestRate: rate };
    const r = meets(all);
    if (r.sloMet || tries >= 4 || !slo) {
      const ttft = r.sloTtftS ?? r.summaries.ttftS?.p99 ?? NaN;
      const tpot = r.sloTpotS ?? r.summaries.tpotS?.p99 ?? NaN;
      const chips = replicas * c.s.hardware.chips;
      return {
        hardware: c.id,
        hardwareName: c.s.hardware.name,
        chipsPerReplica: c.s.hardware.chips,
        precision: c.s.precision,
        replicas,
        chips,
        costPerHour: c.price === null ? null : chips * c.price,
        costPerMillionOutputTokens: r.costPerMillionOutputTokens,
        chipSecondsPerMillionOutputTokens: r.chipSecondsPerMillionOutputTokens,
        ratePerReplica: perReplica,
        saturationPerReplica: c.saturation,
        ttftS: ttft,
        tpotS: tpot,
        utilization: r.utilization,
        meetsSlo: r.sloMet,
        kvCapacityTokens: c.plan.kvCapacityTokens,
        scenario: { ...c.s, hardware: { ...c.s.hardware } },
      };
    }
  }
  return null;
}

