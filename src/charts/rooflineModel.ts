/**
 * Roofline chart view model: operating points of the scenario against the chip's roofline (Williams et al. 2009). Pure; only display scaling (FLOP/s → TFLOP/s) happens here.
 */
import type { Bottleneck, RooflinePoint } from "../core";
import { formatInt, sig } from "../core/format";
import { decades, pos } from "./axes";
import { PALETTE } from "./palette";

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
      label: `${p.id === "prefill" ? "Prefill" : "Decode"} achieves ${sig(p.achieved / 1e12)} TFLOP/s per chip (${Math.round((p.achieved / p.attainable) * 100)}% of its roof)`,
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
  if (decode) labels.push({ text: `decode, batch ${formatInt(args.batch)}`, x: decode.intensity, y: decode.attainable / 1e12, color: PALETTE.decode, position: "top" });
  // above its dot: below it hangs what the pass achieves
  if (prefill) labels.push({ text: "prefill", x: prefill.intensity, y: prefill.attainable / 1e12, color: PALETTE.prefill, position: "top" });
  const ariaLabel =
    `Roofline, log-log: arithmetic intensity in FLOP per byte against attainable TFLOP/s per chip. ` +
    `Memory roof rises to the ridge at ${sig(ridge)} FLOP/byte, compute roof flat at ${sig(peakT)} TFLOP/s. ` +
    `Decode at ${sig(decodeIntensity)} FLOP/byte is ${BOUND_WORD[args.decodeBound]}; prefill is ${BOUND_WORD[args.prefillBound]}.`;
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
