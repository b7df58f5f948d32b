/** Export of the breakdown chart (both phases): rows from its view model, drawing from its SVGs. */
import { useMemo, type RefObject } from "react";
import type { BreakdownChartModel } from "../../charts/viewModels";
import { TIME_COMPONENTS } from "../../charts/palette";
import { ChartExport } from "./ChartExport";
import type { CsvCell } from "./exportChart";

/** CSV columns and rows of a breakdown chart model: one row per phase and context, time per component in the chart's unit. */
export function breakdownCsv(model: BreakdownChartModel): { columns: { key: string; label: string }[]; rows: Record<string, CsvCell>[] } {
  const rows: Record<string, CsvCell>[] = [];
  for (const m of [model.prefill, model.decode]) {
    for (const r of m.rows) {
      const row: Record<string, CsvCell> = { phase: m.phase, unit: m.unit.name, context: r.context, total: r.total, fits: r.fits };
      for (const c of TIME_COMPONENTS) row[c.key] = r[c.key];
      rows.push(row);
    }
  }
  const columns = [
    { key: "phase", label: "phase" },
    { key: "context", label: "context (tokens)" },
    { key: "unit", label: "time unit" },
    ...TIME_COMPONENTS.map((c) => ({ key: c.key, label: c.label })),
    { key: "total", label: "total" },
    { key: "fits", label: "fits in memory" },
  ];
  return { columns, rows };
}

export function BreakdownExport({ model, target }: { model: BreakdownChartModel; target: RefObject<HTMLElement | null> }) {
  const { columns, rows } = useMemo(() => breakdownCsv(model), [model]);
  return <ChartExport title="Where the time goes, by context length" target={target} columns={columns} rows={rows} />;
}
