import { lazy, Suspense, useMemo, useRef } from "react";
import { BreakdownExport } from "../export/BreakdownExport";
import { useCalculator } from "../../state/store";
import { selectReport, selectSweep } from "../../state/selectors";
import { breakdownChartModel } from "../../charts/viewModels";
import { COPY } from "../copy/en";
import { Segmented } from "../controls/Segmented";

const BreakdownChart = lazy(() => import("../../charts/BreakdownChart"));

export function ChartPanel() {
  const sweep = useCalculator(selectSweep);
  const report = useCalculator(selectReport);
  const scale = useCalculator((s) => s.view.chartScale);
  const setScale = useCalculator((s) => s.setChartScale);
  const model = useMemo(() => breakdownChartModel(sweep, report), [sweep, report]);
  const chartBox = useRef<HTMLDivElement>(null);
  return (
    <section aria-labelledby="chart-title" className="rounded-lg border border-slate-200 bg-white p-4 shadow-sm">
      <div className="flex flex-wrap items-start justify-between gap-2">
        <h2 id="chart-title" className="text-base font-semibold text-slate-800">
          Where the time goes, by context length
        </h2>
        <Segmented<"share" | "time">
          legend="Chart shows"
          value={scale}
          options={[
            { value: "share", label: "Share" },
            { value: "time", label: "Time" },
          ]}
          onChange={setScale}
        />
      </div>
      <p className="mb-2 text-xs text-slate-600">
        Each operation is bounded by memory bandwidth or by FLOP/s; the colours show which, and how much time it takes.
      </p>
      {model ? (
        <div ref={chartBox}>
          <Suspense fallback={<div className="h-56 text-sm text-slate-500">{COPY.chartLoading}</div>}>
            <BreakdownChart model={model} scale={scale} />
          </Suspense>
          <div className="mt-2 flex justify-end">
            <BreakdownExport model={model} target={chartBox} />
          </div>
        </div>
      ) : (
        <p className="h-56 text-sm text-slate-500">{sweep === null && report ? COPY.chartEmpty : COPY.computing}</p>
      )}
    </section>
  );
}
