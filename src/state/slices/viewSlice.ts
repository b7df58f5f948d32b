/** View state: what the page shows and how (memory only, never in the URL). */
import type { SliceCreator } from "./types";

/** The teaching charts' tabs. */
export type InsightTab = "roofline" | "attention" | "capacity" | "frontier";

export interface ViewState {
  /** The user closed the link-warnings notice. */
  linkNoticeDismissed: boolean;
  /** The breakdown chart shows seconds stacked, or each component's share of the time. */
  chartScale: "time" | "share";
  /** Which teaching chart is shown. */
  insightTab: InsightTab;
  /** Which "why?" explanations are open (term ids). */
  openWhy: string[];
  /** Fields whose typed value was refused, by label, with the last valid value the numbers still use. */
  held: Record<string, string>;
}

export interface ViewSlice {
  view: ViewState;
  dismissLinkNotice(): void;
  setChartScale(scale: ViewState["chartScale"]): void;
  setInsightTab(tab: InsightTab): void;
  /** A field refused its typed value (`value`: the last valid one, kept), or took one again (null). */
  setHeld(label: string, value: string | null): void;
  toggleWhy(id: string): void;
}

export const createViewSlice: SliceCreator<ViewSlice> = (set) => ({
  view: { linkNoticeDismissed: false, chartScale: "share", insightTab: "roofline", openWhy: [], held: {} },
  dismissLinkNotice: () => set((s) => ({ view: { ...s.view, linkNoticeDismissed: true } })),
  setChartScale: (chartScale) => set((s) => ({ view: { ...s.view, chartScale } })),
  setInsightTab: (insightTab) => set((s) => ({ view: { ...s.view, insightTab } })),
  setHeld: (label, value) =>
    set((s) => {
      if ((s.view.held[label] ?? null) === value) return s;
      const { [label]: _drop, ...rest } = s.view.held;
      return { view: { ...s.view, held: value === null ? rest : { ...rest, [label]: value } } };
    }),
  toggleWhy: (id) =>
    set((s) => ({
      view: { ...s.view, openWhy: s.view.openWhy.includes(id) ? s.view.openWhy.filter((x) => x !== id) : [...s.view.openWhy, id] },
    })),
});
