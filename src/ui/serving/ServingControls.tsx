/** The serving block's inputs: load, length shape, replicas, scheduler, SLO. Every label carries its unit. */
import { useId } from "react";
import { useCalculator } from "../../state/store";
import { selectScenario } from "../../state/selectors";
import { SERVING_DEFAULTS, type ServingInput } from "../../core/serving/input";
import { findWorkload, WORKLOADS } from "../../core/serving/workloads";
import { withDataset, withLoad, withMean, withScheduler, withSlo } from "../../state/serving";
import { NumberField } from "../controls/NumberField";
import { Segmented } from "../controls/Segmented";
import { Select } from "../controls/Select";
import { formatInt, sig } from "../format";
import { ServingSlider } from "./ServingSlider";
import { AdvancedControls } from "./AdvancedControls";

const FIXED = "__fixed";
const PERCENTILES = [50, 90, 95, 99, 99.9];

export function ServingControls({ serving }: { serving: ServingInput }) {
  const patch = useCalculator((s) => s.patchInput);
  const scenario = useCalculator(selectScenario);
  // patchInput merges: name every old field (undefined drops it) so the block becomes exactly `next`
  const set = (next: ServingInput) => patch("serving", { ...Object.fromEntries(Object.keys(serving).map((k) => [k, undefined])), ...next });
  const chunkId = useId();
  const rate = serving.requestRate;
  const closed = rate === undefined && serving.concurrency !== undefined;
  const workload = serving.dataset ? findWorkload(serving.dataset) : undefined;
  const shapeMean = (which: "promptTokens" | "outputTokens") => {
    const d = workload?.[which];
    return d && d.dist !== "uniform" ? d.mean : (scenario?.workload[which] ?? null);
  };
  const fixed = (which: "promptTokens" | "outputTokens") => (workload ? workload[which].dist === "fixed" : (serving[which]?.dist ?? "fixed") === "fixed");
  const mean = (which: "promptTokens" | "outputTokens") => serving[which]?.mean ?? shapeMean(which);
  const sched = { ...SERVING_DEFAULTS.scheduler, ...serving.scheduler };
  const slo = serving.slo;

  return (
    <div className="space-y-3" role="group" aria-label="Traffic">
      <Segmented<"rate" | "concurrency">
        legend="Load"
        value={closed ? "concurrency" : "rate"}
        options={[
          { value: "rate", label: "Request rate", hint: "Open loop: requests arrive at this rate whatever the latency" },
          { value: "concurrency", label: "Concurrency", hint: "Closed loop: each client sends its next request when its last one completes" },
        ]}
        onChange={(k) => set(withLoad(serving, k === "rate" ? { kind: "rate", value: 10 } : { kind: "concurrency", value: 32 }))}
      />
      {closed ? (
        <ServingSlider label="Concurrency" unit="clients" min={1} max={4096} integer value={serving.concurrency!} onChange={(v) => set(withLoad(serving, { kind: "concurrency", value: v }))} valueText={(v) => `${formatInt(v)} clients`} testId="serving-concurrency" />
      ) : (
        <ServingSlider label="Request rate" unit="req/s" min={0.01} max={10000} value={rate ?? 10} onChange={(v) => set(withLoad(serving, { kind: "rate", value: v }))} valueText={(v) => `${sig(v)} requests per second`} testId="serving-rate" />
      )}
      <div>
        <Select
          label="Workload shape (request lengths)"
          value={serving.dataset ?? FIXED}
          options={[
            ...WORKLOADS.map((w) => ({ value: w.id, label: w.name })),
            { value: FIXED, label: "Fixed: the workload panel's prompt and output tokens" },
          ]}
          onChange={(v) => set(withDataset(serving, v === FIXED ? undefined : v))}
          testId="serving-dataset"
        />
        {workload ? (
          <p className="mt-1 text-xs text-slate-500 [overflow-wrap:anywhere]">
            {workload.notes}
            {workload.uncertain.length ? ` Estimated, not published: ${workload.uncertain.join(", ")}.` : ""}{" "}
            <span title={workload.source} className="underline decoration-dotted">
              Source
            </span>
            : {workload.source.length > 140 ? `${workload.source.slice(0, 140)}…` : workload.source}
          </p>
        ) : null}
      </div>
      <div className="grid grid-cols-2 gap-2">
        <NumberField label="Mean prompt" unit="tokens" integer={fixed("promptTokens")} value={mean("promptTokens")} onCommit={(v) => set(withMean(serving, "promptTokens", v, fixed("promptTokens")))} testId="serving-prompt-mean" />
        <NumberField label="Mean output" unit="tokens" integer={fixed("outputTokens")} value={mean("outputTokens")} onCommit={(v) => set(withMean(serving, "outputTokens", v, fixed("outputTokens")))} testId="serving-output-mean" />
      </div>
      <div className="grid grid-cols-2 gap-2">
        {serving.disaggregated ? (
          <p className="text-xs text-slate-600">Replicas: set per pool below (prefill and decode).</p>
        ) : (
          <NumberField label="Replicas" unit="copies of the model" integer min={1} value={serving.replicas ?? SERVING_DEFAULTS.replicas} onCommit={(v) => set({ ...serving, replicas: v })} testId="serving-replicas" />
        )}
        <NumberField label="Max sequences" unit="per replica" integer min={1} value={sched.maxSequences} onCommit={(v) => set(withScheduler(serving, { maxSequences: v }))} testId="serving-max-seqs" />
        <NumberField label="Max batched tokens" unit="tokens per iteration" integer min={1} value={sched.maxBatchedTokens} onCommit={(v) => set(withScheduler(serving, { maxBatchedTokens: v }))} testId="serving-max-tokens" />
        <div className="flex items-end pb-1">
          <label htmlFor={chunkId} className="flex items-center gap-2 text-sm font-medium text-slate-700">
            <input id={chunkId} type="checkbox" checked={sched.chunkedPrefill} onChange={(e) => set(withScheduler(serving, { chunkedPrefill: e.target.checked }))} data-testid="serving-chunked" />
            Chunked prefill
          </label>
        </div>
      </div>
      <fieldset className="grid grid-cols-2 gap-2">
        <legend className="col-span-2 text-sm font-medium text-slate-700">Service-level objective (SLO)</legend>
        <NumberField label="SLO: time to first token" unit="ms" value={slo?.ttftS === undefined ? null : slo.ttftS * 1e3} scale={1e-3} min={0} onCommit={(v) => set(withSlo(serving, { ttftS: v }))} testId="serving-slo-ttft" />
        <NumberField label="SLO: time per output token" unit="ms" value={slo?.tpotS === undefined ? null : slo.tpotS * 1e3} scale={1e-3} min={0} onCommit={(v) => set(withSlo(serving, { tpotS: v }))} testId="serving-slo-tpot" />
        <Select
          label="SLO percentile (of requests)"
          value={String(slo?.percentile ?? SERVING_DEFAULTS.sloPercentile)}
          options={[...new Set([...PERCENTILES, slo?.percentile ?? 99])].sort((a, b) => a - b).map((p) => ({ value: String(p), label: `p${p}` }))}
          onChange={(v) => set(withSlo(serving, { percentile: Number(v) }))}
          testId="serving-slo-percentile"
        />
        {slo ? (
          <div className="flex items-end pb-1">
            <button type="button" className="text-xs text-blue-700 underline" onClick={() => set(withSlo(serving, { ttftS: undefined, tpotS: undefined }))}>
              Remove the SLO
            </button>
          </div>
        ) : null}
      </fieldset>
      <AdvancedControls serving={serving} set={set} />
    </div>
  );
}
