// @vitest-environment jsdom
import { act, useRef } from "react";
import { createRoot } from "react-dom/client";
import { afterEach, beforeEach, expect, test } from "vitest";
import { useHeldWhileHidden } from "./useHeldWhileHidden";

let observed: ((visible: boolean) => void) | null = null;
class FakeObserver {
  constructor(private cb: (entries: { isIntersecting: boolean }[]) => void) {}
  observe() {
    observed = (visible) => this.cb([{ isIntersecting: visible }]);
  }
  disconnect() {
    observed = null;
  }
}

function Probe({ value }: { value: number }) {
  const ref = useRef<HTMLDivElement>(null);
  return <div ref={ref}>{useHeldWhileHidden(value, ref)}</div>;
}

beforeEach(() => {
  (globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;
  (globalThis as { IntersectionObserver?: unknown }).IntersectionObserver = FakeObserver;
});
afterEach(() => {
  delete (globalThis as { IntersectionObserver?: unknown }).IntersectionObserver;
});

test("a value passes through while visible, is held while scrolled out of view, and catches up when seen again", () => {
  const el = document.createElement("div");
  const root = createRoot(el);
  act(() => root.render(<Probe value={1} />));
  expect(el.textContent).toBe("1");
  act(() => root.render(<Probe value={2} />));
  expect(el.textContent).toBe("2");
  act(() => observed!(false));
  act(() => root.render(<Probe value={3} />));
  act(() => root.render(<Probe value={4} />));
  expect(el.textContent).toBe("2");
  act(() => observed!(true));
  expect(el.textContent).toBe("4");
  act(() => root.unmount());
  expect(observed).toBeNull();
});
