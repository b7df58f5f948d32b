import { useMemo } from "react";
import { useCalculator } from "../state/store";
import { noticesFor } from "../state/selectors";
import { COPY, fieldLabel, inWords } from "./copy/en";

/** Messages about the link and the input: what was ignored or adjusted, each naming its field. */
export function Notices() {
  const linkWarnings = useCalculator((s) => s.linkWarnings);
  const dismissed = useCalculator((s) => s.view.linkNoticeDismissed);
  // issues and error only (kept as the same objects while equal): an answer that moves only the numbers does not re-render this
  const issues = useCalculator((s) => s.result.analysis?.issues);
  const error = useCalculator((s) => s.result.analysis?.error);
  const dismiss = useCalculator((s) => s.dismissLinkNotice);
  const notices = useMemo(() => noticesFor(linkWarnings, dismissed, issues ? { issues, error: error ?? null } : null), [linkWarnings, dismissed, issues, error]);
  const link = notices.filter((n) => n.kind === "link");
  const other = notices.filter((n) => n.kind !== "link");
  if (notices.length === 0) return null;
  return (
    <div className="space-y-2">
      {link.length > 0 ? (
        <div role="alert" data-testid="link-notice" className="rounded-md border border-amber-300 bg-amber-50 p-3 text-sm text-amber-900">
          <div className="flex items-start justify-between gap-2">
            <p className="font-medium">{COPY.linkIgnored}</p>
            <button type="button" onClick={dismiss} className="shrink-0 rounded px-2 text-amber-900 underline">
              {COPY.dismiss}
            </button>
          </div>
          <ul className="mt-1 list-disc pl-5 [overflow-wrap:anywhere]">
            {link.map((n) => (
              <li key={n.id}>{inWords(n.text)}</li>
            ))}
          </ul>
        </div>
      ) : null}
      {other.length > 0 ? (
        <div role="alert" data-testid="input-notice" className="rounded-md border border-red-300 bg-red-50 p-3 text-sm text-red-900">
          <p className="font-medium">{COPY.inputProblems}</p>
          <ul className="mt-1 list-disc pl-5 [overflow-wrap:anywhere]">
            {other.map((n) => (
              <li key={n.id} data-field={n.field}>
                {n.field !== undefined && n.message !== undefined ? `${fieldLabel(n.field)} ${n.message}` : inWords(n.text)}
              </li>
            ))}
          </ul>
        </div>
      ) : null}
    </div>
  );
}
