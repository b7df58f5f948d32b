import { memo, useEffect, useMemo, useState } from "react";
import { useCalculator } from "../../state/store";
import { selectScenario } from "../../state/selectors";
import { loadAccuracy, type AccuracyData, type AccuracyRow } from "../../state/accuracy";
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

const GROUP_TEXT = { analytic: "worked example", measured: "measurement", stress: "hard case" } as const;

/** How the model compares with published figures: the nearest one to this scenario, and all of them. */
export function AccuracyPanel() {
  const scenario = useCalculator(selectScenario);
  const [data, setData] = useState<AccuracyData | null>(null);
  const [failed, setFailed] = useState(false);
  useEffect(() => {
    let live = true;
    const start = () =>
      loadAccuracy().then(
        (d) => live && setData(d),
        () => live && setFailed(true),
      );
    // After the first numbers: the reference set is not needed for them.
    const id = setTimeout(start, 300);
    return () => {
      live = false;
      clearTimeout(id);
    };
  }, []);
  const near = useMemo(() => (data && scenario ? data.nearest(scenario) : null), [data, scenario]);

  return (
    <section aria-labelledby="accuracy-title" className="min-w-0 rounded-lg border border-slate-200 bg-white p-4 text-sm shadow-sm [overflow-wrap:anywhere]">
      <h2 id="accuracy-title" className="text-base font-semibold text-slate-800">
        How accurate is this?
      </h2>
      {failed && <p className="mt-2 text-red-700">The reference measurements could not be loaded.</p>}
      {!data && !failed && <p className="mt-2 text-slate-500">Loading the published reference figures…</p>}
      {near && (
        <p className="mt-2" data-testid="nearest-reference">
          Nearest published figure: <strong>{near.row.quantity}</strong> — published {value(near.row.published, near.row.unit)}, this model{" "}
          {value(near.row.predicted, near.row.unit)} ({err(near.row)}, allowed ±{near.row.tolerancePct} %). <span className="text-slate-500">{near.row.source}</span>
        </p>
      )}
      {data && <ReferenceTable rows={data.rows} />}
    </section>
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
