import { memo, useMemo } from "react";
import { useCalculator } from "../../state/store";
import { selectAnalysis, selectHeadline, selectPending } from "../../state/selectors";
import { memoryBarModel } from "../../charts/viewModels";
import { PALETTE } from "../../charts/palette";
import { COPY, fieldLabel } from "../copy/en";
import {
  formatBandwidth,
  formatCount,
  formatFlopRate,
  formatGB,
  formatInt,
  formatPercent,
  formatTokens,
  sig,
} from "../format";
import type { Report, TermId } from "../../core";
import { headlineTexts } from "../../core/headline";
import { WhyButton, WhyPanel } from "../explain/Why";
import { TERM_COLOR } from "../../charts/palette";

function Stat(props: { label: string; unit?: string; value: string; sub?: React.ReactNode; testId: string; why?: TermId }) {
  return (
    <>
      <div className="min-w-0 rounded-md border border-slate-200 bg-white p-3">
        <dt className="text-xs font-medium text-slate-600">
          {props.why ? <span className="mr-1 inline-block size-2 rounded-full align-middle" style={{ background: TERM_COLOR[props.why] }} aria-hidden /> : null}
          {props.label}
          {props.unit ? <span className="font-normal text-slate-500"> ({props.unit})</span> : null}
        </dt>
        <dd className="mt-1 truncate text-xl font-semibold tabular-nums text-slate-900" data-testid={props.testId}>
          {props.value}
        </dd>
        {props.sub || props.why ? (
          <dd className="mt-0.5 text-xs text-slate-500">
            {props.sub}
            {props.why ? <WhyButton id={props.why} /> : null}
          </dd>
        ) : null}
      </div>
      {/* a full row of the (dense) grid under this card's row: the neighbours keep their height */}
      {props.why ? <WhyPanel id={props.why} className="col-span-full" /> : null}
    </>
  );
}

/** The "why?"s in the sentences beside the memory bar, in reading order. */
const SENTENCE_WHYS: TermId[] = ["weights", "kv-cache", "ridge", "critical-batch", "crossover"];

function MemoryBar({ report }: { report: Report }) {
  const m = useMemo(() => memoryBarModel(report.memory), [report.memory]);
  const usableText = `${formatGB(report.memory.usableBytes)} usable`;
  return (
    <>
      <div className="col-span-2 rounded-md border border-slate-200 bg-white p-3">
        <div className="flex flex-wrap items-baseline justify-between gap-x-3">
          <span className="text-xs font-medium text-slate-600">Memory per chip</span>
          <span className="text-xl font-semibold tabular-nums" data-testid="memory-per-chip">
            {formatGB(report.memory.perChipBytes)} <span className="text-sm font-normal text-slate-500">needed of</span>{" "}
            <span data-testid="memory-usable">
              {formatGB(report.memory.usableBytes)}
              {report.memory.usableBytes < report.memory.capacityBytes ? (
                <span className="text-sm font-normal text-slate-500"> usable of {formatGB(report.memory.capacityBytes)}</span>
              ) : null}
            </span>
          </span>
          <WhyButton id="memory-per-chip" />
        </div>
        <div
          className="relative mt-2 flex h-4 w-full overflow-hidden rounded"
          style={{ background: PALETTE.free }}
          role="img"
          aria-label={`Memory per chip: ${m.segments.map((s) => `${s.label} ${formatGB(s.bytes)}`).join(", ")}; ${usableText} of ${formatGB(report.memory.capacityBytes)}${m.fits ? "" : "; does not fit"}`}
        >
          {m.segments.map((s) => (
            <div key={s.key} style={{ width: `${s.fraction * 100}%`, background: s.color }} />
          ))}
          {m.capacityAt < 1 ? (
            <div
              className="absolute inset-y-0 w-0.5"
              style={{ left: `${m.capacityAt * 100}%`, background: PALETTE.overCapacity }}
              title="capacity"
            />
          ) : null}
        </div>
        <ul className="mt-2 flex flex-wrap gap-x-3 gap-y-1 text-xs text-slate-600">
          {m.segments.map((s) => (
            <li key={s.key} className="flex items-center gap-1">
              <span className="inline-block size-2.5 rounded-sm" style={{ background: s.color }} aria-hidden />
              {s.label} {formatGB(s.bytes)}
            </li>
          ))}
          <li data-testid="memory-verdict">
            {m.fits ? "fits" : <strong style={{ color: PALETTE.overCapacity }}>does not fit</strong>}
            {m.used !== null ? `: ${formatPercent(m.used)} of the ${usableText}` : ""}
          </li>
        </ul>
        <p className="mt-1 text-xs text-slate-500">
          Max batch at this context: {formatInt(report.memory.maxBatch)} · longest context at this batch:{" "}
          {formatTokens(report.memory.maxContextTokens)} tokens
          {report.memory.maxContextBeyondWindow && report.memory.contextWindowTokens !== null
            ? ` (beyond the model's ${formatTokens(report.memory.contextWindowTokens)}-token window)`
            : ""}
        </p>
      </div>
      <WhyPanel id="memory-per-chip" className="col-span-full" />
    </>
  );
}

export function ResultsPanel() {
  const analysis = useCalculator(selectAnalysis);
  const pending = useCalculator(selectPending);
  const report = useCalculator(selectHeadline);

  if (!report) {
    return (
      <section aria-labelledby="results-title" className="rounded-lg border border-slate-200 bg-white p-4">
        <h2 id="results-title" className="text-base font-semibold">
          Results
        </h2>
        <p className="mt-2 text-sm text-slate-600" data-testid="results-empty">
          {analysis === null || pending ? COPY.computing : (analysis.error ?? COPY.noResult)}
        </p>
      </section>
    );
  }

  return (
    <section aria-labelledby="results-title" data-testid="results" aria-busy={pending}>
      <h2 id="results-title" className="sr-only">
        Results
      </h2>
      <HeldNote />
      <ResultsBody report={report} />
    </section>
  );
}

/** The figures of one report: re-rendered only when the report changes, not when a request starts (aria-busy). */
function HeldNote() {
  const held = useCalculator((s) => s.view.held);
  const entries = Object.entries(held);
  if (entries.length === 0) return null;
  return (
    <p role="status" data-testid="results-held" className="mb-2 rounded-md border border-amber-300 bg-amber-50 p-2 text-sm text-amber-900">
      These results are for the last valid value of {entries.map(([label, v]) => `${label} (${v})`).join(", ")}: the value typed there is out of range.
    </p>
  );
}

const ResultsBody = memo(function ResultsBody({ report }: { report: Report }) {
  const { roofline } = report;
  // the same strings the cost worker paints into the static shell before React loads (core/headline.ts)
  const t = headlineTexts(report);
  return (
    <>
      <dl className="grid grid-flow-row-dense grid-cols-2 gap-2 sm:grid-cols-3">
        <Stat label="Time to first token" value={t.ttft} testId="ttft" why="ttft" sub={`prefill of the whole batch`} />
        <Stat label="Time per output token" value={t.tpot} testId="tpot" why="tpot" sub="mean decode step" />
        <Stat label="Throughput" unit="output tokens/s" value={t.throughput} testId="throughput" why="throughput" sub={t.throughputSub} />
        <Stat
          label="Cost per 1M output tokens"
          unit={t.costUnit}
          value={t.cost}
          testId="cost-output" why="cost-output"
          sub={
            <>
              <span data-testid="cost-split">{t.costSplit}</span>
              <span className="block">{t.costInput}</span>
            </>
          }
        />
        <Stat label="MFU" unit="model FLOP utilisation" value={t.mfu} testId="mfu" why="mfu" sub="prefill · decode" />
        <Stat label="MBU" unit="memory bandwidth utilisation" value={t.mbu} testId="mbu" why="mbu" sub="decode" />
      </dl>
      <div className="mt-2 grid grid-flow-row-dense grid-cols-2 gap-2 sm:grid-cols-3">
        <MemoryBar report={report} />
        <div className="col-span-2 rounded-md border border-slate-200 bg-white p-3 text-xs text-slate-600 sm:col-span-1">
          <p>
            {formatCount(report.params.total)} parameters · weights{" "}
            <span className="inline-block size-2 rounded-full" style={{ background: TERM_COLOR.weights }} aria-hidden /> {formatGB(report.memory.weightsBytes)}
            <WhyButton id="weights" /> · KV cache <span className="inline-block size-2 rounded-full" style={{ background: TERM_COLOR["kv-cache"] }} aria-hidden />{" "}
            {formatGB(report.memory.kvCacheBytes)}
            <WhyButton id="kv-cache" />
          </p>
          <p className="mt-1">
            Per chip: {formatFlopRate(roofline.peakFlops)} ({roofline.mathPrecision}), {formatBandwidth(roofline.memoryBandwidth)};
            ridge {sig(roofline.ridgeIntensity)} FLOP/byte
            <WhyButton id="ridge" />;{" "}
            {roofline.criticalBatch === null
              ? "decode does not turn compute-bound at any batch at this context"
              : `decode turns compute-bound at batch ${formatInt(roofline.criticalBatch)} (${roofline.criticalBatchBasis === "weights" ? "where its weight matmuls do" : "weights plus this context's KV cache"})`}
            <WhyButton id="critical-batch" />.
          </p>
          <p className="mt-1">
            Attention matches the weight matmuls at {formatInt(report.attention.crossoverTokens)} tokens of context
            <WhyButton id="crossover" />.
          </p>
        </div>
        {/* open explanations take full rows under the cards (dense grid): the memory card keeps its height */}
        {SENTENCE_WHYS.map((id) => (
          <WhyPanel key={id} id={id} className="col-span-full" />
        ))}
      </div>
      {report.warnings.length > 0 ? (
        <ul className="mt-2 space-y-1 text-sm text-amber-800" data-testid="report-warnings">
          {report.warnings.map((w, i) => (
            <li key={i} data-field={w.field}>
              ⚠ {w.message} <span className="text-xs text-amber-700">({fieldLabel(w.field)})</span>
            </li>
          ))}
        </ul>
      ) : null}
    </>
  );
});
