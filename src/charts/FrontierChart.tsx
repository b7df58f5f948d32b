/**
 * The latency–cost frontier (Pope et al. 2022, Figure 1): every layout that fits, cost per token
 * against time per token, with the Pareto frontier drawn through the points no other beats on both.
 * Clicking a point loads it.
 */
import { createContext, memo, useContext, useMemo, useState } from "react";
import { DefaultZIndexes } from "recharts";
import { WEIGHT_COLORS, type FrontierDot, type FrontierModel } from "./frontierModel";
import { sig, siTick } from "../core/format";
import { PALETTE } from "./palette";
import { Frame, useAxis } from "./frame";
import { Marks, pixel, Polyline } from "./marks";
import { useShared } from "./stable";

const Data = createContext<{ model: FrontierModel | null }>({ model: null });
/** The dot under the pointer (its own context, so hovering re-renders only the readout). */
const Hovered = createContext<FrontierDot | null>(null);

/** The dots and the frontier, structurally shared between answers: a batch step (which only moves the star) leaves them alone. */
const DotsData = createContext<{ dots: FrontierDot[]; pareto: FrontierDot[]; onPick(d: FrontierDot): void; setHover(d: FrontierDot | null): void }>({
  dots: [],
  pareto: [],
  onPick: () => {},
  setHover: () => {},
});

/** Every layout that fits, one dot each (drawn from the axis scales; a click loads it), and the Pareto frontier. */
const Dots = memo(function Dots() {
  const { dots, pareto, onPick, setHover } = useContext(DotsData);
  return (
    <Marks zIndex={DefaultZIndexes.scatter}>
      {(ctx) => (
        <>
          <Polyline ctx={ctx} pts={pareto.map((d) => [d.x, d.y] as const)} stroke={PALETTE.roof} step />
          <g data-testid="frontier-dots">
            {dots.map((d) => {
              const p = pixel(ctx, d.x, d.y);
              if (!p) return null;
              return (
                <circle
                  key={`${d.chips}-${d.batch}-${d.weights}`}
                  className="frontier-dot"
                  cx={p.cx}
                  cy={p.cy}
                  r={4.5}
                  fill={WEIGHT_COLORS[d.weights] ?? "#334155"}
                  fillOpacity={0.55}
                  cursor="pointer"
                  onClick={() => onPick(d)}
                  onPointerEnter={() => setHover(d)}
                  onPointerLeave={() => setHover(null)}
                />
              );
            })}
          </g>
        </>
      )}
    </Marks>
  );
});

/** "Your scenario": a star above the dots that lets clicks through to them. */
function Current() {
  const { model } = useContext(Data);
  const d = model?.current;
  if (!d) return null;
  return (
    <Marks zIndex={DefaultZIndexes.activeDot}>
      {(ctx) => {
        const p = pixel(ctx, d.x, d.y);
        if (!p) return null;
        const { cx, cy } = p;
        const pts = Array.from({ length: 10 }, (_, i) => {
          const r = i % 2 === 0 ? 9 : 4;
          const a = (Math.PI / 5) * i - Math.PI / 2;
          return `${(cx + r * Math.cos(a)).toFixed(1)},${(cy + r * Math.sin(a)).toFixed(1)}`;
        }).join(" ");
        return <polygon data-testid="frontier-current" points={pts} fill="#facc15" stroke="#0f172a" strokeWidth={2} pointerEvents="none" />;
      }}
    </Marks>
  );
}

/** What the hovered dot is: its layout, its time and cost, and that a click loads it. */
function Readout() {
  const d = useContext(Hovered);
  const { model } = useContext(Data);
  if (!d || !model) return null;
  const lines = [
    `${d.chips} chip${d.chips === 1 ? "" : "s"}, batch ${d.batch}, ${d.weights} weights${d.pareto ? " · on the frontier" : ""}`,
    `${sig(d.x)} ms per token · ${sig(d.y)} ${model.costUnit}`,
    "Click to load it",
  ];
  return (
    <Marks zIndex={DefaultZIndexes.label}>
      {(ctx) => {
        const p = pixel(ctx, d.x, d.y);
        if (!p) return null;
        const { cx, cy } = p;
        const w = 300;
        const h = lines.length * 14 + 8;
        const { area } = ctx;
        const left = cx + 10 + w > area.x + area.width ? Math.max(2, cx - 10 - w) : cx + 10;
        const top = Math.min(Math.max(area.y, cy - h / 2), area.y + area.height - h);
        return (
          <g pointerEvents="none" data-testid="frontier-readout">
            <circle cx={cx} cy={cy} r={7} fill="none" stroke="#0f172a" strokeWidth={1.5} />
            <rect x={left} y={top} width={w} height={h} rx={4} fill="#ffffff" fillOpacity={0.95} stroke="#cbd5e1" />
            {lines.map((t, i) => (
              <text key={i} x={left + 6} y={top + 14 * (i + 1)} fontSize={11} fontWeight={i === 0 ? 600 : 400} fill={i === 2 ? "#64748b" : "#0f172a"}>
                {t}
              </text>
            ))}
          </g>
        );
      }}
    </Marks>
  );
}

const LAYERS = (
  <>
    <Dots />
    <Current />
    <Readout />
  </>
);
const MARGIN = { top: 12, right: 16, bottom: 18, left: 4 } as const;
const X_LABEL = { value: "time per output token (ms)", offset: -12 };

function FrontierChart({ model, onPick }: { model: FrontierModel; onPick(d: FrontierDot): void }) {
  const yLabel = useMemo(
    () => ({ value: model.costUnit.replace(" per 1M output tokens", " / 1M tokens"), offset: 10, dy: 60 }),
    [model.costUnit],
  );
  const x = useAxis(model.xDomain, model.xTicks, siTick, true, X_LABEL);
  const y = useAxis(model.yDomain, model.yTicks, siTick, true, yLabel, 52);
  const [hover, setHover] = useState<FrontierDot | null>(null);
  const data = useMemo(() => ({ model }), [model]);
  const dots = useShared(model.dots);
  const pareto = useShared(model.pareto);
  const dotsData = useMemo(() => ({ dots, pareto, onPick, setHover }), [dots, pareto, onPick]);
  return (
    <div>
      <div role="img" aria-label={model.ariaLabel} data-testid="frontier-chart">
        <Data.Provider value={data}>
          <DotsData.Provider value={dotsData}>
            <Hovered.Provider value={hover}>
              <Frame x={x} y={y} height={300} margin={MARGIN} layers={LAYERS} />
            </Hovered.Provider>
          </DotsData.Provider>
        </Data.Provider>
      </div>
      <ul className="mt-1 flex flex-wrap gap-x-4 gap-y-1 text-xs text-slate-700" aria-label="Legend">
        {model.weights.map((w) => (
          <li key={w} className="flex items-center gap-1">
            <span className="inline-block size-2.5 rounded-full" style={{ background: WEIGHT_COLORS[w] ?? "#334155" }} aria-hidden />
            {w} weights
          </li>
        ))}
        <li className="flex items-center gap-1">
          <span className="inline-block h-0.5 w-4" style={{ background: PALETTE.roof }} aria-hidden />
          Pareto frontier
        </li>
        <li>★ your scenario</li>
      </ul>
    </div>
  );
}

export default memo(FrontierChart);
