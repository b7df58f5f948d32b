/** The capacity plan: the cheapest deployments that serve the rate within the SLO, searched in the serving worker. */
import { calculatorStore, useCalculator } from "../../state/store";
import { inputForPlanRow, runCapacityPlan, useServing, type PlanRowLite } from "../../state/serving";
import { formatInt, formatPercent, formatSeconds, formatUsd, sig } from "../format";
import { PlanComparison } from "./PlanComparison";

const calculatorInput = () => calculatorStore.getState().input;

const precisionLabel = (p: PlanRowLite["precision"]) => (p.weights === p.kvCache && p.kvCache === p.activations ? p.weights : `${p.weights} weights, ${p.kvCache} KV`);

export function CapacityPlan({ closed }: { closed: boolean }) {
  const plan = useServing((s) => s.plan);
  const loadInput = useCalculator((s) => s.loadInput);
  const running = plan.status === "running";
  const answer = plan.answer;
  const asked = plan.input?.serving;
  const anyUnpriced = answer?.rows.some((r) => r.costPerHour === null) ?? false;
  return (
    <section aria-labelledby="plan-title" className="space-y-2 border-t border-slate-200 pt-3">
      <h3 id="plan-title" className="text-sm font-semibold text-slate-800">
        Capacity plan
      </h3>
      <p className="text-xs text-slate-600">
        The cheapest ways to serve this request rate within the SLO, across hardware presets, chips per replica, precisions and replica counts; each candidate checked by simulation.
      </p>
      <div className="flex flex-wrap items-center gap-2">
        <button
          type="button"
          disabled={closed}
          onClick={() => void runCapacityPlan()}
          className="rounded bg-blue-600 px-3 py-1 text-sm font-medium text-white disabled:opacity-40"
          data-testid="plan-run"
        >
          {running ? "Restart the plan" : "Plan capacity"}
        </button>
        {closed ? <span className="text-xs text-slate-600">The plan sizes for a request rate: switch the load to “Request rate”.</span> : null}
        {running && plan.slow ? (
          <span role="status" className="flex items-center gap-2 text-xs text-slate-700" data-testid="plan-progress">
            Searching… <progress max={1} value={plan.progress} aria-label="Capacity plan progress" className="h-2 w-28" /> {formatPercent(plan.progress)}
          </span>
        ) : null}
      </div>
      {plan.status === "error" ? (
        <ul role="alert" className="text-sm text-red-700">
          {plan.problems.map((p) => (
            <li key={p}>{p}</li>
          ))}
        </ul>
      ) : null}
      {answer ? (
        <p className="text-xs text-slate-600" data-testid="plan-summary">For {asked?.requestRate !== undefined ? `${sig(asked.requestRate)} req/s` : "the rate"}
              {asked?.slo ? `, SLO p${sig(asked.slo.percentile ?? 99)} TTFT ≤ ${asked.slo.ttftS !== undefined ? formatSeconds(asked.slo.ttftS) : "any"}, TPOT ≤ ${asked.slo.tpotS !== undefined ? formatSeconds(asked.slo.tpotS) : "any"}` : ", no SLO (sized to saturation)"}: {answer.rows.length} cheapest of {answer.considered} candidates ({answer.skipped} left out), searched in {formatSeconds(answer.ms / 1000)}. Choose a row to load it.</p>
      ) : null}
      {answer ? (
        <div className="max-w-full overflow-x-auto" tabIndex={0} role="region" aria-label="Capacity plan table (scrolls sideways on a narrow screen)">
          <table className="w-full min-w-[40rem] text-xs" data-testid="plan-table">
            <caption className="sr-only">Capacity plan, cheapest first</caption>
            <thead>
              <tr className="border-b border-slate-200 text-slate-600">
                <th scope="col" className="py-1 pr-2 text-left font-medium">#</th>
                <th scope="col" className="py-1 pr-2 text-left font-medium">Hardware</th>
                <th scope="col" className="py-1 pr-2 text-right font-medium">Chips / replica</th>
                <th scope="col" className="py-1 pr-2 text-left font-medium">Precision</th>
                <th scope="col" className="py-1 pr-2 text-right font-medium">Replicas</th>
                <th scope="col" className="py-1 pr-2 text-right font-medium">Cost ($/h)</th>
                <th scope="col" className="py-1 pr-2 text-right font-medium">{anyUnpriced ? "$ or chip-s / 1M output tokens" : "$ / 1M output tokens"}</th>
                <th scope="col" className="py-1 text-right font-medium">TTFT · TPOT (at the SLO percentile)</th>
              </tr>
            </thead>
            <tbody>
              {answer.rows.map((r, i) => (
                <tr key={`${r.hardware}-${r.chipsPerReplica}-${precisionLabel(r.precision)}`} className="border-b border-slate-100">
                  <td className="py-1 pr-2">{i + 1}</td>
                  <td className="py-1 pr-2">
                    <button
                      type="button"
                      className="text-left text-blue-700 underline"
                      onClick={() => loadInput(inputForPlanRow(calculatorInput(), r))}
                      aria-label={`Load plan ${i + 1}: ${r.replicas} × ${r.chipsPerReplica} ${r.hardwareName}, ${precisionLabel(r.precision)}`}
                      data-testid={`plan-load-${i + 1}`}
                    >
                      {r.hardwareName}
                    </button>
                    {r.meetsSlo ? null : <span className="ml-1 text-red-700">(misses SLO)</span>}
                  </td>
                  <td className="whitespace-nowrap py-1 pr-2 text-right tabular-nums">{formatInt(r.chipsPerReplica)}</td>
                  <td className="py-1 pr-2">{precisionLabel(r.precision)}</td>
                  <td className="whitespace-nowrap py-1 pr-2 text-right tabular-nums">{formatInt(r.replicas)}</td>
                  <td className="whitespace-nowrap py-1 pr-2 text-right tabular-nums">{r.costPerHour === null ? "no price" : formatUsd(r.costPerHour)}</td>
                  <td className="whitespace-nowrap py-1 pr-2 text-right tabular-nums">
                    {r.costPerMillionOutputTokens !== null ? formatUsd(r.costPerMillionOutputTokens) : `${formatInt(r.chipSecondsPerMillionOutputTokens)} chip-s`}
                  </td>
                  <td className="whitespace-nowrap py-1 text-right tabular-nums">
                    {formatSeconds(r.ttftS)} · {formatSeconds(r.tpotS)}
                    <span className="block text-slate-500">{formatPercent(r.utilization)} busy</span>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
      {answer?.comparison ? <PlanComparison c={answer.comparison} /> : null}
    </section>
  );
}
