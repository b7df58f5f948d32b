import { useMemo, useState } from "react";
import { useCalculator } from "../state/store";
import { badgeFor, selectHeadline } from "../state/selectors";
import { currentShareUrl } from "../state/sync";
import { BOTTLENECK_COLOR } from "../charts/palette";
import { COPY } from "./copy/en";

export function BottleneckBadge() {
  const report = useCalculator(selectHeadline);
  const badge = useMemo(() => badgeFor(report), [report]);
  if (!badge) return <span className="text-sm text-slate-500">{COPY.computing}</span>;
  return (
    <span
      data-testid="bottleneck-badge"
      data-kind={badge.kind}
      title={badge.detail}
      className="inline-flex items-center rounded-full px-3 py-1 text-sm font-semibold text-white"
      style={{ background: BOTTLENECK_COLOR[badge.kind] }}
    >
      {badge.text}
      <span className="sr-only">. {badge.detail}</span>
    </span>
  );
}

function CopyLink() {
  const [state, setState] = useState<{ kind: "idle" | "copied" | "failed"; url?: string }>({ kind: "idle" });
  const copy = async () => {
    const url = currentShareUrl();
    try {
      await navigator.clipboard.writeText(url);
      setState({ kind: "copied", url });
      setTimeout(() => setState((s) => (s.kind === "copied" ? { kind: "idle" } : s)), 2000);
    } catch {
      setState({ kind: "failed", url });
    }
  };
  return (
    <div className="flex min-w-0 items-center gap-2">
      <button
        type="button"
        onClick={copy}
        className="rounded border border-slate-300 bg-white px-3 py-1 text-sm font-medium hover:bg-slate-100 focus:outline-none focus-visible:ring-2 focus-visible:ring-blue-600/40"
      >
        {COPY.copyLink}
      </button>
      <span role="status" aria-live="polite" className="min-w-0 text-sm text-slate-600">
        {state.kind === "copied" ? COPY.copied : null}
        {state.kind === "failed" ? (
          <label className="flex items-center gap-1">
            <span className="sr-only">{COPY.copyFailed}</span>
            <input
              readOnly
              value={state.url}
              onFocus={(e) => e.target.select()}
              autoFocus
              className="w-40 min-w-0 rounded border border-slate-300 px-1 text-xs"
            />
          </label>
        ) : null}
      </span>
    </div>
  );
}

export function Header() {
  return (
    <header className="border-b border-slate-200 bg-white">
      <div className="mx-auto flex max-w-7xl flex-wrap items-center justify-between gap-x-4 gap-y-2 px-4 py-3">
        <div className="min-w-0">
          <h1 className="text-xl font-semibold text-slate-900">{COPY.title}</h1>
          <p className="hidden text-sm text-slate-600 sm:block">{COPY.tagline}</p>
        </div>
        <div className="flex flex-wrap items-center gap-3">
          <span className="flex items-center gap-2 text-sm text-slate-600">
            Decode: <BottleneckBadge />
          </span>
          <CopyLink />
        </div>
      </div>
    </header>
  );
}
