/**
 * Annotations drawn straight from the axes' scales: vertical lines, line segments, shaded x-ranges
 * and text at data coordinates. Recharts' ReferenceLine/ReferenceDot/ReferenceArea report
 * themselves to the chart's store on every render (an effect without dependencies), which costs a
 * second full chart pass after each slider step; these read the scales and report nothing.
 */
import { useId, type ReactNode } from "react";
import { DefaultZIndexes, usePlotArea, useXAxisScale, useYAxisScale, ZIndexLayer } from "recharts";

type Scale = (v: unknown) => number | undefined;
const num = (x: number | undefined): x is number => typeof x === "number" && Number.isFinite(x);

interface MarksContext {
  x: Scale;
  y: Scale;
  area: { x: number; y: number; width: number; height: number };
  clip: string;
}

/** Draws `children(ctx)` clipped to the plot area, in the given z layer; nothing until the scales exist. */
export function Marks({ zIndex = DefaultZIndexes.line, children }: { zIndex?: number; children: (ctx: MarksContext) => ReactNode }) {
  const x = useXAxisScale();
  const y = useYAxisScale();
  const area = usePlotArea();
  const id = `marks-${useId().replace(/:/g, "")}`;
  if (!x || !y || !area) return null;
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
export function VLine({ ctx, x, stroke, dash, label, labelColor, fontSize = 11 }: { ctx: MarksContext; x: number; stroke: string; dash?: string; label?: string; labelColor?: string; fontSize?: number }) {
  const px = ctx.x(x);
  if (!num(px) || px < ctx.area.x - 0.5 || px > ctx.area.x + ctx.area.width + 0.5) return null;
  return (
    <g className="recharts-reference-line">
      <line x1={px} x2={px} y1={ctx.area.y} y2={ctx.area.y + ctx.area.height} stroke={stroke} strokeDasharray={dash} fill="none" />
      {label ? (
        <text x={px} y={ctx.area.y - 5} textAnchor="middle" fontSize={fontSize} fill={labelColor ?? stroke}>
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
