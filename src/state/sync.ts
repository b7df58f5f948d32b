/**
 * Store ↔ location: the scenario input lives in the query string ("?v=1&…", the codec's format).
 * Hydrate once from the link, then write every change with replaceState, throttled so dragging a
 * slider does not flood the history API (browsers refuse more than ~100 calls per 10 s).
 */
import { decodeComparison, encodeComparison } from "./url/codec";
import { hashIsLink, linkOfLocation } from "./url/location";
import { calculatorStore, type CalculatorStore } from "./store";
import { lessonQuery, readLesson, type LessonCatalogue } from "./lesson";
import type { ScenarioInput } from "../core";
import type { DistillAssumptions } from "../core/distill";
import { breakEvenReserved, readBreakEven } from "./breakEven";

/** Minimum time between two URL writes, and the delay of the first (ms). */
export const URL_WRITE_INTERVAL_MS = 150;

export interface Throttled<A extends unknown[]> {
  (...args: A): void;
  /** Run a pending call now. */
  flush(): void;
  cancel(): void;
}

/**
 * Throttle: calls run at most every `ms`, the last always runs. With `leading` the first call runs
 * at once; without, it waits `ms` too (so a burst of slider input never pays for it in its own task).
 */
export function throttle<A extends unknown[]>(fn: (...args: A) => void, ms: number, now = () => Date.now(), leading = true): Throttled<A> {
  let last = -Infinity;
  let pending: A | null = null;
  let timer: ReturnType<typeof setTimeout> | null = null;
  const run = () => {
    timer = null;
    if (!pending) return;
    const args = pending;
    pending = null;
    last = now();
    fn(...args);
  };
  const t = ((...args: A) => {
    pending = args;
    const wait = leading ? last + ms - now() : ms;
    if (wait <= 0 && !timer) run();
    else if (!timer) timer = setTimeout(run, Math.max(0, wait));
  }) as Throttled<A>;
  t.flush = () => {
    if (timer) clearTimeout(timer);
    run();
  };
  t.cancel = () => {
    if (timer) clearTimeout(timer);
    timer = null;
    pending = null;
  };
  return t;
}

/**
 * The query string (without "?") for an input, with the pinned scenario A of a comparison in `cmp`
 * and the break-even assumptions the user set beside it.
 */
export function queryFor(input: ScenarioInput, compare: ScenarioInput | null = null, distill: Partial<DistillAssumptions> = {}): string {
  return encodeComparison(input, compare, { reserved: breakEvenReserved(distill, compare !== null) });
}

/** The share link for an input, on the page's own address. */
export function shareUrlFor(
  input: ScenarioInput,
  loc: Pick<Location, "origin" | "pathname"> = window.location,
  compare: ScenarioInput | null = null,
  distill: Partial<DistillAssumptions> = {},
): string {
  return `${loc.origin}${loc.pathname}?${queryFor(input, compare, distill)}`;
}

export { hashIsLink };

/**
 * Read a link into the store: valid fields kept, the rest reported as warnings. The query and a
 * `#…` that carries fields are read alike, as the command line reads a pasted link (the part
 * after # last, so it wins a key given in both, and the notice says the key was given twice).
 */
export function hydrateFromQuery(store: CalculatorStore, search: string, hash = "", lessons?: LessonCatalogue): void {
  const link = linkOfLocation(search, hash);
  if (link === null) return;
  const { b, a } = decodeComparison(link);
  const lesson = readLesson(b.reserved, lessons);
  const breakEven = readBreakEven(b.reserved, a !== null);
  store.getState().loadInput(b.input, [...b.warnings, ...(a?.warnings ?? []), ...lesson.warnings, ...breakEven.warnings]);
  store.getState().setCompare(a ? a.input : null);
  store.getState().setDistill(breakEven.distill, true);
  store.getState().setLesson(lesson.lesson);
}

export interface UrlSyncOptions {
  /** The lessons that exist (id → steps), to name an unknown lesson or step in a link. */
  lessons?: LessonCatalogue;
}

export interface UrlSync {
  flush(): void;
  stop(): void;
}

export function startUrlSync(store: CalculatorStore, win: Window = window, options: UrlSyncOptions = {}): UrlSync {
  hydrateFromQuery(store, win.location.search, win.location.hash, options.lessons);
  // A link read from `#…` moves into the query, so the address says what the page shows.
  const keepHash = () => (hashIsLink(win.location.hash) ? "" : win.location.hash);

  const write = throttle((input: ScenarioInput) => {
    const url = `${win.location.pathname}?${queryFor(input, store.getState().compare, store.getState().distill)}${lessonQuery(store.getState().lesson)}${keepHash()}`;
    if (url !== `${win.location.pathname}${win.location.search}${win.location.hash}`) {
      win.history.replaceState(win.history.state, "", url);
    }
    // replaceState costs ~1 ms: never in the task of the input that changed the scenario
  }, URL_WRITE_INTERVAL_MS, undefined, false);

  const unsubscribe = store.subscribe((s) => s.input, (input) => write(input));
  const unsubscribeCompare = store.subscribe((s) => s.compare, () => write(store.getState().input));
  const unsubscribeLesson = store.subscribe((s) => s.lesson, () => write(store.getState().input));
  const unsubscribeDistill = store.subscribe((s) => s.distill, () => write(store.getState().input));
  if (hashIsLink(win.location.hash)) write(store.getState().input);
  const onPop = () => hydrateFromQuery(store, win.location.search, win.location.hash, options.lessons);
  win.addEventListener("popstate", onPop);
  return {
    flush: () => write.flush(),
    stop: () => {
      write.cancel();
      unsubscribe();
      unsubscribeCompare();
      unsubscribeLesson();
      unsubscribeDistill();
      win.removeEventListener("popstate", onPop);
    },
  };
}

/** The share link of the page's current scenario. */
export function currentShareUrl(): string {
  const s = calculatorStore.getState();
  return shareUrlFor(s.input, window.location, s.compare, s.distill);
}
