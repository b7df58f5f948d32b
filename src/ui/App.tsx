import { useCalculator } from "../state/store";
import { selectEvaluator, selectReport } from "../state/selectors";
import { Header } from "./Header";
import { Notices } from "./Notices";
import { ModelPanel } from "./panels/ModelPanel";
import { WorkloadPanel } from "./panels/WorkloadPanel";
import { HardwarePanel } from "./panels/HardwarePanel";
import { PrecisionPanel } from "./panels/PrecisionPanel";
import { ResultsPanel } from "./panels/ResultsPanel";
import { ChartPanel } from "./panels/ChartPanel";
import { InsightsPanel } from "./panels/InsightsPanel";
import { LessonPanel } from "./lessons/LessonPanel";
import { COPY } from "./copy/en";
import { SummaryBar } from "./SummaryBar";
import { AccuracyPanel } from "./accuracy/AccuracyPanel";
import { AdvancedPanel } from "./panels/AdvancedPanel";
import { lazy, Suspense } from "react";
import { PanelBoundary } from "./PanelBoundary";

// Compare, import and saved scenarios load after the first numbers (their own chunks).
const ComparePanel = lazy(() => import("./compare/ComparePanel").then((m) => ({ default: m.ComparePanel })));
const ImportPanel = lazy(() => import("./import/ImportPanel").then((m) => ({ default: m.ImportPanel })));
const SavedPanel = lazy(() => import("./saved/SavedPanel").then((m) => ({ default: m.SavedPanel })));
// Serving under load: its own chunk, and its simulations in their own worker (started on first use).
const ServingPanel = lazy(() => import("./serving/ServingPanel").then((m) => ({ default: m.ServingPanel })));

export function App() {
  const evaluator = useCalculator(selectEvaluator);
  const hasReport = useCalculator((s) => selectReport(s) !== null);
  // A lesson shows its own controls, one step at a time, in place of the input panels.
  const inLesson = useCalculator((s) => s.lesson !== null);
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
          <Suspense fallback={null}>
            <PanelBoundary name="Model import">
              <ImportPanel />
            </PanelBoundary>
            <PanelBoundary name="Saved scenarios">
              <SavedPanel />
            </PanelBoundary>
          </Suspense>
        </div>
        <div className="min-w-0 space-y-2 lg:col-start-2 lg:row-start-2">
          <PanelBoundary name="The teaching charts">
            <InsightsPanel />
          </PanelBoundary>
          <PanelBoundary name="The time breakdown chart">
            <ChartPanel />
          </PanelBoundary>
          <Suspense fallback={null}>
            <PanelBoundary name="Serving under load">
              <ServingPanel />
            </PanelBoundary>
          </Suspense>
          <Suspense fallback={null}>
            <PanelBoundary name="A/B compare">
              <ComparePanel />
            </PanelBoundary>
          </Suspense>
          <p className="text-xs text-slate-500">{COPY.unitsNote}</p>
          <PanelBoundary name="Accuracy">
            <AccuracyPanel />
          </PanelBoundary>
        </div>
      </main>
      <PanelBoundary name="The summary bar">
        <SummaryBar />
      </PanelBoundary>
    </div>
  );
}
