/** The best co-located plan beside the best disaggregated one, and why one wins (issue 17). Every number from the core. */
import { calculatorStore, useCalculator } from "../../state/store";
import { inputForPlanRow, inputForSplit, type PlanAnswer } from "../../state/serving";
import { formatInt, formatSeconds, formatUsd } from "../format";

type Comparison = NonNullable<Extract<PlanAnswer, { ok: true }>["comparison"]>;

const precisionOf = (p: { weights: string; kvCache: string; activations: string }) => (p.weights === p.kvCache && p.kvCache === p.activations ? p.weights : `${p.weights} weights, ${p.kvCache} KV`);

export function PlanComparison({ c }: { c: Comparison }) {
  const loadInput = useCalculator((s) => s.loadInput);
  const co = c.colocated;
  const d = c.disaggregated;
  const box = (win: boolean) => `min-w-0 rounded border p-2 ${win ? "border-green-700/40 bg-green-50" : "border-slate-200"}`;
  return (
    <div className="space-y-2" data-testid="plan-comparison">
      <h4 className="text-sm font-semibold text-slate-800">Co-located or disaggregated?</h4>
      <div className="grid grid-cols-1 gap-2 sm:grid-cols-2">
        <div className={box(c.winner === "colocated")} data-testid="plan-best-colocated">
          <p className="text-xs font-semibold text-slate-700">Best co-located{c.winner === "colocated" ? " (cheaper)" : ""}</p>
          {co ? (
            <>
              <p className="text-sm">
                {formatInt(co.replicas)} × {formatInt(co.chipsPerReplica)} {co.hardwareName}, {precisionOf(co.precision)}
              </p>
              <p className="text-xs text-slate-600 tabular-nums">
                {co.costPerHour === null ? "no price" : `${formatUsd(co.costPerHour)}/h`} · TTFT {formatSeconds(co.ttftS)} · TPOT {formatSeconds(co.tpotS)}
                {co.meetsSlo ? "" : " (misses the SLO)"}
              </p>
              <button type="button" className="text-xs text-blue-700 underline" onClick={() => loadInput(inputForPlanRow(calculatorStore.getState().input, co))}>
                Load it
              </button>
            </>
          ) : (
            <p className="text-xs text-slate-600">none meets the SLO</p>
          )}
        </div>
        <div className={box(c.winner === "disaggregated")} data-testid="plan-best-disagg">
          <p className="text-xs font-semibold text-slate-700">Best disaggregated{c.winner === "disaggregated" ? " (cheaper)" : ""}</p>
          {d ? (
            <>
              <p className="text-sm">
                Prefill {formatInt(d.prefill.replicas)} × {formatInt(d.prefill.chipsPerReplica)} {d.prefill.hardwareName}, {precisionOf(d.prefill.precision)}
              </p>
              <p className="text-sm">
                Decode {formatInt(d.decode.replicas)} × {formatInt(d.decode.chipsPerReplica)} {d.decode.hardwareName}, {precisionOf(d.decode.precision)}
              </p>
              <p className="text-xs text-slate-600 tabular-nums">
                {d.costPerHour === null ? "no price" : `${formatUsd(d.costPerHour)}/h`} · TTFT {formatSeconds(d.ttftS)} · TPOT {formatSeconds(d.tpotS)} · KV transfer {formatSeconds(d.transferP50S)}
                {d.meetsSlo ? "" : " (misses the SLO)"}
              </p>
              <p className="text-xs text-slate-500">
                Splits tried (prefill:decode replicas):{" "}
                {d.splits.map((t) => `${t.prefillReplicas}:${t.decodeReplicas} ${t.costPerHour === null ? "" : `${formatUsd(t.costPerHour)}/h`} ${t.meetsSlo ? "meets" : "misses"}`).join(" · ")}
              </p>
              <button
                type="button"
                className="text-xs text-blue-700 underline"
                onClick={() =>
                  loadInput(
                    inputForSplit(calculatorStore.getState().input, {
                      prefill: { ...d.prefill, precision: d.prefill.precision.weights === d.prefill.precision.kvCache && d.prefill.precision.kvCache === d.prefill.precision.activations ? d.prefill.precision.weights : "" },
                      decode: { ...d.decode, precision: d.decode.precision.weights === d.decode.precision.kvCache && d.decode.precision.kvCache === d.decode.precision.activations ? d.decode.precision.weights : "" },
                      layerwise: d.layerwise,
                    }),
                  )
                }
                data-testid="plan-load-disagg"
              >
                Load it
              </button>
            </>
          ) : (
            <p className="text-xs text-slate-600">none meets the SLO</p>
          )}
        </div>
      </div>
      <p className="text-sm text-slate-800" data-testid="plan-reason">
        {c.reason}
      </p>
    </div>
  );
}
