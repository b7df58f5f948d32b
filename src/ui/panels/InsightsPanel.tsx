/**
 * The teaching charts, one tab at a time (only the shown chart renders): roofline, quadratic
 * attention, capacity, and the latency–cost frontier. Charts are lazy-loaded with Recharts.
 */
import { lazy, Suspense, useCallback, useMemo, useState } from "react";
import { useCalculator, type InsightTab } from "../../state/store";
import { selectAhead, selectFrontier, selectInsights, selectReport, selectScenario, selectSweep } from "../../state/selectors";
import { attentionModel } from "../../charts/attentionModel";
import { capacityModel } from "../../charts/capacityModel";
import { frontierModel, type FrontierDot } from "../../charts/frontierModel";
import { BOUND_WORD, rooflineModel } from "../../charts/rooflineModel";
import { sig } from "../format";
import { PALETTE } from "../../charts/palette";
import { decodeBoundStory, ridgeText } from "../../core/story";
import { allInCost } from "../../core/allIn";
import { COPY } from "../copy/en";
import { Segmented } from "../controls/Segmented";
import { Why } from "../explain/Why";
import { formatBytes, formatGB } from "../format";
import type { AttentionMetric } from "../../charts/AttentionChart";
import { SERVING_LESSON, stepHref } from "../lessons/lessons";

const RooflineChart = lazy(() => import("../../charts/RooflineChart"));
const AttentionChart = lazy(() => import("../../charts/AttentionChart"));
const CapacityChart = lazy(() => import("../../charts/CapacityChart"));
const FrontierChart = lazy(() => import("../../charts/FrontierChart"));

const TABS: { id: InsightTab; label: string }[] = [
  { id: "roofline", label: COPY.tabRoofline },
  { id: "attention", label: COPY.tabAttention },
  { id: "capacity", label: COPY.tabCapacity },
  { id: "frontier", label: COPY.tabFrontier },
];

const Loading = () => <div className="h-72 text-sm text-slate-500">{COPY.chartLoading}</div>;

function RooflineTab() {
  const insights = useCalculator(selectInsights);
  const fullReport = useCalculator(selectReport);
  const scenario = useCalculator(selectScenario);
  // computed ahead for this input (it moves with the numbers), else the full analysis
  const ahead = useCalculator(selectAhead);
  const model = useMemo(() => {
    const src = ahead ?? (insights && fullReport && scenario ? { report: fullReport, roofline: insights.roofline, batch: scenario.workload.batch } : null);
    if (!src) return null;
    const { report, roofline, batch } = src;
    const chart = rooflineModel({
      points: roofline,
      peakFlops: report.roofline.peakFlops,
      memoryBandwidth: report.roofline.memoryBandwidth,
      ridge: report.roofline.ridgeIntensity,
      batch,
      decodeBound: report.decode.bottleneck,
      prefillBound: report.prefill.bottleneck,
    });
    // The sentence is the core's one bottleneck story (the badge's classification), not recomputed here.
    return chart ? { chart, story: decodeBoundStory(report, batch), ridge: ridgeText(report) } : null;
  }, [ahead, insights, fullReport, scenario]);
  if (!model) return <p className="h-72 text-sm text-slate-500">{COPY.computing}</p>;
  const { chart, story } = model;
  return (
    <>
      <p className="text-sm text-slate-700" data-testid="roofline-summary">
        <strong style={{ color: PALETTE.decode }} data-testid="roofline-decode-label">
          Decode: {BOUND_WORD[chart.decodeBound]}
        </strong>{" "}
        ·{" "}
        <strong style={{ color: PALETTE.prefill }} data-testid="roofline-prefill-label">
          Prefill: {BOUND_WORD[chart.prefillBound]}
        </strong>
        . {story.critical}
        <Why id="critical-batch" />. {story.conclusion} (As a reference, {model.ridge}
        <Why id="ridge" />.)
      </p>
      <Suspense fallback={<Loading />}>
        {/* not deferred: a step moves a dozen markers drawn from the axis scales (~1 ms), so it lands with the numbers */}
        <RooflineChart model={chart} />
      </Suspense>
      <ul className="mt-1 flex flex-wrap gap-x-4 gap-y-1 text-xs text-slate-700" aria-label="Legend">
        <li className="flex items-center gap-1">
          <span className="inline-block size-2.5 rounded-full" style={{ background: PALETTE.prefill }} aria-hidden />
          Prefill
        </li>
        <li className="flex items-center gap-1">
          <span className="inline-block size-2.5 rounded-full" style={{ background: PALETTE.decode }} aria-hidden />
          Decode
        </li>
        <li>● whole pass ▲ attention projections ■ feed-forward ◆ attention over the context</li>
        <li>▬ under a whole pass: what it achieves in this model (the gap to the roof is efficiency, overheads and communication)</li>
      </ul>
    </>
  );
}

function AttentionTab() {
  const insights = useCalculator(selectInsights);
  const sweep = useCalculator(selectSweep);
  const report = useCalculator(selectReport);
  const scenario = useCalculator(selectScenario);
  const flash = useCalculator((s) => s.input.flashAttention !== false);
  const setFlash = useCalculator((s) => s.setFlashAttention);
  const [metric, setMetric] = useState<AttentionMetric>("flops");
  const model = useMemo(
    () =>
      insights && report && scenario
        ? attentionModel(sweep, insights.attention, {
            decodeCrossover: report.attention.crossoverTokens,
            attention: scenario.model.attention,
            prompt: scenario.workload.promptTokens,
            dModel: scenario.model.dModel,
          })
        : null,
    [insights, sweep, report, scenario],
  );
  // Not deferred: the chart's frame draws its own axes (charts/frame.tsx), so a step redraws it in
  // ~2 ms, in the render that moves the numbers; deferring it cost a frame (README, "Third pass").
  if (!model) return <p className="h-72 text-sm text-slate-500">{COPY.computing}</p>;
  return (
    <>
      <p className="text-sm text-slate-700" data-testid="crossover-sentence">
        {model.sentence}
        <Why id="crossover" />
      </p>
      <div className="my-2 flex flex-wrap items-end gap-4">
        <Segmented<AttentionMetric>
          legend="Show"
          value={metric}
          options={[
            { value: "flops", label: "FLOPs" },
            { value: "bytes", label: "Bytes" },
          ]}
          onChange={setMetric}
        />
        <Segmented<"on" | "off">
          legend="FlashAttention"
          value={flash ? "on" : "off"}
          options={[
            { value: "on", label: "On" },
            { value: "off", label: "Off" },
          ]}
          onChange={(v) => setFlash(v === "on")}
        />
      </div>
      <Suspense fallback={<Loading />}>
        <AttentionChart model={model} metric={metric} flash={flash} />
      </Suspense>
      <p className="mt-2 text-xs text-slate-700" data-testid="flash-note">
        {flash ? (
          COPY.flashOn
        ) : (
          <>
            {COPY.flashOff} {formatGB(model.flash.scoreBytesPerLayer)} of score matrices per layer for your prompt, and{" "}
            {formatGB(model.flash.trafficBytes)} of extra traffic across all layers.
          </>
        )}
      </p>
      <h3 className="mt-3 text-sm font-semibold text-slate-800">{COPY.kvVariantsTitle}</h3>
      <ul className="mt-1 space-y-1 text-xs" data-testid="kv-variants">
        {model.kv.map((v) => (
          <li key={v.key} className="grid grid-cols-[10.5rem_1fr_5.5rem] items-center gap-2">
            <span className={v.current ? "font-semibold text-slate-900" : "text-slate-700"}>
              {v.label}
              {v.current ? " ← this model" : ""}
            </span>
            <span className="h-3 rounded-sm" style={{ width: `${Math.max(1, v.fraction * 100)}%`, background: PALETTE.kvCache, opacity: v.current ? 1 : 0.55 }} aria-hidden />
            <span className="text-right tabular-nums">{formatBytes(v.bytesPerToken)}/token</span>
          </li>
        ))}
      </ul>
    </>
  );
}

function CapacityTab() {
  const insights = useCalculator(selectInsights);
  const sweep = useCalculator(selectSweep);
  const report = useCalculator(selectReport);
  const scenario = useCalculator(selectScenario);
  const model = useMemo(
    () =>
      insights && report && scenario
        ? capacityModel({
            byBatch: insights.byBatch,
            sweep,
            feasible: insights.feasible,
            capacityBytes: report.memory.capacityBytes,
            batch: scenario.workload.batch,
            context: scenario.workload.promptTokens + scenario.workload.outputTokens,
            chips: scenario.hardware.chips,
          })
        : null,
    [insights, sweep, report, scenario],
  );
  if (!model) return <p className="h-72 text-sm text-slate-500">{COPY.computing}</p>;
  return (
    <>
      <p className="text-sm text-slate-700">
        {COPY.capacityIntro}
        <Why id="memory-per-chip" />
      </p>
      <Suspense fallback={<Loading />}>
        <CapacityChart model={model} />
      </Suspense>
    </>
  );
}

function FrontierTab() {
  const answer = useCalculator(selectFrontier);
  const fullReport = useCalculator(selectReport);
  const scenario = useCalculator(selectScenario);
  // computed ahead for this input (the dot moves with the numbers), else the full analysis
  const ahead = useCalculator(selectAhead);
  const apply = useCalculator((s) => s.applyFrontierPoint);
  const model = useMemo(() => {
    const src = ahead ?? (scenario && fullReport ? { report: fullReport, chips: scenario.hardware.chips, batch: scenario.workload.batch, weights: scenario.precision.weights } : null);
    if (!src) return null;
    const { report } = src;
    return frontierModel(answer?.points, {
      chips: src.chips,
      batch: src.batch,
      weights: src.weights,
      hasPrice: report.total.costPerMillionOutputTokensAllIn !== null,
      timePerTokenS: report.decode.timePerTokenS,
      cost: report.memory.fits ? allInCost(report).total : undefined,
    });
  }, [answer, ahead, scenario, fullReport]);
  const pick = useCallback((d: FrontierDot) => apply({ chips: d.chips, batch: d.batch, weights: d.weights }), [apply]);
  if (!model) return <p className="h-72 text-sm text-slate-500">{COPY.frontierComputing}</p>;
  return (
    <>
      <Suspense fallback={<Loading />}>
        <FrontierChart model={model} onPick={pick} />
      </Suspense>
      <details className="mt-2 text-xs" data-testid="frontier-list">
        <summary className="cursor-pointer font-medium text-slate-700">{COPY.frontierListTitle}</summary>
        <ul className="mt-1 flex flex-wrap gap-1">
          {model.pareto.map((d) => (
            <li key={`${d.chips}-${d.batch}-${d.weights}`}>
              <button
                type="button"
                onClick={() => pick(d)}
                className="rounded border border-slate-300 bg-white px-2 py-0.5 hover:bg-slate-100"
                aria-label={`Load ${d.chips} chips, batch ${d.batch}, ${d.weights} weights: ${sig(d.x)} ms per token, ${sig(d.y)} ${model.costUnit}`}
              >
                {d.chips}× · b{d.batch} · {d.weights}: {sig(d.x)} ms, {sig(d.y)}
              </button>
            </li>
          ))}
        </ul>
      </details>
      <p className="mt-1 text-xs text-slate-600" data-testid="frontier-caveat">{COPY.frontierCaveat}</p>
      {answer ? <p className="mt-1 text-xs text-slate-500" data-testid="frontier-ms">{model.dots.length} layouts that fit, swept in {sig(answer.ms)} ms.</p> : null}
    </>
  );
}

const INTRO: Record<InsightTab, string> = {
  roofline: COPY.rooflineIntro,
  attention: COPY.attentionIntro,
  capacity: "",
  frontier: COPY.frontierIntro,
};

export function InsightsPanel() {
  const tab = useCalculator((s) => s.view.insightTab);
  const setTab = useCalculator((s) => s.setInsightTab);
  const inLesson = useCalculator((s) => s.lesson !== null);
  return (
    <section aria-labelledby="insights-title" className="rounded-lg border border-slate-200 bg-white p-4 shadow-sm" data-testid="insights">
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <h2 id="insights-title" className="text-base font-semibold text-slate-800">
          {COPY.insightsTitle}
        </h2>
        {inLesson ? null : (
          <a href={stepHref(SERVING_LESSON.id, 0)} className="text-sm font-medium text-blue-700 underline" data-testid="start-lesson">
            {COPY.startLesson}
          </a>
        )}
      </div>
      <div role="tablist" aria-label="Teaching charts" className="mt-2 flex flex-wrap gap-1 border-b border-slate-200">
        {TABS.map((t) => (
          <button
            key={t.id}
            role="tab"
            type="button"
            id={`tab-${t.id}`}
            aria-selected={tab === t.id}
            aria-controls="insights-tabpanel"
            tabIndex={tab === t.id ? 0 : -1}
            onClick={() => setTab(t.id)}
            onKeyDown={(e) => {
              const i = TABS.findIndex((x) => x.id === tab);
              if (e.key === "ArrowRight" || e.key === "ArrowLeft") {
                const next = TABS[(i + (e.key === "ArrowRight" ? 1 : TABS.length - 1)) % TABS.length]!;
                setTab(next.id);
                document.getElementById(`tab-${next.id}`)?.focus();
              }
            }}
            className={`-mb-px rounded-t border px-3 py-1.5 text-sm font-medium ${tab === t.id ? "border-slate-200 border-b-white bg-white text-slate-900" : "border-transparent text-slate-600 hover:text-slate-900"}`}
          >
            {t.label}
          </button>
        ))}
      </div>
      <div role="tabpanel" id="insights-tabpanel" aria-labelledby={`tab-${tab}`} className="pt-3">
        {INTRO[tab] ? <p className="mb-2 text-xs text-slate-600">{INTRO[tab]}</p> : null}
        {tab === "roofline" ? <RooflineTab /> : null}
        {tab === "attention" ? <AttentionTab /> : null}
        {tab === "capacity" ? <CapacityTab /> : null}
        {tab === "frontier" ? <FrontierTab /> : null}
      </div>
    </section>
  );
}
