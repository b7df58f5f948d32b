import { useEffect, useRef, useState, type RefObject } from "react";

/**
 * `value` while `ref`'s element is in the viewport; while it is scrolled out of view, the value it
 * showed last, so a chart nobody can see does not redraw on every slider step. When the element
 * comes back into view the latest value is shown at once. Without IntersectionObserver (tests,
 * old browsers) the value always passes through.
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
    return () => io.disconnect();
  }, [ref]);
  return state.visible ? value : state.held;
}
