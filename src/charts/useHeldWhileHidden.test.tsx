// @vitest-environment jsdom
import { act, useRef } from "react";
import { createRoot } from "react-dom/client";
import { afterEach, beforeEach, expect, test, vi } from "vitest";
import { HIDDEN_SETTLE_MS, useHeldWhileHidden } from "./useHeldWhileHidden";

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

test("a hidden value catches up once the input rests, and at once before printing", () => {
  vi.useFakeTimers();
  try {
    const el = document.createElement("div");
    const root = createRoot(el);
    act(() => root.render(<Probe value={1} />));
    act(() => observed!(false));
    act(() => root.render(<Probe value={2} />));
    act(() => vi.advanceTimersByTime(HIDDEN_SETTLE_MS - 50));
    act(() => root.render(<Probe value={3} />)); // a new step restarts the wait
    act(() => vi.advanceTimersByTime(HIDDEN_SETTLE_MS - 50));
    expect(el.textContent).toBe("1");
    act(() => vi.advanceTimersByTime(50));
    expect(el.textContent).toBe("3"); // rested: a full-page capture shows the current scenario
    act(() => root.render(<Probe value={4} />));
    expect(el.textContent).toBe("3");
    act(() => {
      window.dispatchEvent(new Event("beforeprint"));
    });
    expect(el.textContent).toBe("4"); // printing does not wait
    act(() => root.unmount());
  } finally {
    vi.useRealTimers();
  }
});
