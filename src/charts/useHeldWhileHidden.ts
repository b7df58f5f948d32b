import { useEffect, useRef, useState, type RefObject } from "react";
import { flushSync } from "react-dom";

/** A hidden chart catches up this long after the last change (ms): one redraw per pause, not per slider step. */
export const HIDDEN_SETTLE_MS = 400;

/**
 * `value` while `ref`'s element is in the viewport; while it is scrolled out of view, the value it
 * showed last, so a chart nobody can see does not redraw on every slider step. It catches up once
 * the input has rested for HIDDEN_SETTLE_MS (so a full-page capture shows the current scenario),
 * at once before printing, and at once when it comes back into view. Without
 * IntersectionObserver (tests, old browsers) the value always passes through.
 */
export function useHeldWhileHidden<T>(value: T, ref: RefObject<Element | null>): T {
  const latest = useRef(value);
  const [state, setState] = useState<{ visible: boolean; held: T }>(() => ({ visible: true, held: value }));
  useEffect(() => {
    latest.current = value;
  });
  useEffect(() => {
    const el = ref.current;
    if (!el || typeof IntersectionObserver === "undefined") return;
    const io = new IntersectionObserver((entries) => {
      const visible = entries[entries.length - 1]?.isIntersecting ?? true;
      setState((s) => (s.visible === visible ? s : { visible, held: latest.current }));
    });
    io.observe(el);
    // the print snapshot is taken right after this event: draw the current scenario synchronously
    const beforePrint = () => flushSync(() => setState((s) => (Object.is(s.held, latest.current) ? s : { ...s, held: latest.current })));
    window.addEventListener("beforeprint", beforePrint);
    return () => {
      io.disconnect();
      window.removeEventListener("beforeprint", beforePrint);
    };
  }, [ref]);
  const stale = !state.visible && !Object.is(state.held, value);
  useEffect(() => {
    if (!stale) return;
    const t = setTimeout(() => setState((s) => (s.visible ? s : { visible: false, held: latest.current })), HIDDEN_SETTLE_MS);
    return () => clearTimeout(t);
  }, [stale, value]);
  return state.visible ? value : state.held;
}
