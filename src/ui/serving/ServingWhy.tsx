/** "why?" beside a serving figure: its definition, then this run's values (from the core, via the worker). */
import { useId, useState } from "react";
import type { ServingTerm } from "../../core/serving/view";

export function WhyButton({ id, term, open, onToggle, panelId }: { id: string; term: ServingTerm; open: boolean; onToggle(): void; panelId: string }) {
  return (
    <button
      type="button"
      aria-expanded={open}
      aria-controls={panelId}
      aria-label={`why? ${term.label}`}
      title={term.formula}
      onClick={onToggle}
      data-testid={`serving-why-${id}-button`}
      className="ml-1 rounded px-1 text-xs font-medium text-blue-700 underline decoration-dotted underline-offset-2 hover:bg-blue-50 focus:outline-none focus-visible:ring-2 focus-visible:ring-blue-600/40"
    >
      why?
    </button>
  );
}

export function WhyPanel({ id, term, panelId }: { id: string; term: ServingTerm; panelId: string }) {
  return (
    <div id={panelId} data-testid={`serving-why-${id}`} className="mt-1 rounded border border-l-4 border-slate-200 border-l-slate-500 bg-slate-50 p-2 text-left text-xs font-normal text-slate-700 [overflow-wrap:anywhere]">
      <p>
        <span className="font-semibold text-slate-900">{term.label}</span> = {term.formula}
      </p>
      <p className="mt-1 font-mono text-slate-900">{term.withValues}</p>
    </div>
  );
}

/** Button and panel together, for a figure outside a table. */
export function ServingWhy({ id, term }: { id: string; term: ServingTerm | undefined }) {
  const [open, setOpen] = useState(false);
  const panelId = `${useId()}-why`;
  if (!term) return null;
  return (
    <>
      <WhyButton id={id} term={term} open={open} onToggle={() => setOpen((o) => !o)} panelId={panelId} />
      {open ? <WhyPanel id={id} term={term} panelId={panelId} /> : null}
    </>
  );
}
