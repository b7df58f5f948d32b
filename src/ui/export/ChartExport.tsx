/**
 * Export buttons for any chart: CSV of its series, SVG and PNG of its drawing. Give it the
 * element that contains the chart's <svg> (a ref) and its rows; it finds the drawn SVGs (Recharts'
 * `svg.recharts-surface`, or any `svg[data-export]`) at click time, lays them side by side and saves.
 */
import { useState, type RefObject } from "react";
import { composeSvg, downloadBlob, downloadText, fileSlug, svgToPng, toCsv, type CsvCell } from "./exportChart";

export interface ChartExportProps {
  /** The chart's title: the file names and the title line of the SVG/PNG. */
  title: string;
  target: RefObject<HTMLElement | null>;
  columns: { key: string; label: string }[];
  rows: Record<string, CsvCell>[];
}

const btn =
  "rounded border border-slate-300 bg-white px-2 py-0.5 text-xs font-medium text-slate-700 hover:bg-slate-100 focus:outline-none focus-visible:ring-2 focus-visible:ring-blue-600/40";

function svgsIn(el: HTMLElement | null): SVGSVGElement[] {
  if (!el) return [];
  const marked = [...el.querySelectorAll<SVGSVGElement>("svg[data-export]")];
  if (marked.length) return marked;
  return [...el.querySelectorAll<SVGSVGElement>("svg.recharts-surface")];
}

export function ChartExport({ title, target, columns, rows }: ChartExportProps) {
  const [error, setError] = useState<string | null>(null);
  const slug = fileSlug(title);
  const drawing = () => {
    const svgs = svgsIn(target.current);
    if (svgs.length === 0) throw new Error("the chart is not drawn yet");
    return composeSvg(svgs, title);
  };
  const run = (f: () => void | Promise<void>) => async () => {
    setError(null);
    try {
      await f();
    } catch (e) {
      setError(`Export failed: ${e instanceof Error ? e.message : String(e)}`);
    }
  };
  return (
    <div className="flex flex-wrap items-center gap-1" role="group" aria-label={`Export ${title}`}>
      <span className="text-xs text-slate-500">Export:</span>
      <button type="button" className={btn} onClick={run(() => downloadText(toCsv(columns, rows), `${slug}.csv`, "text/csv"))}>
        CSV
      </button>
      <button type="button" className={btn} onClick={run(() => downloadText(drawing().text, `${slug}.svg`, "image/svg+xml"))}>
        SVG
      </button>
      <button
        type="button"
        className={btn}
        onClick={run(async () => {
          const d = drawing();
          downloadBlob(await svgToPng(d.text, d.width, d.height), `${slug}.png`);
        })}
      >
        PNG
      </button>
      {error ? (
        <span role="alert" className="text-xs text-red-700">
          {error}
        </span>
      ) : null}
    </div>
  );
}
