// @vitest-environment jsdom
import { act } from "react";
import { createRoot } from "react-dom/client";
import { afterEach, beforeEach, expect, test, vi } from "vitest";
import { PanelBoundary } from "./PanelBoundary";

let fail = true;
function Broken(): never | React.ReactElement {
  if (fail) throw new TypeError("Cannot read properties of undefined (reading 'steps')");
  return <p>recovered</p>;
}

beforeEach(() => {
  (globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;
  vi.spyOn(console, "error").mockImplementation(() => {});
});
afterEach(() => vi.restoreAllMocks());

test("a failing panel shows a message naming it and its siblings keep rendering", () => {
  const host = document.createElement("div");
  const root = createRoot(host);
  act(() =>
    root.render(
      <>
        <PanelBoundary name="The lesson">
          <Broken />
        </PanelBoundary>
        <PanelBoundary name="Results">
          <p>numbers</p>
        </PanelBoundary>
      </>,
    ),
  );
  expect(host.textContent).toContain("The lesson could not be shown (Cannot read properties of undefined (reading 'steps')); the rest of the page still works.");
  expect(host.textContent).toContain("numbers");
  fail = false;
  act(() => host.querySelector("button")!.dispatchEvent(new MouseEvent("click", { bubbles: true })));
  expect(host.textContent).toContain("recovered");
  act(() => root.unmount());
});
