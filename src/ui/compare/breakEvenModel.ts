/**
 * Pure geometry of the break-even chart: days to break even against traffic, both axes
 * logarithmic, with reference lines at a month and a year and a marker at the traffic set
 * (its days from the same core result the cards show).
 * Drawing only: the points come from the core (breakEvenAgainstTraffic).
 */
import { sig } from "../../core/format";
import type { BreakEvenPoint } from "../../state/compare";

export interface Tick {
  at: number;
  label: string;
}

export interface BreakEvenGeometry {
  width: number;
  height: number;
  plot: { left: number; top: number; right: number; bottom: number };
  /** SVG path data of the curve. */
  path: string;
  xTicks: Tick[];
  yTicks: Tick[];
  /** Horizontal reference lines (a month, a year) that fall inside the plot. */
  refs: { at: number; label: string }[];
  /** The traffic set in the field, when on the plot. */
  marker: { x: number; y: number } | null;
}

/** Why there is no line to draw: B never pays back, or it pays back at once (no one-time cost). */
export type BreakEvenEmpty = "never" | "at-once";

const ok = (v: number | null): v is number => v !== null && Number.isFinite(v) && v > 0;

/** Placement of the curve on log–log axes in a width × height box, or why there is none. */
export function breakEvenGeometry(points: BreakEvenPoint[], here: BreakEvenPoint, width = 560, height = 200): BreakEvenGeometry | BreakEvenEmpty {
  const pts = points.filter((p) => ok(p.days)) as { requestsPerS: number; days: number }[];
  if (pts.length < 2) return points.some((p) => p.days === 0) ? "at-once" : "never";
  const plot = { left: 56, top: 22, right: width - 12, bottom: height - 28 };
  const lx0 = Math.log10(pts[0]!.requestsPerS);
  const lx1 = Math.log10(pts.at(-1)!.requestsPerS);
  const days = pts.map((p) => p.days);
  const ly0 = Math.floor(Math.log10(Math.min(...days)));
  const ly1 = Math.ceil(Math.log10(Math.max(...days)));
  const X = (v: number) => plot.left + ((Math.log10(v) - lx0) / (lx1 - lx0)) * (plot.right - plot.left);
  const Y = (v: number) => plot.bottom - ((Math.log10(v) - ly0) / (ly1 - ly0 || 1)) * (plot.bottom - plot.top);
  const path = pts.map((p, i) => `${i === 0 ? "M" : "L"}${X(p.requestsPerS).toFixed(1)} ${Y(p.days).toFixed(1)}`).join(" ");
  const xTicks: Tick[] = [];
  for (let e = Math.ceil(lx0); e <= Math.floor(lx1); e++) xTicks.push({ at: X(10 ** e), label: sig(10 ** e) });
  // every decade when few, every other one when the axis spans many
  const step = ly1 - ly0 > 6 ? 2 : 1;
  const yTicks: Tick[] = [];
  for (let e = ly0; e <= ly1; e += step) yTicks.push({ at: Y(10 ** e), label: sig(10 ** e) });
  const refs = [
    { days: 30, label: "a month" },
    { days: 365, label: "a year" },
  ]
    .filter((r) => r.days >= 10 ** ly0 && r.days <= 10 ** ly1)
    .map((r) => ({ at: Y(r.days), label: r.label }));
  const inside = ok(here.days) && here.requestsPerS >= pts[0]!.requestsPerS && here.requestsPerS <= pts.at(-1)!.requestsPerS;
  const marker = inside ? { x: X(here.requestsPerS), y: Y(here.days!) } : null;
  return { width, height, plot, path, xTicks, yTicks, refs, marker };
}
