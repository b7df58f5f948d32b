/**
 * "Serving under load": off by default (the page's figures are the static ones); "Simulate
 * traffic" adds a serving block to the scenario, simulated in its own worker whenever the input
 * changes. Loaded lazily, in its own chunk.
 */
import { useEffect } from "react";
import { useCalculator } from "../../state/store";
import { selectReport, selectScenario } from "../../state/selectors";
import { DEFAULT_SERVING, startServing, useServing } from "../../state/serving";
import { formatPercent, formatSeconds } from "../format";
import { ServingControls } from "./ServingControls";
import { ServingResults } from "./ServingResults";
import { ServingCharts } from "../../charts/ServingCharts";
import { CapacityPlan } from "./CapacityPlan";

export function ServingPanel() {
  const serving = useCalculator((s) => s.input.serving);
  const patch = useCalculator((s) => s.patchInput);
  const staticCost = useCalculator((s) => selectReport(s)?.total.costPerMillionOutputTokens ?? null);
  const staticBatch = useCalculator((s) => selectScenario(s)?.workload.batch ?? null);
  const sim = useServing((s) => s.sim);
  useEffect(() => startServing(), []);
  const on = serving !== undefined;
  const run = on ? sim.answer?.run : undefined;
  const running = sim.status === "running";
  return (
    <section aria-labelledby="serving-title" className="min-w-0 rounded-lg border border-slate-200 bg-white p-4 shadow-sm" data-testid="serving">
      <div className="flex flex-wrap items-start justify-between gap-2">
        <h2 id="serving-title" className="text-base font-semibold text-slate-800">
          Serving under load
        </h2>
        {on ? (
          <button type="button" onClick={() => patch("serving", undefined)} className="text-xs text-slate-600 underline" data-testid="serving-off">
            Stop simulating traffic
          </button>
        ) : null}
      </div>
      {!on ? (
        <div className="mt-2 space-y-2 text-sm text-slate-700">
          <p>
            The figures above assume a full batch that is always busy. Real traffic arrives at random: requests queue, batches are part-full, long prompts hold up other users&apos; tokens. Simulate it
            to see latency percentiles, the rate where the queue explodes, and what a deployment that meets your SLO costs.
          </p>
          <button type="button" onClick={() => patch("serving", structuredClone(DEFAULT_SERVING))} className="rounded bg-blue-600 px-3 py-1 text-sm font-medium text-white" data-testid="serving-on">
            Simulate traffic
          </button>
        </div>
      ) : (
        <div className="mt-3 grid grid-cols-1 gap-4 xl:grid-cols-[minmax(0,17rem)_minmax(0,1fr)]">
          <ServingControls serving={serving} />
          <div className="min-w-0 space-y-3" aria-busy={running}>
            <div className="min-h-5 text-xs" aria-live="polite">
              {running && sim.slow ? (
                <span role="status" className="flex items-center gap-2 text-slate-700" data-testid="serving-progress">
                  Simulating… <progress max={1} value={sim.progress} aria-label="Simulation progress" className="h-2 w-28" /> {formatPercent(sim.progress)}
                </span>
              ) : sim.answer && !running ? (
                <span className="text-slate-500" data-testid="serving-done">
                  Simulated {sim.answer.run.spec.requests.toLocaleString("en-US")} requests, the rate curve and the timeline in {formatSeconds(sim.answer.ms / 1000)} (in a worker).
                </span>
              ) : null}
            </div>
            {sim.status === "error" ? (
              <ul role="alert" className="rounded border border-red-300 bg-red-50 p-2 text-sm text-red-900" data-testid="serving-problems">
                {sim.problems.map((p) => (
                  <li key={p}>{p}</li>
                ))}
              </ul>
            ) : null}
            {run ? (
              <div className={running ? "opacity-60 transition-opacity" : undefined} data-testid="serving-results">
                <ServingResults run={run} staticCost={staticCost} staticBatch={staticBatch} />
                <div className="mt-3">
                  <ServingCharts run={run} />
                </div>
              </div>
            ) : sim.status !== "error" ? (
              <p className="text-sm text-slate-500">Simulating the first requests…</p>
            ) : null}
            <CapacityPlan closed={serving.requestRate === undefined && serving.concurrency !== undefined} />
          </div>
        </div>
      )}
    </section>
  );
}
