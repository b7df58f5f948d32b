/**
 * A chart's frame: Recharts' ComposedChart gives the sized surface, the plot area and the z layers,
 * and never changes while a slider moves; the axes and grid are drawn here from the axis specs,
 * with scales of our own (useFrameScales), in the same render as the marks.
 *
 * Why not Recharts' XAxis/YAxis: they report their settings to the chart's store in a layout
 * effect, so every domain change (a batch click rescales most charts) cost a second full chart
 * pass before the frame could paint — ~8 ms of a 33 ms budget on a 2-core machine (README,
 * "Third pass"). The drawing below keeps Recharts' geometry and class names (axis height 30 px,
 * 6 px tick lines, labels 2 px beyond them, ticks that would overlap dropped from the end, grid
 * lines along the plot's top and right edges).
 */
import { createContext, memo, useContext, useMemo, type ReactNode } from "react";
import { ComposedChart, DefaultZIndexes, usePlotArea, ZIndexLayer } from "recharts";

/**
 * An axis title, placed as Recharts' Label does: under the x axis at `offset` px above the axis
 * box's bottom edge ("insideBottom"; negative is below it), or rotated at `offset` px in from the
 * y axis box's left edge ("insideLeft"); `dy` moves it down.
 */
export interface AxisLabel {
  value: string;
  offset: number;
  dy?: number;
}

export interface Axis {
  domain: [number, number];
  ticks: number[];
  log?: boolean;
  /** Tick text; keep it a stable function (module level). */
  format: (v: number) => string;
  /** Axis title; keep the object stable. */
  label?: AxisLabel;
  /** Y axis width (px). */
  width?: number;
}

export interface Margin {
  top: number;
  right: number;
  bottom: number;
  left: number;
}

export type Scale = (v: number) => number | undefined;

/** Recharts' XAxis height and default YAxis width (px). */
const X_AXIS_HEIGHT = 30;
const Y_AXIS_WIDTH = 44;
const TICK_SIZE = 6;
const TICK_GAP = 2;
const MIN_TICK_GAP = 5;
const FONT_SIZE = 11;
const AXIS_COLOR = "#666";
const LABEL_COLOR = "#475569";
const GRID_COLOR = "#e2e8f0";

/**
 * Data → pixels on [from, to], linear or log10 (d3's scaleLinear/scaleLog with a fixed domain and
 * no clamping); undefined where the value has no position (≤ 0 on a log axis, or not finite).
 */
export function axisScale(axis: Pick<Axis, "domain" | "log">, from: number, to: number): Scale {
  const [d0, d1] = axis.domain;
  if (axis.log) {
    const l0 = Math.log10(d0);
    const span = Math.log10(d1) - l0;
    return (v) => {
      const p = from + ((Math.log10(v) - l0) / span) * (to - from);
      return Number.isFinite(p) ? p : undefined;
    };
  }
  const span = d1 - d0;
  return (v) => {
    const p = from + ((v - d0) / span) * (to - from);
    return Number.isFinite(p) ? p : undefined;
  };
}

let canvas: CanvasRenderingContext2D | null | undefined;
/** Width of a tick label in px (canvas text metrics in the page's font; ~0.6 em a character where there is no canvas). */
export function textWidth(text: string): number {
  if (canvas === undefined) {
    canvas = typeof document !== "undefined" ? (document.createElement("canvas").getContext?.("2d") ?? null) : null;
    if (canvas) canvas.font = `${FONT_SIZE}px ${getComputedStyle(document.body).fontFamily || "sans-serif"}`;
  }
  const w = canvas?.measureText(text).width;
  return typeof w === "number" && Number.isFinite(w) && w > 0 ? w : text.length * FONT_SIZE * 0.6;
}

/**
 * The ticks whose labels are drawn: from the far end back, each one kept when its label clears
 * the last kept one by MIN_TICK_GAP px (Recharts' default interval, "preserveEnd").
 */
export function shownTicks(ticks: readonly { at: number; text: string }[], size: (text: string) => number): boolean[] {
  const order = ticks.map((_, i) => i).sort((a, b) => ticks[b]!.at - ticks[a]!.at);
  const shown = ticks.map(() => false);
  let limit = Infinity;
  for (const i of order) {
    const t = ticks[i]!;
    const half = size(t.text) / 2;
    if (t.at + half <= limit) {
      shown[i] = true;
      limit = t.at - half - MIN_TICK_GAP;
    }
  }
  return shown;
}

interface Axes {
  x: Axis;
  y: Axis;
}
const AxesContext = createContext<Axes | null>(null);

export interface FrameScales {
  x: Scale;
  y: Scale;
  area: { x: number; y: number; width: number; height: number };
}

/** The frame's scales and plot area, for marks drawn inside a Frame; null until the chart is sized. */
export function useFrameScales(): FrameScales | null {
  const axes = useContext(AxesContext);
  const area = usePlotArea();
  return useMemo(() => {
    if (!axes || !area || !(area.width > 0) || !(area.height > 0)) return null;
    return { x: axisScale(axes.x, area.x, area.x + area.width), y: axisScale(axes.y, area.y + area.height, area.y), area };
  }, [axes, area]);
}

function AxesLayer({ vGrid }: { vGrid: boolean }) {
  const axes = useContext(AxesContext);
  const s = useFrameScales();
  if (!axes || !s) return null;
  const { area } = s;
  const bottom = area.y + area.height;
  const at = (scale: Scale, ticks: number[], format: (v: number) => string) =>
    ticks.flatMap((v) => {
      const p = scale(v);
      return p === undefined ? [] : [{ v, at: p, text: format(v) }];
    });
  const xs = at(s.x, axes.x.ticks, axes.x.format);
  const ys = at(s.y, axes.y.ticks, axes.y.format);
  const xShown = shownTicks(xs, textWidth);
  // y labels are stacked: the height of a line of text decides overlap (descending pixels, so flip)
  const yShown = shownTicks(
    ys.map((t) => ({ at: -t.at, text: t.text })),
    () => FONT_SIZE * 1.2,
  );
  // grid lines at the ticks and along the plot's top and right edges, as Recharts' grid draws them
  const edge = (ats: number[], at: number) => (ats.some((a) => Math.abs(a - at) < 0.5) ? ats : [...ats, at]);
  const hLines = edge(ys.map((t) => t.at), area.y);
  const vLines = edge(xs.map((t) => t.at), area.x + area.width);
  const xl = axes.x.label;
  const yl = axes.y.label;
  // the y title's anchor: `offset` in from the y axis box's left edge, at the plot's middle
  const ylx = area.x - (axes.y.width ?? Y_AXIS_WIDTH) + (yl?.offset ?? 0);
  const yly = area.y + area.height / 2 + (yl?.dy ?? 0);
  return (
    <>
      <ZIndexLayer zIndex={DefaultZIndexes.grid}>
        <g className="recharts-cartesian-grid">
          <g className="recharts-cartesian-grid-horizontal">
            {hLines.map((at) => (
              <line key={at} stroke={GRID_COLOR} fill="none" x1={area.x} x2={area.x + area.width} y1={at} y2={at} />
            ))}
          </g>
          {vGrid ? (
            <g className="recharts-cartesian-grid-vertical">
              {vLines.map((at) => (
                <line key={at} stroke={GRID_COLOR} fill="none" x1={at} x2={at} y1={area.y} y2={bottom} />
              ))}
            </g>
          ) : null}
        </g>
      </ZIndexLayer>
      <ZIndexLayer zIndex={DefaultZIndexes.axis}>
        <g className="recharts-cartesian-axis recharts-xAxis xAxis">
          <line className="recharts-cartesian-axis-line" stroke={AXIS_COLOR} fill="none" x1={area.x} x2={area.x + area.width} y1={bottom} y2={bottom} />
          {xs.map((t, i) => (
            <g key={t.v} className="recharts-cartesian-axis-tick">
              <line className="recharts-cartesian-axis-tick-line" stroke={AXIS_COLOR} fill="none" x1={t.at} x2={t.at} y1={bottom + TICK_SIZE} y2={bottom} />
              {xShown[i] ? (
                <text className="recharts-text recharts-cartesian-axis-tick-value" x={t.at} y={bottom + TICK_SIZE + TICK_GAP} dy="0.71em" textAnchor="middle" fontSize={FONT_SIZE} fill={AXIS_COLOR}>
                  {t.text}
                </text>
              ) : null}
            </g>
          ))}
          {xl ? (
            <text className="recharts-text recharts-label" x={area.x + area.width / 2} y={bottom + X_AXIS_HEIGHT - xl.offset + (xl.dy ?? 0)} textAnchor="middle" fontSize={FONT_SIZE} fill={LABEL_COLOR}>
              {xl.value}
            </text>
          ) : null}
        </g>
        <g className="recharts-cartesian-axis recharts-yAxis yAxis">
          <line className="recharts-cartesian-axis-line" stroke={AXIS_COLOR} fill="none" x1={area.x} x2={area.x} y1={area.y} y2={bottom} />
          {ys.map((t, i) => (
            <g key={t.v} className="recharts-cartesian-axis-tick">
              <line className="recharts-cartesian-axis-tick-line" stroke={AXIS_COLOR} fill="none" x1={area.x - TICK_SIZE} x2={area.x} y1={t.at} y2={t.at} />
              {yShown[i] ? (
                <text className="recharts-text recharts-cartesian-axis-tick-value" x={area.x - TICK_SIZE - TICK_GAP} y={t.at} dy="0.355em" textAnchor="end" fontSize={FONT_SIZE} fill={AXIS_COLOR}>
                  {t.text}
                </text>
              ) : null}
            </g>
          ))}
          {yl ? (
            <text className="recharts-text recharts-label" transform={`rotate(-90, ${ylx}, ${yly})`} x={ylx} y={yly} dy="0.355em" textAnchor="start" fontSize={FONT_SIZE} fill={LABEL_COLOR}>
              {yl.value}
            </text>
          ) : null}
        </g>
      </ZIndexLayer>
    </>
  );
}

/** Recharts' part: the sized surface and plot area, room for the axes in the margin; re-renders only when its size or layers change. */
const Surface = memo(function Surface({ height, margin, yWidth, layers, vGrid }: { height: number; margin: Margin; yWidth: number; layers: ReactNode; vGrid: boolean }) {
  const style = useMemo(() => ({ width: "100%", height }), [height]);
  const m = useMemo(() => ({ ...margin, left: margin.left + yWidth, bottom: margin.bottom + X_AXIS_HEIGHT }), [margin, yWidth]);
  return (
    <ComposedChart responsive style={style} margin={m} accessibilityLayer={false}>
      <AxesLayer vGrid={vGrid} />
      {layers}
    </ComposedChart>
  );
});

export const Frame = memo(function Frame({ x, y, height, margin, layers, vGrid = true }: { x: Axis; y: Axis; height: number; margin: Margin; layers: ReactNode; vGrid?: boolean }) {
  const axes = useMemo(() => ({ x, y }), [x, y]);
  return (
    <AxesContext.Provider value={axes}>
      <Surface height={height} margin={margin} yWidth={y.width ?? Y_AXIS_WIDTH} layers={layers} vGrid={vGrid} />
    </AxesContext.Provider>
  );
});

/** An axis spec that keeps its identity while its parts are unchanged (domain and ticks arrays compared by value). */
export function useAxis(domain: [number, number], ticks: number[], format: (v: number) => string, log = false, label?: AxisLabel, width?: number): Axis {
  const [d0, d1] = domain;
  const key = ticks.join(",");
  // eslint-disable-next-line react-hooks/exhaustive-deps -- compared by value on purpose
  return useMemo(() => ({ domain: [d0, d1], ticks, format, log, label, width }), [d0, d1, key, format, log, label, width]);
}
