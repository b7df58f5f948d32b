/** The width in CSS pixels of a box, followed as it resizes, so a plain-SVG chart draws at 1:1 (text keeps its size on a phone). */
import { useLayoutEffect, useState, type RefObject } from "react";

export function useBoxWidth(ref: RefObject<HTMLElement | null>, fallback: number, max = fallback): number {
  const [width, setWidth] = useState(fallback);
  useLayoutEffect(() => {
    const el = ref.current;
    if (!el) return;
    const measure = () => {
      const w = Math.floor(el.getBoundingClientRect().width);
      if (w > 0) setWidth(Math.min(max, Math.max(240, w)));
    };
    measure();
    if (typeof ResizeObserver === "undefined") return;
    const ro = new ResizeObserver(measure);
    ro.observe(el);
    return () => ro.disconnect();
  }, [ref, max]);
  return width;
}
