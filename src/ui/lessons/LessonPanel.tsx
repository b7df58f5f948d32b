/**
 * The guided lesson: one step at a time, predict first, then one control, then the answer.
 * Each step has its own link (?lesson=…&step=n); entering a step loads its scenario and chart.
 */
import { useEffect, useRef, useState } from "react";
import { useCalculator } from "../../state/store";
import { selectLesson, selectScenario } from "../../state/selectors";
import { LogSlider } from "../controls/LogSlider";
import { Segmented } from "../controls/Segmented";
import { NumberField } from "../controls/NumberField";
import { formatInt } from "../format";
import { LESSONS, stepHref, type Lesson, type LessonControl, type LessonStep } from "./lessons";
import type { Precision } from "../../core";

function Control({ control }: { control: LessonControl }) {
  const scenario = useCalculator(selectScenario);
  const setWorkload = useCalculator((s) => s.setWorkload);
  const setShapeField = useCalculator((s) => s.setShapeField);
  const setPrecision = useCalculator((s) => s.setPrecision);
  const setChips = useCalculator((s) => s.setChips);
  const serving = useCalculator((s) => s.input.serving);
  const patchInput = useCalculator((s) => s.patchInput);
  if (!scenario) return null;
  switch (control) {
    case "batch":
      return (
        <LogSlider label="Batch size" unit="sequences" min={1} max={4096} integer value={scenario.workload.batch} onChange={(n) => setWorkload("batch", n)} valueText={(v) => `batch of ${formatInt(v)}`} testId="lesson-batch" />
      );
    case "prompt":
      return (
        <LogSlider label="Prompt tokens" unit="tokens per sequence" min={64} max={1048576} integer value={scenario.workload.promptTokens} onChange={(n) => setWorkload("promptTokens", n)} valueText={(v) => `${formatInt(v)} prompt tokens`} testId="lesson-prompt" />
      );
    case "chips":
      return (
        <LogSlider label="Chips" unit="accelerators" min={1} max={64} integer value={scenario.hardware.chips} onChange={(n) => setChips(n)} valueText={(v) => `${formatInt(v)} chips`} testId="lesson-chips" />
      );
    case "kvHeads": {
      const heads = scenario.model.heads;
      const opts = [...new Set([heads, 8, 1].filter((n) => n <= heads))];
      return (
        <Segmented<string>
          legend="KV heads"
          value={String(scenario.model.kvHeads)}
          options={opts.map((n) => ({ value: String(n), label: n === heads ? `${n} (MHA)` : n === 1 ? "1 (MQA)" : `${n} (GQA)` }))}
          onChange={(v) => setShapeField("kvHeads", Number(v))}
        />
      );
    }
    case "rate":
      return (
        <NumberField label="Request rate" unit="req/s" min={0.01} value={serving?.requestRate ?? null} onCommit={(v) => patchInput("serving", { requestRate: v })} testId="lesson-rate" />
      );
    case "chunkedPrefill": {
      const chunked = serving?.scheduler?.chunkedPrefill ?? true;
      return (
        <Segmented<"whole" | "chunked">
          legend="Prefill (tokens per iteration)"
          value={chunked ? "chunked" : "whole"}
          options={[
            { value: "whole", label: "Whole prompts, ≤ 8,192" },
            { value: "chunked", label: "Chunks of 512" },
          ]}
          onChange={(v) => patchInput("serving", { scheduler: v === "chunked" ? { chunkedPrefill: true, maxBatchedTokens: 512 } : { chunkedPrefill: false, maxBatchedTokens: 8192 } })}
        />
      );
    }
    case "weights":
      return (
        <Segmented<Precision>
          legend="Weight precision"
          value={scenario.precision.weights}
          options={(["bf16", "int8", "int4"] as const).map((p) => ({ value: p, label: p }))}
          onChange={(v) => setPrecision("weights", v)}
        />
      );
  }
}

function Step({ lesson, index, step }: { lesson: Lesson; index: number; step: LessonStep }) {
  const [choice, setChoice] = useState<number | null>(null);
  const [inputAtChoice, setInputAtChoice] = useState<unknown>(null);
  const [forced, setForced] = useState(false);
  const input = useCalculator((s) => s.input);
  const setLesson = useCalculator((s) => s.setLesson);
  const revealed = choice !== null && (forced || step.control === null || (inputAtChoice !== null && input !== inputAtChoice));
  const last = index === lesson.steps.length - 1;
  return (
    <div className="space-y-3" data-testid="lesson-step" data-step={step.id}>
      <h3 className="text-base font-semibold text-slate-900">
        Step {index + 1} of {lesson.steps.length}: {step.title}
      </h3>
      <fieldset className="space-y-1">
        <legend className="text-sm font-medium text-slate-800">Predict first: {step.question}</legend>
        {step.choices.map((c, i) => (
          <label key={c} className="flex cursor-pointer items-center gap-2 rounded px-1 text-sm hover:bg-slate-50">
            <input
              type="radio"
              name={`predict-${step.id}`}
              checked={choice === i}
              onChange={() => {
                setChoice(i);
                setInputAtChoice(input);
              }}
            />
            {c}
          </label>
        ))}
      </fieldset>
      {choice !== null ? (
        <div className="space-y-2">
          <p className="text-sm text-slate-700">{step.tryIt}</p>
          {step.control ? <Control control={step.control} /> : null}
          {!revealed ? (
            <button type="button" onClick={() => setForced(true)} className="text-sm text-blue-700 underline">
              Show the answer
            </button>
          ) : (
            <div className="rounded border-l-4 border-blue-600 bg-blue-50 p-2 text-sm text-slate-800" data-testid="lesson-reveal" role="status">
              <p className="font-semibold">{choice === step.answer ? "Right." : `Not quite: the answer is “${step.choices[step.answer]}”.`}</p>
              <p className="mt-1">{step.reveal}</p>
              <p className="mt-1 font-semibold">Takeaway: {step.takeaway}</p>
            </div>
          )}
        </div>
      ) : (
        <p className="text-xs text-slate-500">Pick an answer to unlock this step’s control.</p>
      )}
      <div className="flex flex-wrap items-center gap-2 pt-1">
        <button
          type="button"
          disabled={index === 0}
          onClick={() => setLesson({ id: lesson.id, step: index - 1 })}
          className="rounded border border-slate-300 px-3 py-1 text-sm disabled:opacity-40"
        >
          Back
        </button>
        {last ? (
          <button type="button" onClick={() => setLesson(null)} className="rounded bg-blue-600 px-3 py-1 text-sm font-medium text-white">
            Finish: show every control
          </button>
        ) : (
          <button type="button" onClick={() => setLesson({ id: lesson.id, step: index + 1 })} className="rounded bg-blue-600 px-3 py-1 text-sm font-medium text-white">
            Next step
          </button>
        )}
      </div>
    </div>
  );
}

export function LessonPanel() {
  const lesson = useCalculator(selectLesson);
  const loadInput = useCalculator((s) => s.loadInput);
  const setTab = useCalculator((s) => s.setInsightTab);
  const setLesson = useCalculator((s) => s.setLesson);
  const linkWarnings = useCalculator((s) => s.linkWarnings);
  const def = lesson ? LESSONS.get(lesson.id) : undefined;
  const index = def && lesson ? Math.min(lesson.step, def.steps.length - 1) : 0;
  const step = def?.steps[index];
  const applied = useRef("");
  useEffect(() => {
    if (!def || !step) return;
    const key = `${def.id}:${index}`;
    if (applied.current === key) return;
    // the first step shown keeps what the link's notice says (an out-of-range step, say)
    const warnings = applied.current === "" ? linkWarnings : [];
    applied.current = key;
    loadInput(structuredClone(step.setup), warnings);
    setTab(step.tab);
  }, [def, step, index, loadInput, setTab, linkWarnings]);
  if (!lesson) return null;
  if (!def || !step) {
    return (
      <section className="rounded-lg border border-amber-300 bg-amber-50 p-4 text-sm" aria-label="Lesson">
        There is no lesson called “{lesson.id}”.{" "}
        <button type="button" className="underline" onClick={() => setLesson(null)}>
          Show every control
        </button>
      </section>
    );
  }
  return (
    <section aria-labelledby="lesson-title" className="rounded-lg border border-blue-200 bg-white p-4 shadow-sm" data-testid="lesson">
      <div className="flex items-start justify-between gap-2">
        <h2 id="lesson-title" className="text-sm font-semibold uppercase tracking-wide text-blue-800">
          Lesson: {def.title}
        </h2>
        <button type="button" onClick={() => setLesson(null)} className="text-xs text-slate-600 underline">
          Leave the lesson
        </button>
      </div>
      <nav aria-label="Lesson steps" className="mt-2">
        <ol className="flex flex-wrap gap-1 text-xs">
          {def.steps.map((s, i) => (
            <li key={s.id}>
              <a
                href={stepHref(def.id, i)}
                aria-current={i === index ? "step" : undefined}
                title={s.title}
                className={`inline-block rounded px-2 py-0.5 ${i === index ? "bg-blue-600 text-white" : "bg-slate-100 text-slate-700 hover:bg-slate-200"}`}
              >
                {i + 1}. {s.title}
              </a>
            </li>
          ))}
        </ol>
      </nav>
      <div className="mt-3">
        <Step key={step.id} lesson={def} index={index} step={step} />
      </div>
    </section>
  );
}
