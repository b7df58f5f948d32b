/** Distillation break-even: teacher A against student B, or any B (int4, 2:4) with its one-time cost. */
import { useMemo, useState } from "react";
import { breakEvenAgainstTraffic, distillAssumptions, distillInputFor, distillFor, rateToBreakEvenWithin, DISTILL_RANGES, type DistillAssumptions } from "../../state/compare";
import type { PinnedAnalysis, Analysis, DistillResult } from "../../state/compare";
import { breakEvenRangeMessage } from "../../state/breakEven";
import { useCalculator } from "../../state/store";
import { formatCount, formatUsd, sig } from "../format";
import { BreakEvenChart } from "./BreakEvenChart";

/** "20B", "20 B", "1.5T", "3e10" → a number; null when unreadable. */
export function readCount(t: string): number | null {
  const m = /^\s*([0-9.]+(?:e[+-]?\d+)?)\s*([kmbt])?\s*$/i.exec(t);
  if (!m) return null;
  const mult = { k: 1e3, m: 1e6, b: 1e9, t: 1e12 }[(m[2] ?? "").toLowerCase() as "k"] ?? 1;
  const v = Number(m[1]) * mult;
  return Number.isFinite(v) ? v : null;
}

function Field(props: { label: string; unit: string; value: number; range: keyof typeof DISTILL_RANGES; onChange: (v: number) => void; testId: string; counts?: boolean }) {
  const { min, max } = DISTILL_RANGES[props.range];
  // counts: shown as "20B" (formatCount), read back with k/M/B/T suffixes
  const show = (v: number) => (props.counts ? formatCount(v) : String(v));
  const [text, setText] = useState(show(props.value));
  const [bad, setBad] = useState(false);
  // A value changed from outside (B became a variant or a student) replaces the text; one typed here does not.
  const [seen, setSeen] = useState(props.value);
  if (props.value !== seen) {
    setSeen(props.value);
    setText(show(props.value));
    setBad(false);
  }
  return (
    <label className="flex min-w-0 flex-col text-xs text-slate-700">
      <span>
        {props.label} <span className="text-slate-500">({props.unit})</span>
      </span>
      <input
        inputMode="decimal"
        data-testid={props.testId}
        value={text}
        aria-invalid={bad}
        onChange={(e) => {
          setText(e.target.value);
          const v = props.counts ? (readCount(e.target.value) ?? NaN) : Number(e.target.value.trim());
          const okv = e.target.value.trim() !== "" && Number.isFinite(v) && v >= min && v <= max;
          setBad(!okv);
          if (okv) {
            setSeen(v);
            props.onChange(v);
          }
        }}
        className={`mt-0.5 w-full rounded border px-2 py-1 text-sm tabular-nums ${bad ? "border-red-500" : "border-slate-300"}`}
      />
      {bad ? (
        <span className="text-red-700">{breakEvenRangeMessage(props.range)}</span>
      ) : null}
    </label>
  );
}

function days(d: number | null): string {
  if (d === null) return "never (B does not cost less to serve)";
  if (d === 0) return "at once (no training cost)";
  if (d < 1) return `${sig(d * 24)} hours`;
  return `${sig(d)} days`;
}

/** The traffic that pays B back within a month and within a year (from the core's rule: days ∝ 1 / rate). */
function Payback({ result, rate }: { result: DistillResult; rate: number }) {
  const year = rateToBreakEvenWithin(result, rate, 365);
  const month = rateToBreakEvenWithin(result, rate, 30);
  if (year === null || month === null || result.breakEvenDays === 0) return null;
  return (
    <p className="mt-2 text-xs text-slate-700" data-testid="distill-payback">
      B pays for itself within a year from {sig(year)} requests/s of this traffic, within a month from {sig(month)} requests/s.
    </p>
  );
}

export function DistillSection({ a, b }: { a: PinnedAnalysis | null; b: Analysis | null }) {
  // The user's choices live in the store (a share link carries them); the rest are the core's defaults.
  const chosen = useCalculator((s) => s.distill);
  const setDistill = useCalculator((s) => s.setDistill);
  const as = useMemo(() => distillAssumptions(chosen, a, b), [chosen, a, b]);
  const set = <K extends keyof DistillAssumptions>(k: K, v: DistillAssumptions[K]) => setDistill({ [k]: v });
  const out = useMemo(() => distillFor(a, b, as), [a, b, as]);
  const curve = useMemo(() => {
    const input = distillInputFor(a, b, as);
    return input ? breakEvenAgainstTraffic(input) : [];
  }, [a, b, as]);
  return (
    <section aria-labelledby="distill-title" className="mt-4 border-t border-slate-200 pt-3">
      <h3 id="distill-title" className="text-sm font-semibold text-slate-800">
        Distillation: teacher A → student B. When does B pay for itself?
      </h3>
      <p className="text-xs text-slate-600">
        A is the teacher, B the student (or A quantized or pruned). Training the student costs about 6 × its parameters × training tokens FLOPs
        {as.teacherForward ? ", plus 2 × the teacher's parameters × tokens for the teacher's forward pass," : ""} on B's chips at this MFU and B's price per
        chip-hour. Set the tokens to 0 for a change that needs no training.
      </p>
      <div className="mt-2 grid grid-cols-2 gap-2 sm:grid-cols-4">
        <Field label="Training tokens" unit="tokens" value={as.trainingTokens} range="trainingTokens" onChange={(v) => set("trainingTokens", v)} testId="distill-tokens" counts />
        <Field label="Training MFU" unit="0–1" value={as.mfu} range="mfu" onChange={(v) => set("mfu", v)} testId="distill-mfu" />
        <Field label="Traffic" unit="requests/s" value={as.requestsPerS} range="requestsPerS" onChange={(v) => set("requestsPerS", v)} testId="distill-rate" />
        <label className="flex items-center gap-2 self-end text-xs text-slate-700">
          <input type="checkbox" checked={as.teacherForward} onChange={(e) => set("teacherForward", e.target.checked)} />
          Count the teacher's forward pass
        </label>
      </div>
      <p className="mt-1 text-xs text-slate-500" data-testid="distill-quality">Quality is not modelled: a student, a quantized or a pruned B is assumed to answer as well as A.</p>
      {out === null ? (
        <p className="mt-2 text-sm text-slate-500">Waiting for both scenarios…</p>
      ) : !out.ok ? (
        <ul role="alert" data-testid="distill-issues" className="mt-2 list-disc pl-5 text-sm text-red-800">
          {out.issues.map((i) => (
            <li key={i.path}>
              {i.path}: {i.message}
            </li>
          ))}
        </ul>
      ) : (
        <dl className="mt-2 grid grid-cols-2 gap-2 text-sm sm:grid-cols-3" data-testid="distill-result">
          <div>
            <dt className="text-xs text-slate-600">One-time cost</dt>
            <dd className="font-semibold tabular-nums" data-testid="distill-one-time">
              {formatUsd(out.result.oneTimeCost)}
            </dd>
            <dd className="text-xs text-slate-500">
              {formatCount(out.result.trainingChipHours)} chip-hours, {sig(out.result.trainingFlops)} FLOP
            </dd>
          </div>
          <div>
            <dt className="text-xs text-slate-600">Serving per day, A → B</dt>
            <dd className="font-semibold tabular-nums">
              {formatUsd(out.result.teacherCostPerDay)} → {formatUsd(out.result.studentCostPerDay)}
            </dd>
            <dd className="text-xs text-slate-500" data-testid="distill-saving">
              {out.result.savingPerDay > 0
                ? `saves ${formatUsd(out.result.savingPerDay)} a day`
                : out.result.savingPerDay < 0
                  ? `B costs ${formatUsd(-out.result.savingPerDay)} more a day: it never breaks even`
                  : "costs the same to serve"}
            </dd>
          </div>
          <div>
            <dt className="text-xs text-slate-600">Break-even after</dt>
            <dd className="font-semibold tabular-nums" data-testid="distill-days">
              {days(out.result.breakEvenDays)}
            </dd>
            {out.result.breakEvenRequests !== null ? <dd className="text-xs text-slate-500">{formatCount(out.result.breakEvenRequests)} requests</dd> : null}
          </div>
        </dl>
      )}
      {out?.ok ? (
        <>
          <Payback result={out.result} rate={as.requestsPerS} />
          <BreakEvenChart points={curve} here={{ requestsPerS: as.requestsPerS, days: out.result.breakEvenDays }} />
        </>
      ) : null}
    </section>
  );
}
