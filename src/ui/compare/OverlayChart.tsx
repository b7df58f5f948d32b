/** A against B on one chart: a time figure against context length, A dashed, B solid (plain SVG). */
import { useMemo, useRef, useState } from "react";
import { PlotAxes } from "./PlotAxes";
import { useBoxWidth } from "./useBoxWidth";
import { overlayGeometry, overlayRows, type CurveIn, type OverlayMetric } from "./overlayModel";
import { Segmented } from "../controls/Segmented";
import { ChartExport } from "../export/ChartExport";

export const A_COLOR = "#7c3aed";
export const B_COLOR = "#0f766e";

const CSV_COLUMNS = [
  { key: "scenario", label: "scenario" },
  { key: "context", label: "context (tokens)" },
  { key: "prefillS", label: "prefill time (s)" },
  { key: "decodeStepS", label: "decode step time (s)" },
  { key: "fits", label: "fits in memory" },
];

export function OverlayChart({ a, b }: { a: CurveIn[]; b: CurveIn[] }) {
  const [metric, setMetric] = useState<OverlayMetric>("decodeStepS");
  const box = useRef<HTMLDivElement>(null);
  const width = useBoxWidth(box, 560);
  const g = useMemo(() => overlayGeometry(a, b, metric, width), [a, b, metric, width]);
  const rows = useMemo(() => overlayRows(a, b), [a, b]);
  const title = metric === "decodeStepS" ? "Decode step time, A against B" : "Prefill time, A against B";
  return (
    <div className="min-w-0">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <h3 className="text-sm font-semibold text-slate-800">{title}</h3>
        <Segmented<OverlayMetric>
          legend="Overlay shows"
          value={metric}
          options={[
            { value: "decodeStepS", label: "Decode step" },
            { value: "prefillS", label: "Prefill" },
          ]}
          onChange={setMetric}
        />
      </div>
      <div ref={box} className="mt-1 w-full overflow-hidden">
        <svg
          data-export
          data-testid="overlay-chart"
          role="img"
          aria-label={`${title} against context length, log axes; A dashed, B solid`}
          viewBox={`0 0 ${g.width} ${g.height}`}
          width={g.width}
          height={g.height}
          className="h-auto max-w-full"
          fontSize={11}
        >
          <PlotAxes plot={g.plot} xTicks={g.xTicks} yTicks={g.yTicks} />
          <text x={8} y={g.plot.top + 10} fill="#475569">
            {g.unit}
          </text>
          <text x={g.plot.right} y={g.height - 2} textAnchor="end" fill="#475569">
            context (tokens)
          </text>
          <path d={g.a} fill="none" stroke={A_COLOR} strokeWidth={2} strokeDasharray="6 4" />
          <path d={g.b} fill="none" stroke={B_COLOR} strokeWidth={2} />
        </svg>
      </div>
      <div className="mt-1 flex flex-wrap items-center justify-between gap-2">
        <ul className="flex gap-3 text-xs text-slate-700" aria-label="Legend">
          <li className="flex items-center gap-1">
            <svg width="22" height="6" aria-hidden>
              <line x1="0" x2="22" y1="3" y2="3" stroke={A_COLOR} strokeWidth="2" strokeDasharray="6 4" />
            </svg>
            A
          </li>
          <li className="flex items-center gap-1">
            <svg width="22" height="6" aria-hidden>
              <line x1="0" x2="22" y1="3" y2="3" stroke={B_COLOR} strokeWidth="2" />
            </svg>
            B
          </li>
        </ul>
        <ChartExport title={title} target={box} columns={CSV_COLUMNS} rows={rows} />
      </div>
    </div>
  );
}
