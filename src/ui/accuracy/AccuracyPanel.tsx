import { memo, useEffect, useRef, useState } from "react";
import { useCalculator } from "../../state/store";
import { selectScenario } from "../../state/selectors";
import { accuracyService, type AccuracyRow, type Nearest, type OwnRuns } from "../../state/accuracy";
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
/** How long the table waits for the nearest case before it asks for its rows anyway. */
const WAIT_FOR_NEAREST_MS = 3000;
const ROLE_TEXT = { calibration: "sets a constant", "held-out": "held out" } as const;

/** How the model compares with published figures: the nearest one to this scenario, and all of them. */
export function AccuracyPanel() {
  const scenario = useCalculator(selectScenario);
  const [started, setStarted] = useState(false);
  const [rows, setRows] = useState<AccuracyRow[] | null>(null);
  const [own, setOwn] = useState<OwnRuns | null>(null);
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
  // The nearest case: asked before the rows (below), so it comes back first.
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
  // The rows wait for the first nearest answer (at most WAIT_FOR_NEAREST_MS), so that the nearest
  // case is asked first: the worker answers in order, and the rows take seconds. Our own runs follow.
  // (The panel mounts after the first numbers, so a scenario is already there; waiting for it alone
  // let the rows go ahead of the nearest case, which is asked once the scenario rests.)
  const [waited, setWaited] = useState(false);
  useEffect(() => {
    if (!started) return;
    const id = setTimeout(() => setWaited(true), WAIT_FOR_NEAREST_MS);
    return () => clearTimeout(id);
  }, [started]);
  const ready = started && (near !== undefined || waited);
  useEffect(() => {
    if (!ready) return;
    let live = true;
    const service = accuracyService();
    service
      .rows()
      .then((r) => {
        if (!live) return;
        setRows(r);
        return service.ownRuns().then((o) => live && setOwn(o));
      })
      .catch(() => live && setFailed(true));
    return () => {
      live = false;
    };
  }, [ready]);

  return (
    <section ref={section} aria-labelledby="accuracy-title" className="min-w-0 rounded-lg border border-slate-200 bg-white p-4 text-sm shadow-sm [overflow-wrap:anywhere]">
      <h2 id="accuracy-title" className="text-base font-semibold text-slate-800">
        How accurate is this?
      </h2>
      {failed && <p className="mt-2 text-red-700">The reference measurements could not be loaded.</p>}
      {!rows && !failed && <p className="mt-2 text-slate-500">Evaluating the published reference figures (the serving cases simulate thousands of requests)…</p>}
      {near !== undefined && <NearestLine near={near} />}
      {rows && <ReferenceTable rows={rows} />}
      {own && <OwnRunsTable own={own} />}
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
      <CaseTable rows={rows} caption="Published figures against this model's predictions" figure="Published" kind={(r) => GROUP_TEXT[r.group]} />
    </details>
  );
});

/**
 * This project's own H200 runs (calibration/), a set apart from the published figures: the card
 * and software they ran on, which set a constant and which are held out.
 */
const OwnRunsTable = memo(function OwnRunsTable({ own }: { own: OwnRuns }) {
  const { rows } = own;
  const tally = (role: "calibration" | "held-out") => {
    const rs = rows.filter((r) => r.role === role);
    return `${rs.filter((r) => r.pass).length}/${rs.length}`;
  };
  return (
    <details className="mt-2" data-testid="own-runs">
      <summary className="cursor-pointer text-slate-700">
        Our own {own.device} runs: {rows.filter((r) => r.pass).length}/{rows.length} steps within tolerance ({tally("calibration")} that set a constant, {tally("held-out")} held out)
      </summary>
      <p className="mt-1 text-slate-600" data-testid="own-runs-note">
        Measured by this project on one {own.device} with {own.software} ({own.measuredOn}): Llama-shaped models with random bf16 weights, each step replayed
        from a CUDA graph, against this model with the PyTorch engine profile. The decode and prefill steps set that profile&apos;s constants; the mixed iterations (a prefill chunk
        with decoding sequences, priced by the serving simulator&apos;s step) were held out. Eager runs are bound by Python&apos;s kernel launches and are not listed.
      </p>
      <CaseTable rows={rows} caption="Our own measurements against this model's predictions" figure="Measured" kind={(r) => (r.role ? ROLE_TEXT[r.role] : GROUP_TEXT[r.group])} />
    </details>
  );
});

function CaseTable({ rows, caption, figure, kind }: { rows: AccuracyRow[]; caption: string; figure: string; kind: (r: AccuracyRow) => string }) {
  return (
    <div className="mt-2 max-h-96 max-w-full overflow-auto">
      <table className="w-full table-fixed text-left text-xs">
        <caption className="sr-only">{caption}</caption>
        <thead className="sticky top-0 bg-white">
          <tr className="border-b border-slate-200">
            <th scope="col" className="w-2/5 py-1 pr-2">Quantity (source)</th>
            <th scope="col" className="py-1 pr-2">Kind</th>
            <th scope="col" className="py-1 pr-2 text-right">{figure}</th>
            <th scope="col" className="py-1 pr-2 text-right">Model</th>
            <th scope="col" className="py-1 text-right">Error (allowed)</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.id} className="border-b border-slate-100 align-top">
              <td className="py-1 pr-2">
                {r.quantity}
                {!r.role && <div className="text-slate-500">{r.source}</div>}
                {r.error && <div className="text-red-700">Could not be evaluated: {r.error}</div>}
              </td>
              <td className="py-1 pr-2">{kind(r)}</td>
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
  );
}
