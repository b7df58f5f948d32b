import { useCalculator } from "../state/store";
import { selectEvaluator, selectReport } from "../state/selectors";
import { Header } from "./Header";
import { Notices } from "./Notices";
import { ModelPanel } from "./panels/ModelPanel";
import { WorkloadPanel } from "./panels/WorkloadPanel";
import { HardwarePanel } from "./panels/HardwarePanel";
import { PrecisionPanel } from "./panels/PrecisionPanel";
import { ResultsPanel } from "./panels/ResultsPanel";
import { InsightsPanel } from "./panels/InsightsPanel";
import { LessonPanel } from "./lessons/LessonPanel";
import { COPY } from "./copy/en";
import { SummaryBar } from "./SummaryBar";
import { AdvancedPanel } from "./panels/AdvancedPanel";
import { lazy, Suspense, useEffect, useState, type ReactNode } from "react";
import { PanelBoundary } from "./PanelBoundary";

// Compare, import and saved scenarios load after the first numbers (their own chunks).
const ComparePanel = lazy(() => import("./compare/ComparePanel").then((m) => ({ default: m.ComparePanel })));
const ImportPanel = lazy(() => import("./import/ImportPanel").then((m) => ({ default: m.ImportPanel })));
const SavedPanel = lazy(() => import("./saved/SavedPanel").then((m) => ({ default: m.SavedPanel })));
// Serving under load: its own chunk, and its simulations in their own worker (started on first use).
const ServingPanel = lazy(() => import("./serving/ServingPanel").then((m) => ({ default: m.ServingPanel })));
// Below the first screen on every viewport: the time breakdown (with its export buttons) comes after the first numbers too.
const ChartPanel = lazy(() => import("./panels/ChartPanel").then((m) => ({ default: m.ChartPanel })));
const AccuracyPanel = lazy(() => import("./accuracy/AccuracyPanel").then((m) => ({ default: m.AccuracyPanel })));

/**
 * False until the frame after the worker's first answer is on screen, then true for good: the
 * panels below the first numbers (time breakdown, import, saved, serving, compare, accuracy) are fetched, parsed,
 * rendered and styled after the first numbers, not before them (issue 16: the first numbers
 * waited for all of it on a cold load).
 */
function useAfterFirstNumbers(): boolean {
  const answered = useCalculator((s) => s.result.analysis !== null);
  const [after, setAfter] = useState(false);
  useEffect(() => {
    if (!answered || after) return;
    // after the next paint: rAF runs before it, the timeout after it
    let t: ReturnType<typeof setTimeout> | undefined;
    const raf = requestAnimationFrame(() => {
      t = setTimeout(() => setAfter(true), 0);
    });
    return () => {
      cancelAnimationFrame(raf);
      clearTimeout(t);
    };
  }, [answered, after]);
  return after;
}

export function App() {
  const evaluator = useCalculator(selectEvaluator);
  const hasReport = useCalculator((s) => selectReport(s) !== null);
  // A lesson shows its own controls, one step at a time, in place of the input panels.
  const inLesson = useCalculator((s) => s.lesson !== null);
  const later = useAfterFirstNumbers();
  return (
    <div data-evaluator={evaluator ?? "pending"} data-ready={hasReport ? "true" : "false"} className="min-h-screen pb-12 lg:pb-0">
      <PanelBoundary name="The header">
        <Header />
      </PanelBoundary>
      {/* Phone: notices, numbers, controls, chart. Desktop: controls left, the rest right. */}
      <main className="mx-auto grid max-w-7xl grid-cols-1 gap-4 p-3 sm:p-4 lg:grid-cols-[380px_minmax(0,1fr)] lg:grid-rows-[auto_auto_1fr]">
        <div className="min-w-0 space-y-2 lg:col-start-2 lg:row-start-1">
          <PanelBoundary name="Notices">
            <Notices />
          </PanelBoundary>
          <PanelBoundary name="Results">
            <ResultsPanel />
          </PanelBoundary>
        </div>
        {inLesson ? (
          <div className="min-w-0 lg:col-start-1 lg:row-span-3 lg:row-start-1">
            <PanelBoundary name="The lesson">
              <LessonPanel />
            </PanelBoundary>
          </div>
        ) : null}
        <div className="min-w-0 space-y-4 lg:col-start-1 lg:row-span-3 lg:row-start-1" aria-label="Inputs" role="group" hidden={inLesson}>
          <PanelBoundary name="Model">
            <ModelPanel />
          </PanelBoundary>
          <PanelBoundary name="Workload">
            <WorkloadPanel />
          </PanelBoundary>
          <PanelBoundary name="Hardware">
            <HardwarePanel />
          </PanelBoundary>
          <PanelBoundary name="Precision">
            <PrecisionPanel />
          </PanelBoundary>
          <PanelBoundary name="Advanced">
            <AdvancedPanel />
          </PanelBoundary>
          <Later when={later} name="Model import">
            <ImportPanel />
          </Later>
          <Later when={later} name="Saved scenarios">
            <SavedPanel />
          </Later>
        </div>
        <div className="min-w-0 space-y-2 lg:col-start-2 lg:row-start-2">
          <PanelBoundary name="The teaching charts">
            <InsightsPanel />
          </PanelBoundary>
          <Later when={later} name="The time breakdown chart">
            <ChartPanel />
          </Later>
          <Later when={later} name="Serving under load">
            <ServingPanel />
          </Later>
          <Later when={later} name="A/B compare">
            <ComparePanel />
          </Later>
          <p className="text-xs text-slate-500">{COPY.unitsNote}</p>
          <Later when={later} name="Accuracy">
            <AccuracyPanel />
          </Later>
        </div>
      </main>
      <PanelBoundary name="The summary bar">
        <SummaryBar />
      </PanelBoundary>
    </div>
  );
}

/** A lazily loaded panel, mounted once the first numbers have painted, behind its own error boundary. */
function Later({ when, name, children }: { when: boolean; name: string; children: ReactNode }) {
  if (!when) return null;
  return (
    <Suspense fallback={null}>
      <PanelBoundary name={name}>{children}</PanelBoundary>
    </Suspense>
  );
}
