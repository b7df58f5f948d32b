/**
 * The latency–cost frontier (Pope et al. 2022, Figure 1): every layout that fits, cost per token
 * against time per token, with the Pareto frontier drawn through the points no other beats on both.
 * Clicking a point loads it.
 */
import { memo } from "react";
import { CartesianGrid, ComposedChart, Line, Scatter, Tooltip, XAxis, YAxis } from "recharts";
import { siTick, sig3, WEIGHT_COLORS, type FrontierDot, type FrontierModel } from "./insightModels";
import { PALETTE } from "./palette";

function FrontierChart({ model, onPick }: { model: FrontierModel; onPick(d: FrontierDot): void }) {
  const byWeights = model.weights.map((w) => ({ w, dots: model.dots.filter((d) => d.weights === w) }));
  return (
    <div>
      <div role="img" aria-label={model.ariaLabel} data-testid="frontier-chart">
        <ComposedChart responsive style={{ width: "100%", height: 300 }} margin={{ top: 12, right: 16, bottom: 18, left: 4 }} accessibilityLayer={false}>
          <CartesianGrid stroke="#e2e8f0" />
          <XAxis
            dataKey="x"
            type="number"
            scale="log"
            domain={model.xDomain}
            ticks={model.xTicks}
            tickFormatter={siTick}
            allowDataOverflow
            tick={{ fontSize: 11 }}
            label={{ value: "time per output token (ms)", position: "insideBottom", offset: -12, fontSize: 11, fill: "#475569" }}
          />
          <YAxis
            dataKey="y"
            type="number"
            scale="log"
            domain={model.yDomain}
            ticks={model.yTicks}
            tickFormatter={siTick}
            allowDataOverflow
            width={52}
            tick={{ fontSize: 11 }}
            label={{ value: model.costUnit.replace(" per 1M output tokens", " / 1M tokens"), angle: -90, position: "insideLeft", offset: 10, fontSize: 11, fill: "#475569", dy: 60 }}
          />
          <Line data={model.pareto} dataKey="y" stroke={PALETTE.roof} strokeWidth={2} dot={false} activeDot={false} isAnimationActive={false} name="Pareto frontier" type="stepAfter" />
          {byWeights.map(({ w, dots }) => (
            <Scatter
              key={w}
              name={`${w} weights`}
              data={dots}
              fill={WEIGHT_COLORS[w] ?? "#334155"}
              fillOpacity={0.55}
              isAnimationActive={false}
              cursor="pointer"
              onClick={(p: unknown) => {
                const d = (p as { payload?: FrontierDot })?.payload;
                if (d) onPick(d);
              }}
            />
          ))}
          {model.current ? <Scatter name="your scenario" data={[model.current]} fill="#facc15" stroke="#0f172a" strokeWidth={2} shape="star" isAnimationActive={false} legendType="none" /> : null}
          <Tooltip
            shared={false}
            isAnimationActive={false}
            cursor={false}
            content={({ active, payload }) => {
              const d = active ? (payload?.[0]?.payload as FrontierDot | undefined) : undefined;
              if (!d || d.chips === undefined) return null;
              return (
                <div className="rounded border border-slate-200 bg-white px-2 py-1 text-xs shadow">
                  <div className="font-semibold">
                    {d.chips} chip{d.chips === 1 ? "" : "s"}, batch {d.batch}, {d.weights} weights{d.pareto ? " (on the frontier)" : ""}
                  </div>
                  <div>
                    {sig3(d.x)} ms per token · {sig3(d.y)} {model.costUnit}
                  </div>
                  <div className="text-slate-500">Click to load it</div>
                </div>
              );
            }}
          />
        </ComposedChart>
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
