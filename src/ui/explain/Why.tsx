/**
 * "Why?" beside a number: opens its formula, then the same formula with this scenario's values,
 * from the core's explain() (worker). The term id is shared with tooltips, colours and lessons.
 */
import { useCalculator } from "../../state/store";
import { selectTerms } from "../../state/selectors";
import { TERM_COLOR } from "../../charts/palette";
import { TERM_TIPS } from "../copy/en";
import type { TermId } from "../../core";

export function Why({ id }: { id: TermId }) {
  const open = useCalculator((s) => s.view.openWhy.includes(id));
  const toggle = useCalculator((s) => s.toggleWhy);
  const term = useCalculator((s) => (open ? (selectTerms(s)?.[id] ?? null) : null));
  const panelId = `why-${id}`;
  return (
    <>
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
      {open ? (
        <div id={panelId} data-testid={`why-${id}`} className="mt-1 rounded border border-slate-200 bg-slate-50 p-2 text-xs font-normal text-slate-700" style={{ borderLeft: `3px solid ${TERM_COLOR[id] ?? "#64748b"}` }}>
          <p>{TERM_TIPS[id]}</p>
          {term ? (
            <>
              <p className="mt-1">
                <span className="font-semibold text-slate-900">
                  {term.label}
                </span>{" "}
                = {term.formula}
              </p>
              <p className="mt-1 font-mono break-words text-slate-900">{term.withValues}</p>
            </>
          ) : null}
        </div>
      ) : null}
    </>
  );
}
