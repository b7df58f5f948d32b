/**
 * Model import: a Hugging Face config.json (pasted, dropped or fetched by model id) becomes the
 * scenario's model block. Parsing is the core's (works offline); fetching is optional and only
 * when the browser is online.
 */
import { importHfConfig } from "../core/import/hfConfig";
import type { ImportResult } from "../core";
import type { CalculatorStore } from "./store";

/** "owner/name" as on the Hugging Face hub (letters, digits, - _ .), optionally with a revision "@main". */
const MODEL_ID = /^[A-Za-z0-9][\w.-]{0,95}\/[A-Za-z0-9][\w.-]{0,95}(@[\w.-]{1,64})?$/;

export function configUrlFor(modelId: string): string | null {
  const id = modelId.trim();
  if (!MODEL_ID.test(id) || id.includes("..")) return null;
  const [name, rev] = id.split("@");
  return `https://huggingface.co/${name}/resolve/${encodeURIComponent(rev ?? "main")}/config.json`;
}

/** Reads the config and, when it is usable, puts its model into the page's scenario. */
export function importModelText(store: CalculatorStore, text: string, nameHint?: string): ImportResult {
  const r = importHfConfig(text, nameHint);
  if (r.ok) {
    const input = store.getState().input;
    store.getState().loadInput({ ...input, model: r.value.model }, []);
  }
  return r;
}

/** Fetches `config.json` for a hub model id; a clear message on any failure. */
export async function fetchModelConfig(modelId: string, fetchFn: typeof fetch = fetch, online = typeof navigator === "undefined" ? true : navigator.onLine): Promise<{ ok: true; text: string } | { ok: false; error: string }> {
  const url = configUrlFor(modelId);
  if (!url) return { ok: false, error: `Model id: expected "owner/name" as on huggingface.co (got ${JSON.stringify(modelId.slice(0, 80))})` };
  if (!online) return { ok: false, error: "Model id: the browser is offline; paste or drop the config.json instead" };
  try {
    const res = await fetchFn(url, { credentials: "omit", redirect: "follow" });
    if (res.status === 401 || res.status === 403) return { ok: false, error: `Model id: ${modelId} is gated or private on huggingface.co; download its config.json there and drop it here` };
    if (res.status === 404) return { ok: false, error: `Model id: no config.json found for ${modelId}` };
    if (!res.ok) return { ok: false, error: `Model id: huggingface.co answered ${res.status}` };
    const text = await res.text();
    return { ok: true, text };
  } catch (e) {
    return { ok: false, error: `Model id: could not reach huggingface.co (${e instanceof Error ? e.message : String(e)})` };
  }
}
