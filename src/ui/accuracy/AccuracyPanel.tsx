import { memo, useEffect, useRef, useState } from "react";
import { useCalculator } from "../../state/store";
import { selectScenario } from "../../state/selectors";
import { accuracyService, type AccuracyRow, type Nearest } from "../../state/accuracy";
import { formatBytes, formatCount, formatPercent, formatSeconds, sig } from "../format";

function value(v: number | boolean | null, unit: string): string {
  if (v === null || (typeof v === "number" && !Number.isFinite(v))) return "—";
  if (typeof v === "boolean") return v ? "yes" : "no";
  if (unit === "s") return formatSeconds(v);
  if (unit === "bytes") return formatBytes(v);
  if (unit === "bytes/token") return `${formatBytes(v)}/token`;
  if (unit === "fraction of peak") return formatPercent(v);
  if (unit === "parameters") return formatCount(v);
  if (unit === "FLOP") return `${formatCount(v)} FLOP`;
  return `${sig(v)} ${unit}`;
}

function err(r: AccuracyRow): string {
  if (r.errorPct === null || !Number.isFinite(r.errorPct)) return "—";
  if (typeof r.published === "boolean") return r.pass ? "match" : "differs";
  return `${r.errorPct > 0 ? "+" : ""}${r.errorPct.toFixed(1)} %`;
}

/** The nearest published case is looked up once the scenario has rested this long (ms). */
const NEAREST_SETTLE_MS = 250;

const GROUP_TEXT = { analytic: "worked example", measured: "measurement", stress: "hard case" } as const;

/** How the model compares with published figures: the nearest one to this scenario, and all of them. */
export function AccuracyPanel() {
  const scenario = useCalculator(selectScenario);
  const [started, setStarted] = useState(false);
  const [rows, setRows] = useState<AccuracyRow[] | null>(null);
  const [failed, setFailed] = useState(false);
  // undefined: not asked yet; null: no figure of this model family or chip
  const [near, setNear] = useState<Nearest | null | undefined>(undefined);
  const section = useRef<HTMLElement>(null);
  useEffect(() => {
    // Seconds of work for the serving cases, so it starts only when the panel comes near the
    // viewport (in its own worker either way): a visitor who never scrolls here never pays for it.
    const el = section.current;
    if (!el || typeof IntersectionObserver === "undefined") {
      const id = setTimeout(() => setStarted(true), 300);
      return () => clearTimeout(id);
    }
    const io = new IntersectionObserver((entries) => entries.some((e) => e.isIntersecting) && setStarted(true), { rootMargin: "400px" });
    io.observe(el);
    return () => io.disconnect();
  }, []);
  // Declared before the rows: the worker answers in order, so the nearest case comes first.
  useEffect(() => {
    if (!started || !scenario) return;
    let live = true;
    // once the scenario rests: during a drag the accuracy worker would take a core from the cost worker per step
    const t = setTimeout(
      () =>
        accuracyService()
          .nearest(scenario)
          .then(
            (n) => live && setNear(n),
            () => live && setNear(undefined),
          ),
      NEAREST_SETTLE_MS,
    );
    return () => {
      live = false;
      clearTimeout(t);
    };
  }, [started, scenario]);
  useEffect(() => {
    if (!started) return;
    let live = true;
    accuracyService()
      .rows()
      .then(
        (r) => live && setRows(r),
        () => live && setFailed(true),
      );
    return () => {
      live = false;
    };
  }, [started]);

  return (
    <section ref={section} aria-labelledby="accuracy-title" className="min-w-0 rounded-lg border border-slate-200 bg-white p-4 text-sm shadow-sm [overflow-wrap:anywhere]">
      <h2 id="accuracy-title" className="text-base font-semibold text-slate-800">
        How accurate is this?
      </h2>
      {failed && <p className="mt-2 text-red-700">The reference measurements could not be loaded.</p>}
      {!rows && !failed && <p className="mt-2 text-slate-500">Evaluating the published reference figures (the serving cases simulate thousands of requests)…</p>}
      {near !== undefined && <NearestLine near={near} />}
      {rows && <ReferenceTable rows={rows} />}
    </section>
  );
}

/** The nearest published figure of this model family or chip, or a line saying none is close; an error outside its band is flagged. */
function NearestLine({ near }: { near: Nearest | null }) {
  if (!near || !near.close) {
    return (
      <p className="mt-2 text-slate-700" data-testid="nearest-reference">
        No published figure is close to this scenario
        {near ? ` (the nearest, ${near.row.quantity}, ${near.sameFamily ? "is the same model family" : "is on the same chip"} but far in size, batch or chips)` : ": none measures this model family or this chip"}
        ; the table below lists what there is.
      </p>
    );
  }
  const row = near.row;
  const outside = !row.pass && row.errorPct !== null;
  const what = near.sameFamily && near.sameChip ? "same model family and chip" : near.sameFamily ? "same model family" : "same chip";
  return (
    <p className="mt-2" data-testid="nearest-reference">
      Nearest published figure ({what}): <strong>{row.quantity}</strong> — published {value(row.published, row.unit)}, this model {value(row.predicted, row.unit)} (
      <span className={outside ? "font-semibold text-red-700" : "text-emerald-700"} data-testid="nearest-error">
        {err(row)}, {outside ? `outside its ±${row.tolerancePct} % band` : `within ±${row.tolerancePct} %`}
      </span>
      ). <span className="text-slate-500">{row.source}</span>
    </p>
  );
}

/** The full table: depends only on the (fixed) reference rows, so slider moves never re-render it. */
const ReferenceTable = memo(function ReferenceTable({ rows }: { rows: AccuracyRow[] }) {
  const groups = (["analytic", "measured", "stress"] as const).map((g) => {
    const rs = rows.filter((r) => r.group === g);
    return `${rs.filter((r) => r.pass).length}/${rs.length} ${GROUP_TEXT[g]}s`;
  });
  return (
    <details className="mt-2">
      <summary className="cursor-pointer text-slate-700">
        All {rows.length} reference figures: {groups.join(", ")} within tolerance
      </summary>
      <div className="mt-2 max-h-96 max-w-full overflow-auto">
        <table className="w-full table-fixed text-left text-xs">
          <caption className="sr-only">Published figures against this model's predictions</caption>
          <thead className="sticky top-0 bg-white">
            <tr className="border-b border-slate-200">
              <th scope="col" className="w-2/5 py-1 pr-2">Quantity (source)</th>
              <th scope="col" className="py-1 pr-2">Kind</th>
              <th scope="col" className="py-1 pr-2 text-right">Published</th>
              <th scope="col" className="py-1 pr-2 text-right">Model</th>
              <th scope="col" className="py-1 text-right">Error (allowed)</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.id} className="border-b border-slate-100 align-top">
                <td className="py-1 pr-2">
                  {r.quantity}
                  <div className="text-slate-500">{r.source}</div>
                  {r.error && <div className="text-red-700">Could not be evaluated: {r.error}</div>}
                </td>
                <td className="py-1 pr-2">{GROUP_TEXT[r.group]}</td>
                <td className="py-1 pr-2 text-right tabular-nums">{value(r.published, r.unit)}</td>
                <td className="py-1 pr-2 text-right tabular-nums">{value(r.predicted, r.unit)}</td>
                <td className={`py-1 text-right tabular-nums ${r.pass ? "text-emerald-700" : "text-red-700"}`}>
                  {err(r)} <span className="text-slate-500">(±{r.tolerancePct} %)</span>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </details>
  );
});
