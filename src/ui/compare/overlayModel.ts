/**
 * Pure geometry of the A/B overlay chart: two curves (A dashed, B solid) of one time figure
 * against context length, both axes logarithmic. Drawing only: every value comes from the core
 * (the worker's sweeps); here they are only placed on the page.
 */
import { formatContextTick } from "../../core/format";

export interface CurveIn {
  context: number;
  prefillS: number;
  decodeStepS: number;
  fits: boolean;
}

export type OverlayMetric = "decodeStepS" | "prefillS";

export interface Tick {
  at: number;
  label: string;
}

export interface OverlayGeometry {
  width: number;
  height: number;
  plot: { left: number; top: number; right: number; bottom: number };
  /** SVG path data ("M x y L x y …"), empty when a side has no points. */
  a: string;
  b: string;
  xTicks: Tick[];
  yTicks: Tick[];
  unit: "µs" | "ms" | "s";
}

const ok = (v: number) => Number.isFinite(v) && v > 0;


/** Placement of two curves of `metric` (seconds) on log–log axes in a width × height box. */
export function overlayGeometry(a: CurveIn[], b: CurveIn[], metric: OverlayMetric, width = 560, height = 220): OverlayGeometry {
  const plot = { left: 52, top: 10, right: width - 10, bottom: height - 26 };
  const pts = [...a, ...b].filter((p) => ok(p.context) && ok(p[metric]));
  const empty = { width, height, plot, a: "", b: "", xTicks: [], yTicks: [], unit: "ms" as const };
  if (pts.length === 0) return empty;
  const xs = pts.map((p) => p.context);
  const ys = pts.map((p) => p[metric]);
  const [x0, x1] = [Math.min(...xs), Math.max(...xs)];
  let [y0, y1] = [Math.min(...ys), Math.max(...ys)];
  if (y1 / y0 < 10) {
    const mid = Math.sqrt(y0 * y1);
    y0 = mid / Math.sqrt(10);
    y1 = mid * Math.sqrt(10);
  }
  const lx0 = Math.log10(x0);
  const lx1 = Math.log10(x1 === x0 ? x0 * 10 : x1);
  const ly0 = Math.log10(y0);
  const ly1 = Math.log10(y1);
  const X = (v: number) => plot.left + ((Math.log10(v) - lx0) / (lx1 - lx0)) * (plot.right - plot.left);
  const Y = (v: number) => plot.bottom - ((Math.log10(v) - ly0) / (ly1 - ly0)) * (plot.bottom - plot.top);
  const path = (c: CurveIn[]) =>
    c
      .filter((p) => ok(p.context) && ok(p[metric]))
      .map((p, i) => `${i === 0 ? "M" : "L"}${X(p.context).toFixed(1)} ${Y(p[metric]).toFixed(1)}`)
      .join(" ");
  const unit = y1 < 2e-3 ? "µs" : y1 >= 2 ? "s" : "ms";
  const per = unit === "µs" ? 1e6 : unit === "ms" ? 1e3 : 1;
  const xTicks: Tick[] = [];
  for (let e = Math.ceil(lx0); e <= Math.floor(lx1); e++) xTicks.push({ at: X(10 ** e), label: formatContextTick(10 ** e) });
  const yTicks: Tick[] = [];
  // Decades; with fewer than two in range, also 2× and 5× so the axis can be read.
  const decades = Math.floor(ly1) - Math.ceil(ly0) + 1;
  const mantissas = decades < 2 ? [1, 2, 5] : [1];
  for (let e = Math.floor(ly0); e <= Math.ceil(ly1); e++) {
    for (const m of mantissas) {
      const v = m * 10 ** e;
      if (v >= y0 * 0.999 && v <= y1 * 1.001) yTicks.push({ at: Y(v), label: `${+(v * per).toPrecision(3)}` });
    }
  }
  return { width, height, plot, a: path(a), b: path(b), xTicks, yTicks, unit };
}

/** Both curves as CSV rows (context, then A and B seconds where each has that context). */
export function overlayRows(a: CurveIn[], b: CurveIn[]): Record<string, number | string | null>[] {
  const rows: Record<string, number | string | null>[] = [];
  for (const [side, c] of [["A", a], ["B", b]] as const) {
    for (const p of c) rows.push({ scenario: side, context: p.context, prefillS: p.prefillS, decodeStepS: p.decodeStepS, fits: p.fits ? "yes" : "no" });
  }
  return rows;
}
