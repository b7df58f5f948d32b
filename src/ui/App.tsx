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

// Compare, import and saved scenarios load after the first numbers (their own chunks).
const ComparePanel = lazy(() => import("./compare/ComparePanel").then((m) => ({ default: m.ComparePanel })));
const ImportPanel = lazy(() => import("./import/ImportPanel").then((m) => ({ default: m.ImportPanel })));
const SavedPanel = lazy(() => import("./saved/SavedPanel").then((m) => ({ default: m.SavedPanel })));

export function App() {
  const evaluator = useCalculator(selectEvaluator);
  const hasReport = useCalculator((s) => selectReport(s) !== null);
  // A lesson shows its own controls, one step at a time, in place of the input panels.
  const inLesson = useCalculator((s) => s.lesson !== null);
  return (
    <div data-evaluator={evaluator ?? "pending"} data-ready={hasReport ? "true" : "false"} className="min-h-screen pb-12 lg:pb-0">
      <Header />
      {/* Phone: notices, numbers, controls, chart. Desktop: controls left, the rest right. */}
      <main className="mx-auto grid max-w-7xl grid-cols-1 gap-4 p-3 sm:p-4 lg:grid-cols-[380px_minmax(0,1fr)] lg:grid-rows-[auto_auto_1fr]">
        <div className="min-w-0 space-y-2 lg:col-start-2 lg:row-start-1">
          <Notices />
          <ResultsPanel />
        </div>
        {inLesson ? (
          <div className="min-w-0 lg:col-start-1 lg:row-span-3 lg:row-start-1">
            <LessonPanel />
          </div>
        ) : null}
        <div className="min-w-0 space-y-4 lg:col-start-1 lg:row-span-3 lg:row-start-1" aria-label="Inputs" role="group" hidden={inLesson}>
          <ModelPanel />
          <WorkloadPanel />
          <HardwarePanel />
          <PrecisionPanel />
          <AdvancedPanel />
          <Suspense fallback={null}>
            <ImportPanel />
            <SavedPanel />
          </Suspense>
        </div>
        <div className="min-w-0 space-y-2 lg:col-start-2 lg:row-start-2">
          <InsightsPanel />
          <ChartPanel />
          <Suspense fallback={null}>
            <ComparePanel />
          </Suspense>
          <p className="text-xs text-slate-500">{COPY.unitsNote}</p>
          <AccuracyPanel />
        </div>
      </main>
      <SummaryBar />
    </div>
  );
}
