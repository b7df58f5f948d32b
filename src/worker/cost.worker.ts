// The cost worker: a thin shell that exposes the same functions the in-thread fallback uses.
import { expose } from "comlink";
import { costApi } from "./api";
import { firstPaint } from "./first";
import { FIRST_KEY, type FirstAsk } from "./firstMessage";

// The page's first message (worker/early.ts): its address, answered with the first headline. Not
// a comlink call, so comlink's listener (added after this one) never sees it.
self.addEventListener("message", (e: MessageEvent) => {
  const ask = e.data && typeof e.data === "object" ? (e.data as Record<string, FirstAsk | undefined>)[FIRST_KEY] : undefined;
  if (!ask) return;
  e.stopImmediatePropagation();
  self.postMessage({ [FIRST_KEY]: firstPaint(ask.search, ask.hash) });
});

expose(costApi);
