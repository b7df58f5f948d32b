/**
 * Compare: pin the current scenario as A and keep editing as B. Side-by-side figures with B − A
 * and B / A, both curves on one chart, and the distillation break-even. Both scenarios live in
 * the share link (A in `cmp`).
 */
import { useMemo } from "react";
import { calculatorStore, SHAPE_FIELDS, useCalculator } from "../../state/store";
import { findModelPreset } from "../../core/model/presets";
import { selectAnalysis, MODEL_OPTIONS } from "../../state/selectors";
import { compareRowsFor, selectCompare, selectPinned, startB, type CurvePoint } from "../../state/compare";
import type { CompareRow, Scenario } from "../../core";
import { DASH, formatBytes, formatCount, formatInt, formatPercent, formatSeconds, formatTokens, formatTokensPerS, formatUsd, isNum, sig } from "../format";
import { OverlayChart, A_COLOR, B_COLOR } from "./OverlayChart";
import { DistillSection } from "./DistillSection";

function value(row: CompareRow, v: number | null): string {
  if (!isNum(v)) return DASH;
  switch (row.unit) {
    case "s":
      return formatSeconds(v);
    case "tokens-per-s":
      return formatTokensPerS(v);
    case "usd-per-m":
      return formatUsd(v);
    case "bytes":
      return formatBytes(v);
    case "fraction":
      return formatPercent(v);
    case "tokens":
      return formatTokens(v);
    default:
      return Math.abs(v) >= 1e5 ? formatCount(v) : formatInt(v);
  }
}

function diffText(row: CompareRow): string {
  if (!isNum(row.diff)) return DASH;
  if (row.diff === 0) return "same";
  const sign = row.diff > 0 ? "+" : "−";
  const abs = Math.abs(row.diff);
  return `${sign}${row.unit === "fraction" ? `${sig(abs * 100, 3)} pts` : value(row, abs)}`;
}

/** Better, worse or the same for B, from the direction that counts as better for this figure. */
function verdict(row: CompareRow): "better" | "worse" | "same" | null {
  if (!isNum(row.ratio)) return null;
  if (Math.abs(row.ratio - 1) < 0.005) return "same";
  return row.ratio < 1 === row.lowerIsBetter ? "better" : "worse";
}

function describe(s: Scenario | null | undefined): string {
  if (!s) return "…";
  const w = s.precision.weights;
  const sparse = s.sparsity.weights === "2:4" ? ", 2:4 sparse" : "";
  // A shape edited away from its preset is named as custom; the price is what the cost rows use.
  const preset = s.model.preset ? findModelPreset(s.model.preset) : undefined;
  const edited = !preset || SHAPE_FIELDS.some((f) => preset.shape[f] !== s.model[f]);
  const name = edited ? `${s.model.name} (custom shape)` : s.model.name;
  const price = s.hardware.pricePerHour === undefined ? "no price" : `$${sig(s.hardware.pricePerHour)} per chip-hour`;
  return `${name} (${w}${sparse}) on ${s.hardware.chips} × ${s.hardware.name} (${price}), batch ${s.workload.batch}`;
}

const btnBase = "rounded border px-3 py-1 text-sm font-medium focus:outline-none focus-visible:ring-2 focus-visible:ring-blue-600/40";
const btn = `${btnBase} border-slate-300 bg-white hover:bg-slate-100`;
/** The one call to action: two background classes on one element let the CSS order pick, so it has its own. */
const primaryBtn = `${btnBase} border-teal-700 bg-teal-700 text-white hover:bg-teal-800`;

function StartButtons({ pinned }: { pinned: boolean }) {
  return (
    <div className="flex flex-wrap items-center gap-2 text-sm">
      <span className="text-slate-600">{pinned ? "Change B:" : "Or start B from this scenario:"}</span>
      <button type="button" className={btn} onClick={() => startB(calculatorStore, "int4")} title="Quantization: A's model with 4-bit weights">
        int4 weights
      </button>
      <button type="button" className={btn} onClick={() => startB(calculatorStore, "fp8")}>
        fp8 weights
      </button>
      <button type="button" className={btn} onClick={() => startB(calculatorStore, "sparse-2:4")}>
        2:4 pruning
      </button>
      <label className="flex items-center gap-1">
        <span className="text-slate-600">distillation: student</span>
        <select
          data-testid="student-preset"
          className="max-w-44 rounded border border-slate-300 bg-white px-1 py-1 text-sm"
          value=""
          onChange={(e) => e.target.value && startB(calculatorStore, "student", e.target.value)}
        >
          <option value="">choose a smaller model…</option>
          {MODEL_OPTIONS.map((o) => (
            <option key={o.id} value={o.id}>
              {o.label}
            </option>
          ))}
        </select>
      </label>
    </div>
  );
}

export function ComparePanel() {
  const compare = useCalculator(selectCompare);
  const pinned = useCalculator(selectPinned);
  const analysis = useCalculator(selectAnalysis);
  const pin = useCalculator((s) => s.pinCompare);
  const swap = useCalculator((s) => s.swapCompare);
  const clear = useCalculator((s) => s.setCompare);
  const rows = useMemo(() => compareRowsFor(pinned?.report ?? null, analysis?.report ?? null), [pinned, analysis]);
  const bCurve: CurvePoint[] = useMemo(
    () => (analysis?.sweep?.points ?? []).map((p) => ({ context: p.context, prefillS: p.prefillS, decodeStepS: p.decodeStepS, fits: p.fits })),
    [analysis],
  );
  return (
    <section aria-labelledby="compare-title" data-testid="compare-panel" className="rounded-lg border border-slate-200 bg-white p-4 shadow-sm">
      <div className="flex flex-wrap items-start justify-between gap-2">
        <h2 id="compare-title" className="text-base font-semibold text-slate-800">
          Compare A and B
        </h2>
        {compare ? (
          <div className="flex flex-wrap gap-2">
            <button type="button" className={btn} onClick={pin} title="Pin the scenario as it is now as A">
              Re-pin A
            </button>
            <button type="button" className={btn} onClick={swap}>
              Swap A ↔ B
            </button>
            <button type="button" className={btn} onClick={() => clear(null)}>
              Stop comparing
            </button>
          </div>
        ) : null}
      </div>
      {!compare ? (
        <div className="mt-2 space-y-2">
          <p className="text-sm text-slate-600">
            Pin this scenario as <strong>A</strong>, then keep editing: what you change becomes <strong>B</strong>. The figures, the chart and the share link then carry both.
          </p>
          <button type="button" className={primaryBtn} onClick={pin} data-testid="pin-a">
            Pin as A, keep editing B
          </button>
          <StartButtons pinned={false} />
        </div>
      ) : (
        <div className="mt-2 space-y-3">
          <dl className="grid gap-1 text-sm sm:grid-cols-2">
            <div className="min-w-0 border-l-4 pl-2" style={{ borderColor: A_COLOR }}>
              <dt className="text-xs font-semibold text-slate-600">A (pinned)</dt>
              <dd className="[overflow-wrap:anywhere]" data-testid="compare-a-desc">
                {pinned?.error ?? describe(pinned?.scenario)}
              </dd>
            </div>
            <div className="min-w-0 border-l-4 pl-2" style={{ borderColor: B_COLOR }}>
              <dt className="text-xs font-semibold text-slate-600">B (what you are editing)</dt>
              <dd className="[overflow-wrap:anywhere]" data-testid="compare-b-desc">
                {describe(analysis?.scenario)}
              </dd>
            </div>
          </dl>
          <StartButtons pinned />
          <div className="overflow-x-auto">
            <table className="w-full text-sm tabular-nums sm:min-w-[30rem]" data-testid="compare-table">
              <caption className="sr-only">Scenario A against B: each figure, the difference B − A and the ratio B / A</caption>
              <thead>
                <tr className="border-b border-slate-200 text-left text-xs text-slate-600">
                  <th scope="col" className="py-1 pr-2 font-medium">
                    Figure
                  </th>
                  <th scope="col" className="px-2 py-1 text-right font-medium" style={{ color: A_COLOR }}>
                    A
                  </th>
                  <th scope="col" className="px-2 py-1 text-right font-medium" style={{ color: B_COLOR }}>
                    B
                  </th>
                  <th scope="col" className="hidden px-2 py-1 text-right font-medium sm:table-cell">
                    B − A
                  </th>
                  <th scope="col" className="py-1 pl-2 text-right font-medium">
                    B / A
                  </th>
                </tr>
              </thead>
              <tbody>
                {rows.map((r) => {
                  const v = verdict(r);
                  return (
                    <tr key={r.id} className="border-b border-slate-100" data-testid={`cmp-row-${r.id}`}>
                      <th scope="row" className="py-1 pr-2 text-left font-normal [overflow-wrap:anywhere] text-slate-700">
                        {r.label}
                      </th>
                      <td className="px-2 py-1 text-right">{value(r, r.a)}</td>
                      <td className="px-2 py-1 text-right">{value(r, r.b)}</td>
                      <td className="hidden px-2 py-1 text-right text-slate-600 sm:table-cell">{diffText(r)}</td>
                      <td
                        className={`py-1 pl-2 text-right font-medium ${v === "better" ? "text-emerald-700" : v === "worse" ? "text-red-700" : "text-slate-600"}`}
                        data-testid={`cmp-ratio-${r.id}`}
                      >
                        {isNum(r.ratio) ? `${sig(r.ratio, 3)}×` : DASH}
                        {v === "better" || v === "worse" ? <span className="sr-only"> ({v})</span> : null}
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
          <OverlayChart a={pinned?.curve ?? []} b={bCurve} />
          <DistillSection a={pinned} b={analysis} />
        </div>
      )}
    </section>
  );
}
