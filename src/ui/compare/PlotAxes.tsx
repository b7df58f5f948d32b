/** The frame of a plain-SVG compare chart: the plot's box, its grid lines and tick labels (positions come from the chart's model). */
export interface AxisTick {
  at: number;
  label: string;
}

export function PlotAxes({ plot, xTicks, yTicks }: { plot: { left: number; top: number; right: number; bottom: number }; xTicks: AxisTick[]; yTicks: AxisTick[] }) {
  return (
    <>
      <rect x={plot.left} y={plot.top} width={plot.right - plot.left} height={plot.bottom - plot.top} fill="#fff" stroke="#e2e8f0" />
      {xTicks.map((t) => (
        <g key={`x${t.label}`}>
          <line x1={t.at} x2={t.at} y1={plot.top} y2={plot.bottom} stroke="#f1f5f9" />
          <text x={t.at} y={plot.bottom + 14} textAnchor="middle" fill="#475569">
            {t.label}
          </text>
        </g>
      ))}
      {yTicks.map((t) => (
        <g key={`y${t.label}`}>
          <line x1={plot.left} x2={plot.right} y1={t.at} y2={t.at} stroke="#f1f5f9" />
          <text x={plot.left - 4} y={t.at + 4} textAnchor="end" fill="#475569">
            {t.label}
          </text>
        </g>
      ))}
    </>
  );
}
