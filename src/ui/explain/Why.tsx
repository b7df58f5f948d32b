/**
 * "Why?" beside a number: opens its formula, then the same formula with this scenario's values,
 * from the core's explain() (worker). The term id is shared with tooltips, colours and lessons.
 * `Why` puts the panel where the button is (inside a sentence); a result card puts the button in
 * the card and the panel in a full-width row of the grid under it (WhyButton + WhyPanel), so an
 * open explanation never stretches the cards beside it.
 */
import { useId } from "react";
import { useCalculator } from "../../state/store";
import { selectTerms } from "../../state/selectors";
import { TERM_COLOR } from "../../charts/palette";
import { TERM_TIPS } from "../copy/en";
import type { TermId } from "../../core";

const useOpen = (id: TermId) => useCalculator((s) => s.view.openWhy.includes(id));

/**
 * `panelId` names the panel the button controls: `why-<term>` for a result card's, a unique one
 * where the same term is explained inline elsewhere too (ids in a page are unique).
 */
export function WhyButton({ id, panelId = `why-${id}` }: { id: TermId; panelId?: string }) {
  const open = useOpen(id);
  const toggle = useCalculator((s) => s.toggleWhy);
  return (
    <button
      type="button"
      aria-expanded={open}
      aria-controls={panelId}
      title={TERM_TIPS[id]}
      onClick={() => toggle(id)}
      data-testid={`why-${id}-button`}
      className="ml-1 rounded px-1 text-xs font-medium text-blue-700 underline decoration-dotted underline-offset-2 hover:bg-blue-50 focus:outline-none focus-visible:ring-2 focus-visible:ring-blue-600/40"
    >
      why?
    </button>
  );
}

/** The open explanation (nothing while closed); `className` places it (e.g. a full grid row). */
export function WhyPanel({ id, className = "mt-1", panelId = `why-${id}` }: { id: TermId; className?: string; panelId?: string }) {
  const open = useOpen(id);
  const term = useCalculator((s) => (open ? (selectTerms(s)?.[id] ?? null) : null));
  if (!open) return null;
  return (
    <div id={panelId} data-testid={`why-${id}`} className={`${className} rounded border border-slate-200 bg-slate-50 p-2 text-xs font-normal text-slate-700`} style={{ borderLeft: `3px solid ${TERM_COLOR[id] ?? "#64748b"}` }}>
      <p>{TERM_TIPS[id]}</p>
      {term ? (
        <>
          <p className="mt-1">
            <span className="font-semibold text-slate-900">{term.label}</span> = {term.formula}
          </p>
          <p className="mt-1 font-mono break-words text-slate-900">{term.withValues}</p>
        </>
      ) : null}
    </div>
  );
}

/** A button and its panel in place; the panel's DOM id is this instance's own (the results may explain the same term). */
export function Why({ id }: { id: TermId }) {
  const panelId = `why-${id}-${useId().replace(/[^a-zA-Z0-9_-]/g, "")}`;
  return (
    <>
      <WhyButton id={id} panelId={panelId} />
      <WhyPanel id={id} panelId={panelId} />
    </>
  );
}
