/**
 * Annotations drawn straight from the axes' scales: vertical lines, line segments, shaded x-ranges
 * and text at data coordinates. Recharts' ReferenceLine/ReferenceDot/ReferenceArea report
 * themselves to the chart's store on every render (an effect without dependencies), which costs a
 * second full chart pass after each slider step; these read the scales and report nothing.
 */
import { useId, useState, type ReactNode } from "react";
import { DefaultZIndexes, ZIndexLayer } from "recharts";
import { useFrameScales, type Scale } from "./frame";

const num = (x: number | undefined): x is number => typeof x === "number" && Number.isFinite(x);

interface MarksContext {
  x: Scale;
  y: Scale;
  area: { x: number; y: number; width: number; height: number };
  clip: string;
}

/** The pixel position of data point (x, y), or null when either scale has no finite value for it (off a log axis). */
export function pixel(ctx: MarksContext, x: number, y: number): { cx: number; cy: number } | null {
  const cx = ctx.x(x);
  const cy = ctx.y(y);
  return num(cx) && num(cy) ? { cx, cy } : null;
}

/** Draws `children(ctx)` clipped to the plot area, in the given z layer; nothing until the scales exist. */
export function Marks({ zIndex = DefaultZIndexes.line, children }: { zIndex?: number; children: (ctx: MarksContext) => ReactNode }) {
  const s = useFrameScales();
  const id = `marks-${useId().replace(/:/g, "")}`;
  if (!s) return null;
  const { x, y, area } = s;
  return (
    <ZIndexLayer zIndex={zIndex}>
      <defs>
        <clipPath id={id}>
          <rect x={area.x} y={area.y} width={area.width} height={area.height} />
        </clipPath>
      </defs>
      {children({ x, y, area, clip: `url(#${id})` })}
    </ZIndexLayer>
  );
}

/** A vertical line at data x across the plot, with an optional label above the plot. */
export function VLine({ ctx, x, stroke, dash, width, label, labelColor, labelAt = "top", fontSize = 11, testId }: { ctx: MarksContext; x: number; stroke: string; dash?: string; width?: number; label?: string; labelColor?: string; labelAt?: "top" | "bottom"; fontSize?: number; testId?: string }) {
  const px = ctx.x(x);
  if (!num(px) || px < ctx.area.x - 0.5 || px > ctx.area.x + ctx.area.width + 0.5) return null;
  const bottom = labelAt === "bottom";
  // a label near either edge grows inwards, so it is never cut off
  const rel = (px - ctx.area.x) / Math.max(1, ctx.area.width);
  const topAnchor = rel > 0.7 ? "end" : rel < 0.3 ? "start" : "middle";
  return (
    <g className="recharts-reference-line">
      <line data-testid={testId} x1={px} x2={px} y1={ctx.area.y} y2={ctx.area.y + ctx.area.height} stroke={stroke} strokeWidth={width} strokeDasharray={dash} fill="none" />
      {label ? (
        <text x={bottom ? px - 4 : px} y={bottom ? ctx.area.y + ctx.area.height - 5 : ctx.area.y - 5} textAnchor={bottom ? "end" : topAnchor} fontSize={fontSize} fill={labelColor ?? stroke}>
          {label}
        </text>
      ) : null}
    </g>
  );
}

/** A straight segment between two data points, clipped to the plot. */
export function Segment({ ctx, a, b, stroke, strokeWidth }: { ctx: MarksContext; a: { x: number; y: number }; b: { x: number; y: number }; stroke: string; strokeWidth?: number }) {
  const x1 = ctx.x(a.x);
  const y1 = ctx.y(a.y);
  const x2 = ctx.x(b.x);
  const y2 = ctx.y(b.y);
  if (!num(x1) || !num(y1) || !num(x2) || !num(y2)) return null;
  return <line className="recharts-reference-line" x1={x1} y1={y1} x2={x2} y2={y2} stroke={stroke} strokeWidth={strokeWidth} fill="none" clipPath={ctx.clip} />;
}

/** Text `offset` px above ("top") or below ("bottom") a data point; hidden when the point is outside the plot. */
export function PointLabel({ ctx, x, y, text, position, offset = 14, fill, fontSize = 11, fontWeight }: { ctx: MarksContext; x: number; y: number; text: string; position: "top" | "bottom"; offset?: number; fill: string; fontSize?: number; fontWeight?: number }) {
  const px = ctx.x(x);
  const py = ctx.y(y);
  const { area } = ctx;
  if (!num(px) || !num(py) || px < area.x || px > area.x + area.width || py < area.y || py > area.y + area.height) return null;
  return (
    <text x={px} y={position === "top" ? py - offset : py + offset} dy={position === "top" ? undefined : "0.71em"} textAnchor="middle" fontSize={fontSize} fontWeight={fontWeight} fill={fill}>
      {text}
    </text>
  );
}

/** The plot's full height from data x1 to x2, shaded, with a label in its top right corner. */
export function XBand({ ctx, x1, x2, fill, fillOpacity, stroke, dash, label, fontSize = 11 }: { ctx: MarksContext; x1: number; x2: number; fill: string; fillOpacity: number; stroke: string; dash?: string; label?: string; fontSize?: number }) {
  const a = ctx.x(x1);
  const b = ctx.x(x2);
  if (!num(a) || !num(b)) return null;
  const { area } = ctx;
  const left = Math.max(area.x, Math.min(a, b));
  const right = Math.min(area.x + area.width, Math.max(a, b));
  if (!(right > left)) return null;
  return (
    <g className="recharts-reference-area">
      <rect x={left} y={area.y} width={right - left} height={area.height} fill={fill} fillOpacity={fillOpacity} stroke={stroke} strokeDasharray={dash} />
      {label ? (
        <text x={right - 5} y={area.y + 5} dy="0.71em" textAnchor="end" fontSize={fontSize} fill={stroke}>
          {label}
        </text>
      ) : null}
    </g>
  );
}

/** A horizontal line at data y across the plot, with an optional label inside the plot's top left or right. */
export function HLine({ ctx, y, stroke, dash, width = 1, label, align = "left", fontSize = 11 }: { ctx: MarksContext; y: number; stroke: string; dash?: string; width?: number; label?: string; align?: "left" | "right"; fontSize?: number }) {
  const py = ctx.y(y);
  const { area } = ctx;
  if (!num(py) || py < area.y - 0.5 || py > area.y + area.height + 0.5) return null;
  return (
    <g className="recharts-reference-line">
      <line x1={area.x} x2={area.x + area.width} y1={py} y2={py} stroke={stroke} strokeWidth={width} strokeDasharray={dash} fill="none" />
      {label ? (
        <text x={align === "left" ? area.x + 5 : area.x + area.width - 5} y={py - 4} textAnchor={align === "left" ? "start" : "end"} fontSize={fontSize} fill={stroke}>
          {label}
        </text>
      ) : null}
    </g>
  );
}

/** SVG path through data points, broken where a value is missing (null, non-finite, or off a log axis). */
export function linePath(ctx: MarksContext, pts: readonly (readonly [number, number | null])[], step = false): string {
  let d = "";
  let open = false;
  for (const [x, y] of pts) {
    const px = ctx.x(x);
    const py = y === null ? undefined : ctx.y(y);
    if (!num(px) || !num(py)) {
      open = false;
      continue;
    }
    if (open && step) d += `H${px.toFixed(1)}V${py.toFixed(1)}`;
    else d += `${open ? "L" : "M"}${px.toFixed(1)},${py.toFixed(1)}`;
    open = true;
  }
  return d;
}

/** A line through data points (see linePath), clipped to the plot. */
export function Polyline({ ctx, pts, stroke, width = 2, dash, step }: { ctx: MarksContext; pts: readonly (readonly [number, number | null])[]; stroke: string; width?: number; dash?: string; step?: boolean }) {
  const d = linePath(ctx, pts, step);
  if (!d) return null;
  return <path className="recharts-line-curve" d={d} stroke={stroke} strokeWidth={width} strokeDasharray={dash} fill="none" clipPath={ctx.clip} />;
}

/** A filled band between y0 and y1 at each x ([x, y0, y1] per point), clipped to the plot: one layer of a stack. */
export function Band({ ctx, pts, color, opacity = 0.75 }: { ctx: MarksContext; pts: readonly (readonly [number, number, number])[]; color: string; opacity?: number }) {
  const top: string[] = [];
  const bottom: string[] = [];
  for (const [x, y0, y1] of pts) {
    const px = ctx.x(x);
    const p0 = ctx.y(y0);
    const p1 = ctx.y(y1);
    if (!num(px) || !num(p0) || !num(p1)) continue;
    top.push(`${px.toFixed(1)},${p1.toFixed(1)}`);
    bottom.unshift(`${px.toFixed(1)},${p0.toFixed(1)}`);
  }
  if (top.length < 2) return null;
  return <path className="recharts-area" d={`M${top.join("L")}L${bottom.join("L")}Z`} fill={color} fillOpacity={opacity} stroke={color} strokeWidth={1} clipPath={ctx.clip} />;
}

export interface ReadoutLine {
  text: string;
  color: string;
}

const TIP_W = 212;
const TIP_LINE = 14;

/**
 * Hovering the plot picks the nearest of `xs` (data x) and shows `read(i)`: a guide line and a
 * small box of coloured lines. Kept in this component's state, so hovering never re-renders the chart.
 */
export function HoverReadout({ xs, read, testId }: { xs: readonly number[]; read: (i: number) => { title: string; lines: ReadoutLine[] }; testId?: string }) {
  const [at, setAt] = useState<number | null>(null);
  return (
    <Marks zIndex={DefaultZIndexes.cursorLine}>
      {(ctx) => {
        const px = xs.map((x) => ctx.x(x) ?? NaN);
        const { area } = ctx;
        const onMove = (e: React.PointerEvent<SVGRectElement>) => {
          const box = e.currentTarget.getBoundingClientRect();
          const p = area.x + (e.clientX - box.left);
          let best = -1;
          px.forEach((x, i) => {
            if (Number.isFinite(x) && (best < 0 || Math.abs(x - p) < Math.abs(px[best]! - p))) best = i;
          });
          setAt(best >= 0 ? best : null);
        };
        const x = at !== null ? px[at] : undefined;
        let tip = null;
        if (at !== null && typeof x === "number" && Number.isFinite(x)) {
          const { title, lines } = read(at);
          const h = (lines.length + 1) * TIP_LINE + 8;
          // right of the guide when it fits, else left of it, never past the drawing's left edge
          const left = x + 8 + TIP_W > area.x + area.width ? Math.max(2, x - 8 - TIP_W) : x + 8;
          tip = (
            <g pointerEvents="none" data-testid={testId}>
              <line x1={x} x2={x} y1={area.y} y2={area.y + area.height} stroke="#475569" strokeDasharray="2 2" />
              <rect x={left} y={area.y} width={TIP_W} height={h} rx={4} fill="#ffffff" fillOpacity={0.95} stroke="#cbd5e1" />
              <text x={left + 6} y={area.y + TIP_LINE} fontSize={11} fontWeight={600} fill="#0f172a">
                {title}
              </text>
              {lines.map((l, i) => (
                <g key={i}>
                  <rect x={left + 6} y={area.y + TIP_LINE * (i + 2) - 8} width={8} height={8} fill={l.color} />
                  <text x={left + 18} y={area.y + TIP_LINE * (i + 2)} fontSize={11} fill="#0f172a">
                    {l.text}
                  </text>
                </g>
              ))}
            </g>
          );
        }
        return (
          <>
            <rect x={area.x} y={area.y} width={area.width} height={area.height} fill="transparent" onPointerMove={onMove} onPointerLeave={() => setAt(null)} />
            {tip}
          </>
        );
      }}
    </Marks>
  );
}
