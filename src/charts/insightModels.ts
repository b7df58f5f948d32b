/**
 * Pure view models for the teaching charts (roofline, attention, capacity, frontier): the worker's
 * figures in, rows, domains and sentences out. Only display scaling happens here (FLOP/s → TFLOP/s,
 * bytes → GB); every quantity comes from the core.
 */
import type { AttentionFigures, Bottleneck, FrontierPoint, Precision, RooflinePoint } from "../core";
import type { BatchMemoryPoint, ContextSweep, FeasibleSeries } from "../core/curves";
import { PALETTE } from "./palette";
import { formatContextTick } from "./viewModels";

const ok = (x: unknown): x is number => typeof x === "number" && Number.isFinite(x);
const pos = (x: unknown): x is number => ok(x) && x > 0;

const nf3 = new Intl.NumberFormat("en-US", { maximumSignificantDigits: 3 });
const nfInt = new Intl.NumberFormat("en-US", { maximumFractionDigits: 0 });

/** 3 significant figures, or "—" for anything not finite. */
export function sig3(x: number): string {
  return ok(x) ? nf3.format(x) : "—";
}

/** Whole number with thousands separators, or "—". */
export function int(x: number): string {
  return ok(x) ? nfInt.format(Math.round(x)) : "—";
}

/** "1k", "10M", "1G" … for log-axis ticks (SI prefixes, powers of ten). */
export function siTick(v: number): string {
  if (!pos(v)) return "";
  const units: [number, string][] = [
    [1e15, "P"],
    [1e12, "T"],
    [1e9, "G"],
    [1e6, "M"],
    [1e3, "k"],
  ];
  for (const [f, u] of units) if (v >= f) return `${nf3.format(v / f)}${u}`;
  if (v >= 1) return nf3.format(v);
  return nf3.format(v);
}

/** Powers of ten covering [lo, hi]: the domain snapped outwards and its ticks. */
export function decades(lo: number, hi: number): { domain: [number, number]; ticks: number[] } {
  const a = Math.floor(Math.log10(pos(lo) ? lo : 1));
  const b = Math.max(a + 1, Math.ceil(Math.log10(pos(hi) ? hi : 10)));
  const ticks: number[] = [];
  const step = Math.max(1, Math.ceil((b - a) / 8));
  for (let e = a; e <= b; e += step) ticks.push(10 ** e);
  return { domain: [10 ** a, 10 ** b], ticks };
}

// ---------------------------------------------------------------------------------------------
// Roofline

export type MarkerShape = "circle" | "triangle" | "square" | "diamond";

export interface RooflineDot {
  id: RooflinePoint["id"];
  label: string;
  /** FLOP per byte. */
  x: number;
  /** Attainable TFLOP/s per chip. */
  y: number;
}

export interface RooflineSeries {
  key: string;
  phase: "prefill" | "decode";
  /** "phase" for the whole pass, else the operation kind. */
  kind: "phase" | "attn-proj" | "ffn" | "attention";
  name: string;
  color: string;
  shape: MarkerShape;
  size: number;
  dots: RooflineDot[];
}

export interface RooflineModel {
  /** The two roofs as a polyline (x FLOP/byte, y TFLOP/s): slope = bandwidth, flat = peak. */
  roof: { x: number; y: number }[];
  xDomain: [number, number];
  xTicks: number[];
  yDomain: [number, number];
  yTicks: number[];
  ridge: number;
  peakT: number;
  series: RooflineSeries[];
  /** Every dot of every series in one list, with its marker (one Scatter draws them all). */
  points: (RooflineDot & { shape: MarkerShape; color: string; r: number })[];
  batch: number;
  decodeBound: Bottleneck;
  prefillBound: Bottleneck;
  decodeIntensity: number;
  /** Text beside the two whole-pass points. */
  labels: { text: string; x: number; y: number; color: string; position: "top" | "bottom" }[];
  /**
   * What each whole pass achieves in the model (its FLOPs ÷ its time, TFLOP/s per chip), below its
   * attainable point on the roof: the gap is efficiency, overheads and communication.
   */
  achieved: { id: "prefill" | "decode"; x: number; y: number; roofY: number; color: string; label: string }[];
  ariaLabel: string;
}

const KIND_SHAPE: Record<RooflineSeries["kind"], MarkerShape> = { phase: "circle", "attn-proj": "triangle", ffn: "square", attention: "diamond" };
const KIND_NAME: Record<RooflineSeries["kind"], string> = {
  phase: "whole pass",
  "attn-proj": "attention projections",
  ffn: "feed-forward",
  attention: "attention scores and values",
};

export const BOUND_WORD: Record<Bottleneck, string> = { memory: "memory-bound", compute: "compute-bound", network: "network-bound" };

export function rooflineModel(args: {
  points: RooflinePoint[];
  peakFlops: number;
  memoryBandwidth: number;
  ridge: number;
  batch: number;
  decodeBound: Bottleneck;
  prefillBound: Bottleneck;
}): RooflineModel | null {
  const { points, peakFlops, memoryBandwidth, ridge } = args;
  if (!pos(peakFlops) || !pos(memoryBandwidth) || !pos(ridge)) return null;
  const good = points.filter((p) => pos(p.intensity) && pos(p.attainable));
  const xs = [ridge, ...good.map((p) => p.intensity)];
  const { domain: xDomain, ticks: xTicks } = decades(Math.min(...xs) / 2, Math.max(...xs) * 4);
  const peakT = peakFlops / 1e12;
  const roof = [
    { x: xDomain[0], y: (xDomain[0] * memoryBandwidth) / 1e12 },
    { x: ridge, y: peakT },
    { x: xDomain[1], y: peakT },
  ];
  const achieved = good
    .filter((p): p is RooflinePoint & { id: "prefill" | "decode"; achieved: number } => (p.id === "prefill" || p.id === "decode") && pos(p.achieved))
    .map((p) => ({
      id: p.id,
      x: p.intensity,
      y: p.achieved / 1e12,
      roofY: p.attainable / 1e12,
      color: p.id === "prefill" ? PALETTE.prefill : PALETTE.decode,
      label: `${p.id === "prefill" ? "Prefill" : "Decode"} achieves ${sig3(p.achieved / 1e12)} TFLOP/s per chip (${Math.round((p.achieved / p.attainable) * 100)}% of its roof)`,
    }));
  const { domain: yDomain, ticks: yTicks } = decades(Math.min(roof[0]!.y, ...good.map((p) => p.attainable / 1e12), ...achieved.map((a) => a.y)), peakT * 2);
  const kindOf = (id: RooflinePoint["id"]): RooflineSeries["kind"] =>
    id === "prefill" || id === "decode" ? "phase" : (id.replace(/^(prefill|decode)-/, "") as RooflineSeries["kind"]);
  const series: RooflineSeries[] = [];
  for (const phase of ["prefill", "decode"] as const) {
    for (const kind of ["phase", "attn-proj", "ffn", "attention"] as const) {
      const dots = good
        .filter((p) => p.phase === phase && kindOf(p.id) === kind)
        .map((p) => ({ id: p.id, label: p.label, x: p.intensity, y: p.attainable / 1e12 }));
      if (dots.length === 0) continue;
      series.push({
        key: `${phase}-${kind}`,
        phase,
        kind,
        name: `${phase === "prefill" ? "Prefill" : "Decode"}: ${KIND_NAME[kind]}`,
        color: phase === "prefill" ? PALETTE.prefill : PALETTE.decode,
        shape: KIND_SHAPE[kind],
        size: kind === "phase" ? 140 : 60,
        dots,
      });
    }
  }
  const decode = good.find((p) => p.id === "decode");
  const prefill = good.find((p) => p.id === "prefill");
  const decodeIntensity = decode?.intensity ?? 0;
  const labels: RooflineModel["labels"] = [];
  if (decode) labels.push({ text: `decode, batch ${int(args.batch)}`, x: decode.intensity, y: decode.attainable / 1e12, color: PALETTE.decode, position: "top" });
  // above its dot: below it hangs what the pass achieves
  if (prefill) labels.push({ text: "prefill", x: prefill.intensity, y: prefill.attainable / 1e12, color: PALETTE.prefill, position: "top" });
  const ariaLabel =
    `Roofline, log-log: arithmetic intensity in FLOP per byte against attainable TFLOP/s per chip. ` +
    `Memory roof rises to the ridge at ${sig3(ridge)} FLOP/byte, compute roof flat at ${sig3(peakT)} TFLOP/s. ` +
    `Decode at ${sig3(decodeIntensity)} FLOP/byte is ${BOUND_WORD[args.decodeBound]}; prefill is ${BOUND_WORD[args.prefillBound]}.`;
  return {
    roof,
    xDomain,
    xTicks,
    yDomain,
    yTicks,
    ridge,
    peakT,
    series,
    points: series.flatMap((se) => se.dots.map((d) => ({ ...d, shape: se.shape, color: se.color, r: se.kind === "phase" ? 9 : 6 }))),
    batch: args.batch,
    decodeBound: args.decodeBound,
    prefillBound: args.prefillBound,
    decodeIntensity,
    labels,
    achieved,
    ariaLabel,
  };
}

// ---------------------------------------------------------------------------------------------
// Quadratic attention

export interface AttentionRow {
  context: number;
  /** FLOPs (log axis: non-positive values become null so the line breaks instead of diving). */
  prefillAttn: number | null;
  prefillOther: number | null;
  decodeAttn: number | null;
  decodeOther: number | null;
  /** Bytes. */
  decodeKv: number | null;
  decodeWeights: number | null;
  scoreTraffic: number | null;
}

export interface KvVariantBar {
  key: "mha" | "gqa" | "mqa" | "mla";
  label: string;
  bytesPerToken: number;
  /** Width relative to the largest (0..1). */
  fraction: number;
  current: boolean;
}

export interface AttentionModel {
  rows: AttentionRow[];
  xDomain: [number, number];
  xTicks: number[];
  flopsDomain: [number, number];
  flopsTicks: number[];
  bytesDomain: [number, number];
  bytesTicks: number[];
  prompt: number;
  prefillCrossover: number;
  decodeCrossover: number;
  /** Attention's share of prefill FLOPs at the scenario's prompt (0..1). */
  prefillShare: number;
  decodeShare: number;
  sentence: string;
  flash: { scoreBytesPerLayer: number; trafficBytes: number };
  kv: KvVariantBar[];
  ariaLabel: string;
}

const nn = (x: number | undefined) => (pos(x) ? x : null);

export function attentionModel(
  sweep: ContextSweep | null | undefined,
  fig: AttentionFigures | null | undefined,
  args: { decodeCrossover: number; attention: string; prompt: number; dModel: number },
): AttentionModel | null {
  if (!sweep || !fig) return null;
  const rows: AttentionRow[] = sweep.points
    .filter((p) => p.attention && pos(p.context))
    .map((p) => {
      const a = p.attention!;
      return {
        context: p.context,
        prefillAttn: nn(a.prefillAttentionFlops),
        prefillOther: nn(a.prefillOtherFlops),
        decodeAttn: nn(a.decodeAttentionFlops),
        decodeOther: nn(a.decodeOtherFlops),
        decodeKv: nn(a.decodeKvBytes),
        decodeWeights: nn(a.decodeWeightBytes),
        scoreTraffic: nn(a.scoreMatrixTrafficBytes),
      };
    });
  if (rows.length < 2) return null;
  const xDomain: [number, number] = [rows[0]!.context, rows[rows.length - 1]!.context];
  const vals = (keys: (keyof AttentionRow)[]) => rows.flatMap((r) => keys.map((k) => r[k])).filter(pos);
  const fl = vals(["prefillAttn", "prefillOther", "decodeAttn", "decodeOther"]);
  const by = vals(["decodeKv", "decodeWeights", "scoreTraffic"]);
  const f = decades(Math.min(...fl), Math.max(...fl));
  const b = decades(Math.min(...by), Math.max(...by));
  const share = (a: number, o: number) => (pos(a) && ok(o) && a + o > 0 ? a / (a + o) : 0);
  const prefillShare = share(fig.prefillAttentionFlops, fig.prefillOtherFlops);
  const decodeShare = share(fig.decodeAttentionFlops, fig.decodeOtherFlops);
  const pc = fig.prefillCrossoverTokens;
  const dc = args.decodeCrossover;
  const sentence =
    `With d_model ${int(args.dModel)}, prefill attention costs as many FLOPs as all the weight matmuls at a prompt of ` +
    `${int(pc)} tokens (it grows with the square of the prompt; the rest grows linearly), and a decode step's attention ` +
    `matches them at ${int(dc)} tokens of context. At your prompt of ${int(args.prompt)} tokens attention is ` +
    `${Math.round(prefillShare * 100)}% of prefill FLOPs.`;
  const variants: { key: KvVariantBar["key"]; label: string }[] = [
    { key: "mha", label: "MHA (a KV head per query head)" },
    { key: "gqa", label: `GQA (${int(fig.gqaKvHeads)} KV heads)` },
    { key: "mqa", label: "MQA (one KV head)" },
    { key: "mla", label: "MLA (compressed latent)" },
  ];
  const maxKv = Math.max(...variants.map((v) => fig.kvBytesPerToken[v.key]).filter(pos), 1);
  const kv = variants.map((v) => {
    const bytes = fig.kvBytesPerToken[v.key];
    return { ...v, bytesPerToken: pos(bytes) ? bytes : 0, fraction: pos(bytes) ? bytes / maxKv : 0, current: v.key === args.attention };
  });
  const ariaLabel =
    `Attention against everything else as context grows, log-log, ${formatContextTick(xDomain[0])} to ${formatContextTick(xDomain[1])} tokens. ` +
    `Prefill crossover at ${int(pc)} tokens; decode crossover at ${int(dc)} tokens.`;
  return {
    rows,
    xDomain,
    xTicks: decades(xDomain[0], xDomain[1]).ticks.filter((t) => t >= xDomain[0] && t <= xDomain[1]),
    flopsDomain: f.domain,
    flopsTicks: f.ticks,
    bytesDomain: b.domain,
    bytesTicks: b.ticks,
    prompt: args.prompt,
    prefillCrossover: pc,
    decodeCrossover: dc,
    prefillShare,
    decodeShare,
    sentence,
    flash: { scoreBytesPerLayer: fig.scoreMatrixBytesPerLayer, trafficBytes: fig.scoreMatrixTrafficBytes },
    kv,
    ariaLabel,
  };
}

// ---------------------------------------------------------------------------------------------
// Capacity

export interface MemoryRow {
  x: number;
  /** GB per chip. */
  weights: number;
  kvCache: number;
  activations: number;
  reserve: number;
  fits: boolean;
}

export interface FeasibleRow {
  context: number;
  /** Largest batch for each chip count, keyed "c1", "c2", … (null where nothing fits). */
  [chips: `c${number}`]: number | null;
}

export interface CapacityModel {
  byBatch: MemoryRow[];
  byContext: MemoryRow[];
  /** Capacity per chip (GB), the line the stack must stay under. */
  capacityGB: number;
  /** Top of the stacked charts (GB): room above the capacity line, without letting huge batches flatten it. */
  yMaxGB: number;
  batch: number;
  context: number;
  feasible: FeasibleRow[];
  chipCounts: { chips: number; key: `c${number}`; color: string; current: boolean }[];
  feasibleYDomain: [number, number];
  feasibleYTicks: number[];
  /** Why the feasible region is empty (nothing fits on any chip count shown), else null. */
  feasibleNote: string | null;
  ariaLabel: string;
}

const GB = 1e9;
const row = (x: number, m: { weights: number; kvCache: number; activations: number; reserve: number }, fits: boolean): MemoryRow => ({
  x,
  weights: ok(m.weights) ? m.weights / GB : 0,
  kvCache: ok(m.kvCache) ? m.kvCache / GB : 0,
  activations: ok(m.activations) ? m.activations / GB : 0,
  reserve: ok(m.reserve) ? m.reserve / GB : 0,
  fits,
});

/** Shades from light to dark for 1 … N chips (more chips, darker). */
const CHIP_SHADES = ["#7dd3fc", "#38bdf8", "#0ea5e9", "#0284c7", "#0369a1", "#075985", "#0c4a6e", "#082f49", "#061e30", "#04121d", "#020a10"];

export function capacityModel(args: {
  byBatch: BatchMemoryPoint[];
  sweep: ContextSweep | null | undefined;
  feasible: FeasibleSeries[];
  capacityBytes: number;
  batch: number;
  context: number;
  chips: number;
}): CapacityModel | null {
  if (!pos(args.capacityBytes) || args.byBatch.length < 2) return null;
  const byBatch = args.byBatch.map((p) => row(p.batch, p.memory, p.fits));
  const byContext = (args.sweep?.points ?? []).filter((p) => p.memory).map((p) => row(p.context, p.memory!, p.fits));
  const contexts = args.feasible[0]?.points.map((p) => p.context) ?? [];
  const feasible: FeasibleRow[] = contexts.map((context, i) => {
    const r: FeasibleRow = { context };
    for (const s of args.feasible) {
      const b = s.points[i]?.maxBatch;
      r[`c${s.chips}`] = pos(b) && b >= 1 ? b : null;
    }
    return r;
  });
  const chipCounts = args.feasible.map((s, i) => ({
    chips: s.chips,
    key: `c${s.chips}` as const,
    color: CHIP_SHADES[Math.min(CHIP_SHADES.length - 1, i)]!,
    current: s.chips === args.chips,
  }));
  const bs = feasible.flatMap((r) => chipCounts.map((c) => r[c.key])).filter(pos);
  const fd = decades(1, bs.length ? Math.max(...bs, 2) : 10);
  const capacityGB = args.capacityBytes / GB;
  const total = (r: MemoryRow) => r.weights + r.kvCache + r.activations + r.reserve;
  const smallest = Math.min(...[...byBatch, ...byContext].map(total));
  const yMaxGB = Math.max(capacityGB * 1.5, ok(smallest) ? smallest * 1.2 : 0);
  const oneChip = args.feasible[0];
  const most = chipCounts[chipCounts.length - 1]?.chips ?? 1;
  const feasibleNote =
    bs.length === 0 && chipCounts.length > 0
      ? `Not even one sequence fits on ${most === 1 ? "one chip" : `up to ${most} chips`} at any context shown: the weights and runtime reserve alone need more memory. Add chips or lower the weight precision.`
      : null;
  const ariaLabel =
    `Memory per chip stacked by part against batch and against context, with the capacity line at ${sig3(capacityGB)} GB; ` +
    `and the largest batch that fits against context for ${chipCounts.map((c) => c.chips).join(", ")} chips.` +
    (feasibleNote ? ` ${feasibleNote}` : oneChip ? ` On one chip, at ${formatContextTick(contexts[0] ?? 0)} tokens the largest batch is ${int(oneChip.points[0]?.maxBatch ?? 0)}.` : "");
  return {
    byBatch,
    byContext,
    capacityGB,
    yMaxGB,
    batch: args.batch,
    context: args.context,
    feasible,
    chipCounts,
    feasibleYDomain: fd.domain,
    feasibleYTicks: fd.ticks,
    feasibleNote,
    ariaLabel,
  };
}

// ---------------------------------------------------------------------------------------------
// Latency–cost frontier

export interface FrontierDot {
  /** Milliseconds per output token. */
  x: number;
  /** Cost per million output tokens (USD, or chip-seconds). */
  y: number;
  chips: number;
  batch: number;
  weights: Precision;
  pareto: boolean;
}

export interface FrontierModel {
  dots: FrontierDot[];
  pareto: FrontierDot[];
  current: FrontierDot | null;
  costUnit: string;
  xDomain: [number, number];
  xTicks: number[];
  yDomain: [number, number];
  yTicks: number[];
  weights: Precision[];
  ariaLabel: string;
}

export const WEIGHT_COLORS: Record<string, string> = {
  bf16: "#1e3a8a",
  fp16: "#1e40af",
  fp8: "#7c3aed",
  int8: "#c026d3",
  int4: "#be185d",
  fp4: "#9f1239",
};

export function frontierModel(
  points: FrontierPoint[] | null | undefined,
  cur: { chips: number; batch: number; weights: Precision; hasPrice: boolean; timePerTokenS?: number; cost?: number },
): FrontierModel | null {
  if (!points) return null;
  const dots = points
    .filter((p) => p.fits && pos(p.timePerTokenS) && pos(p.cost))
    .map((p) => ({
      x: p.timePerTokenS * 1e3,
      y: p.cost,
      chips: p.chips,
      batch: p.batch,
      weights: p.weights,
      pareto: p.pareto,
    }));
  if (dots.length === 0) return null;
  const pareto = dots.filter((d) => d.pareto).sort((a, b) => a.x - b.x);
  // off the sweep grid (batch 300, 3 chips), the scenario's own report places the star
  const current: FrontierDot | null =
    dots.find((d) => d.chips === cur.chips && d.batch === cur.batch && d.weights === cur.weights) ??
    (pos(cur.timePerTokenS) && pos(cur.cost)
      ? { x: cur.timePerTokenS * 1e3, y: cur.cost, chips: cur.chips, batch: cur.batch, weights: cur.weights, pareto: false }
      : null);
  const framed = current ? [...dots, current] : dots;
  const x = decades(Math.min(...framed.map((d) => d.x)), Math.max(...framed.map((d) => d.x)));
  const y = decades(Math.min(...framed.map((d) => d.y)), Math.max(...framed.map((d) => d.y)));
  const costUnit = cur.hasPrice ? "USD per 1M output tokens" : "chip-seconds per 1M output tokens";
  const weights = [...new Set(dots.map((d) => d.weights))];
  const fastest = pareto[0];
  const cheapest = pareto[pareto.length - 1];
  const ariaLabel =
    `Latency–cost frontier, log-log: time per output token in ms against cost (${costUnit}) for ${dots.length} layouts that fit. ` +
    (fastest && cheapest
      ? `Fastest on the frontier: ${sig3(fastest.x)} ms on ${fastest.chips} chips at batch ${fastest.batch}; cheapest: ${sig3(cheapest.y)} at batch ${cheapest.batch} on ${cheapest.chips} chips.`
      : "");
  return {
    dots,
    pareto,
    // the dots themselves do not depend on the scenario, so a batch step leaves them equal
    current,
    costUnit,
    xDomain: x.domain,
    xTicks: x.ticks,
    yDomain: y.domain,
    yTicks: y.ticks,
    weights,
    ariaLabel,
  };
}
