/** Days to break even against traffic (plain SVG, log–log): the line falls as traffic grows. */
import { useMemo, useRef } from "react";
import { PlotAxes } from "./PlotAxes";
import { useBoxWidth } from "./useBoxWidth";
import { breakEvenGeometry, type BreakEvenGeometry } from "./breakEvenModel";
import { B_COLOR } from "./OverlayChart";
import type { BreakEvenPoint } from "../../state/compare";

export function BreakEvenChart({ points, here }: { points: BreakEvenPoint[]; here: BreakEvenPoint }) {
  const box = useRef<HTMLDivElement>(null);
  const width = useBoxWidth(box, 560);
  const g = useMemo(() => breakEvenGeometry(points, here, width), [points, here, width]);
  return <div ref={box} className="min-w-0">{g === "never" || g === "at-once" ? <Empty why={g} /> : <Chart g={g} />}</div>;
}

function Empty({ why }: { why: "never" | "at-once" }) {
  if (why === "never") return <p className="mt-2 text-xs text-slate-600" data-testid="break-even-chart-none">B does not cost less to serve at any traffic, so no traffic pays back its one-time cost.</p>;
  return <p className="mt-2 text-xs text-slate-600" data-testid="break-even-chart-none">Nothing to pay back: with no training cost, B saves from the first request at any traffic.</p>;
}

function Chart({ g }: { g: BreakEvenGeometry }) {
  return (
    <figure className="mt-3 min-w-0">
      <figcaption className="text-xs font-semibold text-slate-800">Break-even against traffic</figcaption>
      <svg
        data-testid="break-even-chart"
        role="img"
        aria-label="Days until B pays for itself against traffic in requests per second, log axes: ten times the traffic breaks even ten times sooner"
        viewBox={`0 0 ${g.width} ${g.height}`}
        width={g.width}
        height={g.height}
        className="mt-1 h-auto max-w-full"
        fontSize={11}
      >
        <PlotAxes plot={g.plot} xTicks={g.xTicks} yTicks={g.yTicks} />
        {g.refs.map((r) => (
          <g key={r.label}>
            <line x1={g.plot.left} x2={g.plot.right} y1={r.at} y2={r.at} stroke="#94a3b8" strokeDasharray="4 3" />
            <text x={g.plot.right - 4} y={r.at - 3} textAnchor="end" fill="#475569">
              {r.label}
            </text>
          </g>
        ))}
        <text x={g.plot.left - 4} y={g.plot.top - 8} textAnchor="end" fill="#475569">
          days
        </text>
        <text x={g.plot.right} y={g.height - 2} textAnchor="end" fill="#475569">
          traffic (requests/s)
        </text>
        <path d={g.path} fill="none" stroke={B_COLOR} strokeWidth={2} />
        {g.marker ? (
          <g data-testid="break-even-marker">
            <circle cx={g.marker.x} cy={g.marker.y} r={4.5} fill={B_COLOR} stroke="#fff" strokeWidth={1.5} />
            <text x={g.marker.x + 7} y={g.marker.y - 6} fill="#0f172a">
              your traffic
            </text>
          </g>
        ) : null}
      </svg>
    </figure>
  );
}
