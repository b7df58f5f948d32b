/**
 * Latency–cost frontier view model (Pope et al. Figure 1): the core's frontier points as dots, the Pareto set marked. Pure.
 */
import type { FrontierPoint, Precision } from "../core";
import { sig } from "../core/format";
import { decades, pos } from "./axes";

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
      ? `Fastest on the frontier: ${sig(fastest.x)} ms on ${fastest.chips} chips at batch ${fastest.batch}; cheapest: ${sig(cheapest.y)} at batch ${cheapest.batch} on ${cheapest.chips} chips.`
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
