/** The serving figures: latency percentiles, throughput, goodput, SLO, utilisation and cost under load beside the static floor. */
import { Fragment, useId, useState } from "react";
import type { ServingRun } from "../../core/serving/view";
import type { ServingTermId } from "../../core/serving/view";
import { formatInt, formatPercent, formatSeconds, formatUsd, sig } from "../format";
import { WhyButton, WhyPanel, ServingWhy } from "./ServingWhy";
import { AdvancedResults } from "./AdvancedResults";

type Pct = { p50: number; p90: number; p99: number } | null;

const LATENCIES: { id: ServingTermId; label: string; pick: (r: ServingRun["report"]) => Pct }[] = [
  { id: "ttft", label: "Time to first token", pick: (r) => r.ttftS },
  { id: "tpot", label: "Time per output token", pick: (r) => r.tpotS },
  { id: "itl", label: "Inter-token latency", pick: (r) => r.itlS },
  { id: "e2e", label: "End-to-end latency", pick: (r) => r.e2eS },
  { id: "queue", label: "Queueing delay", pick: (r) => r.queueS },
];

function LatencyRow({ id, label, pct, run }: { id: ServingTermId; label: string; pct: Pct; run: ServingRun }) {
  const [open, setOpen] = useState(false);
  const panelId = `${useId()}-why`;
  const term = run.terms[id];
  return (
    <Fragment>
      <tr className="border-b border-slate-100" data-testid={`serving-row-${id}`}>
        <th scope="row" className="py-1 pr-2 text-left font-medium text-slate-700">
          {label}
          <WhyButton id={id} term={term} open={open} onToggle={() => setOpen((o) => !o)} panelId={panelId} />
        </th>
        {(["p50", "p90", "p99"] as const).map((k) => (
          <td key={k} className="whitespace-nowrap py-1 pl-2 text-right tabular-nums">
            {pct ? formatSeconds(pct[k]) : "—"}
          </td>
        ))}
      </tr>
      {open ? (
        <tr>
          <td colSpan={4}>
            <WhyPanel id={id} term={term} panelId={panelId} />
          </td>
        </tr>
      ) : null}
    </Fragment>
  );
}

function Figure({ id, label, value, run, testId, tone }: { id: ServingTermId; label: string; value: string; run: ServingRun; testId: string; tone?: "bad" | "good" }) {
  const whyKey = testId.replace(/^serving-/, "");
  return (
    <div className="min-w-0 rounded border border-slate-200 p-2">
      <dt className="text-xs text-slate-600">
        {label}
        <ServingWhy id={whyKey} term={run.terms[id]} />
      </dt>
      <dd data-testid={testId} className={`text-base font-semibold tabular-nums ${tone === "bad" ? "text-red-700" : tone === "good" ? "text-green-800" : "text-slate-900"}`}>
        {value}
      </dd>
    </div>
  );
}

export function ServingResults({ run, staticCost, staticBatch }: { run: ServingRun; staticCost: number | null; staticBatch: number | null }) {
  const r = run.report;
  const spec = run.spec;
  const slo = spec.slo;
  return (
    <div className="space-y-3">
      {r.saturated ? (
        <p role="alert" data-testid="serving-saturated" className="rounded border border-red-300 bg-red-50 p-2 text-sm text-red-900">
          <strong>The request rate exceeds capacity.</strong> {sig(spec.requestRate ?? 0)} req/s arrive but {spec.replicas === 1 ? "this replica completes" : `these ${spec.replicas} replicas complete`} at most{" "}
          {sig(r.capacityRequestsPerS)} req/s: the queue grows for as long as the traffic lasts, so the waits below grow with the length of the run ({formatInt(spec.requests)} requests) rather than settling. Lower the rate, add replicas, or run the capacity plan.
        </p>
      ) : null}
      {r.rejected > 0 ? (
        <p role="alert" data-testid="serving-rejected" className="rounded border border-amber-300 bg-amber-50 p-2 text-sm text-amber-950">
          {formatInt(r.rejected)} of {formatInt(spec.requests)} requests could never run: without chunked prefill a prompt longer than the max batched tokens ({formatInt(spec.scheduler.maxBatchedTokens)}), or one whose KV cache outgrows the replica's ({formatInt(run.kvCapacityTokens)} tokens), is refused. The figures count only the others.
        </p>
      ) : null}
      <div className="max-w-full overflow-x-auto">
        <table className="w-full text-sm" data-testid="serving-latency-table">
          <caption className="pb-1 text-left text-xs text-slate-600">
            Latency over {formatInt(r.measuredRequests)} measured requests (the first 10 % warm up), nearest-rank percentiles
          </caption>
          <thead>
            <tr className="border-b border-slate-200 text-xs text-slate-600">
              <th scope="col" className="py-1 pr-2 text-left font-medium">
                Figure (time)
              </th>
              <th scope="col" className="py-1 pl-2 text-right font-medium">
                p50
              </th>
              <th scope="col" className="py-1 pl-2 text-right font-medium">
                p90
              </th>
              <th scope="col" className="py-1 pl-2 text-right font-medium">
                p99
              </th>
            </tr>
          </thead>
          <tbody>
            {LATENCIES.map((l) => (
              <LatencyRow key={l.id} id={l.id} label={l.label} pct={l.pick(r)} run={run} />
            ))}
          </tbody>
        </table>
      </div>
      <dl className="grid grid-cols-2 gap-2 sm:grid-cols-3">
        <Figure id="throughput" label="Throughput (req/s · output tok/s)" value={`${sig(r.requestsPerS)} · ${formatInt(r.outputTokensPerS)}`} run={run} testId="serving-throughput" />
        <Figure id="goodput" label="Goodput (req/s within SLO)" value={r.goodputRequestsPerS === null ? "no SLO" : sig(r.goodputRequestsPerS)} run={run} testId="serving-goodput" />
        <Figure
          id="slo"
          label={`SLO attainment (% of requests)`}
          value={r.sloAttainment === null ? "no SLO" : formatPercent(r.sloAttainment)}
          tone={r.sloAttainment === null ? undefined : r.sloAttainment >= (slo?.percentile ?? 99) / 100 ? "good" : "bad"}
          run={run}
          testId="serving-slo"
        />
        <Figure id="utilization" label="Busy time (% of time any batch runs)" value={formatPercent(r.utilization)} run={run} testId="serving-utilization" />
        <Figure id="capacity" label="Capacity (req/s at saturation)" value={sig(r.capacityRequestsPerS)} run={run} testId="serving-capacity" />
        <Figure
          id="slo"
          label="Largest rate within SLO (req/s)"
          value={r.maxRateAtSlo !== null ? sig(r.maxRateAtSlo) : r.maxConcurrencyAtSlo !== null ? `${formatInt(r.maxConcurrencyAtSlo)} clients` : "no SLO"}
          run={run}
          testId="serving-max-rate"
        />
      </dl>
      <div className="rounded border border-lime-700/30 bg-lime-50 p-2 text-sm" data-testid="serving-cost">
        <p>
          <span className="text-slate-700">Cost per million output tokens under this load</span>
          <ServingWhy id="cost" term={run.terms.cost} />:{" "}
          <strong className="tabular-nums" data-testid="serving-cost-load">
            {r.costPerMillionOutputTokens === null ? `${formatInt(r.chipSecondsPerMillionOutputTokens)} chip-s (no price)` : formatUsd(r.costPerMillionOutputTokens)}
          </strong>
        </p>
        <p className="mt-1 text-xs text-slate-600">
          Static figure (the headline above: a batch of {staticBatch === null ? "—" : formatInt(staticBatch)} that is always full and busy, no queue):{" "}
          <span className="tabular-nums" data-testid="serving-cost-static">
            {staticCost === null ? "— (no price)" : formatUsd(staticCost)}
          </span>
          {staticCost !== null && r.costPerMillionOutputTokens !== null && staticCost > 0
            ? `; under this load ${sig(r.costPerMillionOutputTokens / staticCost)}× that, with a mean running batch of ${sig(r.meanRunningBatch)} sequences.`
            : ""}
        </p>
        <p className="mt-1 text-xs text-slate-600">
          Peak KV cache {formatPercent(r.peakKvOccupancy)} of {formatInt(run.kvCapacityTokens)} tokens per replica · {formatInt(r.preemptions)} preemptions
        </p>
      </div>
      <AdvancedResults run={run} />
    </div>
  );
}
