import { useMemo } from "react";
import { useCalculator } from "../state/store";
import { badgeFor, selectHeadline } from "../state/selectors";
import { BOTTLENECK_COLOR } from "../charts/palette";
import { formatSeconds, formatTokensPerS } from "./format";

/**
 * Phones only: the headline numbers pinned to the bottom of the screen, so moving a slider far
 * below the results still shows what changed. Hidden from assistive technology (the results
 * section says the same).
 */
export function SummaryBar() {
  const report = useCalculator(selectHeadline);
  const badge = useMemo(() => badgeFor(report), [report]);
  if (!report || !badge) return null;
  return (
    <div
      aria-hidden="true"
      data-testid="summary-bar"
      className="fixed inset-x-0 bottom-0 z-10 flex items-center justify-between gap-2 border-t border-slate-200 bg-white/95 px-3 py-2 text-xs tabular-nums shadow-[0_-2px_6px_rgba(0,0,0,0.06)] backdrop-blur lg:hidden"
    >
      <span>
        TTFT <strong>{formatSeconds(report.prefill.timeS)}</strong> · per token{" "}
        <strong>{formatSeconds(report.decode.timePerTokenS)}</strong> · <strong>{formatTokensPerS(report.total.outputTokensPerS)}</strong>
      </span>
      <span className="shrink-0 rounded-full px-2 py-0.5 font-semibold text-white" style={{ background: BOTTLENECK_COLOR[badge.kind] }}>
        {badge.text}
      </span>
    </div>
  );
}
