/**
 * Model import: paste or drop a Hugging Face config.json (read in the browser, works offline), or
 * fetch one by model id when online. The model's shape replaces the scenario's model; what was
 * detected (GQA, MoE, MLA, sliding window) and what was assumed is listed; a refused config says
 * which field.
 */
import { useEffect, useState } from "react";
import { calculatorStore } from "../../state/store";
import { fetchModelConfig, importModelText } from "../../state/modelImport";
import type { ImportResult } from "../../core";
import { MAX_CONFIG_CHARS } from "../../core/import/hfConfig";
import { Panel } from "../panels/Panel";

/** The message for text over the cap: it never reaches the box (20 MB there freezes the tab). */
function tooLarge(what: string, chars: number): { ok: false; error: string } {
  return { ok: false, error: `config.json: ${what} is ${chars.toLocaleString("en-US")} characters; at most ${MAX_CONFIG_CHARS.toLocaleString("en-US")} are read (a config.json is a few kilobytes)` };
}

const btn = "rounded border border-slate-300 bg-white px-2 py-1 text-sm font-medium hover:bg-slate-100 focus:outline-none focus-visible:ring-2 focus-visible:ring-blue-600/40 disabled:opacity-50";

function useOnline(): boolean {
  const [online, setOnline] = useState(() => (typeof navigator === "undefined" ? true : navigator.onLine));
  useEffect(() => {
    const on = () => setOnline(true);
    const off = () => setOnline(false);
    window.addEventListener("online", on);
    window.addEventListener("offline", off);
    return () => {
      window.removeEventListener("online", on);
      window.removeEventListener("offline", off);
    };
  }, []);
  return online;
}

export function ImportPanel() {
  const [text, setText] = useState("");
  const [modelId, setModelId] = useState("");
  const [result, setResult] = useState<ImportResult | { ok: false; error: string } | null>(null);
  const [busy, setBusy] = useState(false);
  const [dragging, setDragging] = useState(false);
  const online = useOnline();

  const read = (t: string, hint?: string) => setResult(importModelText(calculatorStore, t, hint));
  const readFile = async (file: File | undefined) => {
    if (!file) return;
    if (file.size > MAX_CONFIG_CHARS) {
      setResult(tooLarge(file.name.slice(0, 80), file.size));
      return;
    }
    try {
      const t = await file.text();
      if (t.length > MAX_CONFIG_CHARS) {
        setResult(tooLarge(file.name.slice(0, 80), t.length));
        return;
      }
      setText(t);
      read(t);
    } catch {
      setResult({ ok: false, error: `config.json: ${file.name} could not be read` });
    }
  };
  const fetchById = async () => {
    setBusy(true);
    const r = await fetchModelConfig(modelId);
    setBusy(false);
    if (!r.ok) {
      setResult(r);
      return;
    }
    setText(r.text);
    read(r.text, modelId.trim());
  };

  return (
    <Panel title="Import a model (config.json)" id="import-title">
      <div
        onDragOver={(e) => {
          e.preventDefault();
          setDragging(true);
        }}
        onDragLeave={() => setDragging(false)}
        onDrop={(e) => {
          e.preventDefault();
          setDragging(false);
          void readFile(e.dataTransfer.files?.[0]);
        }}
        className={`rounded border-2 border-dashed p-2 ${dragging ? "border-teal-600 bg-teal-50" : "border-slate-200"}`}
        data-testid="config-drop"
      >
        <label className="block text-xs text-slate-600">
          Paste a Hugging Face config.json, or drop the file here
          <textarea
            value={text}
            onPaste={(e) => {
              const pasted = e.clipboardData.getData("text");
              const box = e.currentTarget;
              const after = box.value.length - (box.selectionEnd - box.selectionStart) + pasted.length;
              if (after > MAX_CONFIG_CHARS) {
                e.preventDefault();
                setResult(tooLarge("the pasted text", pasted.length));
              }
            }}
            onChange={(e) => {
              if (e.target.value.length > MAX_CONFIG_CHARS) setResult(tooLarge("the text", e.target.value.length));
              else setText(e.target.value);
            }}
            rows={4}
            spellCheck={false}
            data-testid="config-text"
            placeholder='{"model_type": "llama", "hidden_size": 4096, …}'
            className="mt-1 block w-full rounded border border-slate-300 px-2 py-1 font-mono text-xs"
          />
        </label>
        <div className="mt-2 flex flex-wrap gap-2">
          <button type="button" className={btn} onClick={() => read(text)} data-testid="config-import">
            Use this model
          </button>
          <label className={`${btn} cursor-pointer`}>
            Choose file…
            <input type="file" accept="application/json,.json" className="sr-only" data-testid="config-file" onChange={(e) => void readFile(e.target.files?.[0])} />
          </label>
        </div>
      </div>
      <form
        className="flex flex-wrap items-end gap-2"
        onSubmit={(e) => {
          e.preventDefault();
          void fetchById();
        }}
      >
        <label className="min-w-0 flex-1 text-xs text-slate-600">
          Or fetch by model id {online ? "" : "(offline: paste instead)"}
          <input
            value={modelId}
            onChange={(e) => setModelId(e.target.value)}
            placeholder="Qwen/Qwen3-8B"
            data-testid="model-id"
            className="mt-1 block w-full rounded border border-slate-300 px-2 py-1 text-sm"
          />
        </label>
        <button type="submit" className={btn} disabled={!online || busy || modelId.trim() === ""}>
          {busy ? "Fetching…" : "Fetch"}
        </button>
      </form>
      {result === null ? null : result.ok ? (
        <div role="status" data-testid="import-result" className="rounded border border-emerald-300 bg-emerald-50 p-2 text-sm [overflow-wrap:anywhere] text-emerald-900">
          <p className="font-medium">
            Using {result.value.model.name}: {result.value.model.layers} layers, width {result.value.model.dModel}, read as {result.value.family}.
          </p>
          <ul className="mt-1 list-disc pl-5 text-xs">
            {result.value.detected.map((d) => (
              <li key={d}>{d}</li>
            ))}
            {result.value.notes.map((n) => (
              <li key={n} className="text-emerald-800">
                {n}
              </li>
            ))}
          </ul>
        </div>
      ) : (
        <p role="alert" data-testid="import-error" className="rounded border border-red-300 bg-red-50 p-2 text-sm [overflow-wrap:anywhere] text-red-900">
          {result.error}
        </p>
      )}
    </Panel>
  );
}
