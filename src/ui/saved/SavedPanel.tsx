/**
 * Saved scenarios: name and keep the scenario (and the pinned A of a comparison) in this browser;
 * open, delete, export all as a JSON file, import such a file. Entries that cannot be read are
 * listed by name and skipped; everything else still loads. Also: the current report as JSON.
 */
import { useCallback, useEffect, useRef, useState } from "react";
import { calculatorStore, useCalculator } from "../../state/store";
import { selectAnalysis } from "../../state/selectors";
import { deleteSaved, exportSavedFile, importSaved, listSaved, makeSaved, openSaved, parseSavedFile, writeSaved, type SavedList, type SavedScenario, type SavedStorage, type StoredScenario } from "../../state/saved";
import { downloadText } from "../export/exportChart";
import { Panel } from "../panels/Panel";

function storage(): SavedStorage | null {
  try {
    return window.localStorage;
  } catch {
    return null;
  }
}

const btn = "rounded border border-slate-300 bg-white px-2 py-1 text-sm font-medium hover:bg-slate-100 focus:outline-none focus-visible:ring-2 focus-visible:ring-blue-600/40 disabled:opacity-50";

/** Most problem lines listed; the rest are counted. */
const MAX_LINES = 20;

function when(iso: string): string {
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? "" : d.toLocaleString("en-GB", { dateStyle: "medium", timeStyle: "short" });
}

export function SavedPanel() {
  const [list, setList] = useState<SavedList<StoredScenario>>(() => listSaved(storage()));
  const [messages, setMessages] = useState<string[]>([]);
  const [status, setStatus] = useState<string>("");
  const [name, setName] = useState("");
  const fileInput = useRef<HTMLInputElement>(null);
  const analysis = useCalculator(selectAnalysis);
  const refresh = useCallback(() => setList(listSaved(storage())), []);

  useEffect(() => {
    const onStorage = (e: StorageEvent) => {
      if (e.key === null || e.key.startsWith("ice:saved:")) refresh();
    };
    window.addEventListener("storage", onStorage);
    return () => window.removeEventListener("storage", onStorage);
  }, [refresh]);

  const save = () => {
    const { input, compare } = calculatorStore.getState();
    const entry = makeSaved(name || analysis?.scenario?.model.name || "", input, compare);
    const err = writeSaved(storage(), entry);
    setMessages(err ? [err] : []);
    setStatus(err ? "" : `Saved "${entry.name}".`);
    if (!err) setName("");
    refresh();
  };
  const open = (e: SavedScenario) => {
    const o = openSaved(e);
    const st = calculatorStore.getState();
    st.loadInput(o.input, o.warnings);
    st.setCompare(o.compare);
    setStatus(`Opened "${e.name}".`);
  };
  const remove = (e: StoredScenario) => {
    deleteSaved(storage(), e);
    setStatus(`Deleted "${e.name}".`);
    refresh();
  };
  const importFile = async (file: File | undefined) => {
    if (!file) return;
    let text: string;
    try {
      text = await file.text();
    } catch {
      setMessages([`Import: ${file.name} could not be read`]);
      return;
    }
    const parsed = parseSavedFile(text);
    const written = importSaved(storage(), parsed.entries);
    setMessages([...parsed.problems, ...written.problems]);
    setStatus(`Imported ${written.imported} scenario${written.imported === 1 ? "" : "s"} from ${file.name}.`);
    refresh();
    if (fileInput.current) fileInput.current.value = "";
  };
  const problems = [...list.problems, ...messages];

  return (
    <Panel title="Saved scenarios" id="saved-title">
      <form
        className="flex gap-2"
        onSubmit={(e) => {
          e.preventDefault();
          save();
        }}
      >
        <label className="min-w-0 flex-1">
          <span className="sr-only">Name for this scenario</span>
          <input
            value={name}
            maxLength={200}
            onChange={(e) => setName(e.target.value)}
            placeholder="Name, e.g. 70B on 8 × H100"
            data-testid="save-name"
            className="w-full rounded border border-slate-300 px-2 py-1 text-sm"
          />
        </label>
        <button type="submit" className={btn} data-testid="save-scenario">
          Save
        </button>
      </form>
      <p role="status" aria-live="polite" className="min-h-4 text-xs [overflow-wrap:anywhere] text-slate-600">
        {status}
      </p>
      {problems.length > 0 ? (
        <ul role="alert" data-testid="saved-problems" className="list-disc rounded border border-amber-300 bg-amber-50 py-1 pr-2 pl-6 text-xs [overflow-wrap:anywhere] text-amber-900">
          {problems.slice(0, MAX_LINES).map((p, i) => (
            <li key={i}>{p}</li>
          ))}
          {problems.length > MAX_LINES ? <li>{problems.length - MAX_LINES} more problems not listed</li> : null}
        </ul>
      ) : null}
      {list.entries.length === 0 ? (
        <p className="text-sm text-slate-500">Nothing saved yet. Saved scenarios stay in this browser.</p>
      ) : (
        <ul className="max-h-64 divide-y divide-slate-100 overflow-y-auto" data-testid="saved-list">
          {list.entries.map((e) => (
            <li key={e.storageKey} className="flex items-center gap-2 py-1">
              <div className="min-w-0 flex-1">
                <div className="truncate text-sm font-medium text-slate-800" title={e.name}>
                  {e.name}
                  {e.compare ? <span className="ml-1 rounded bg-violet-100 px-1 text-xs text-violet-800">A/B</span> : null}
                </div>
                <div className="text-xs text-slate-500">{when(e.savedAt)}</div>
              </div>
              <button type="button" className={btn} onClick={() => open(e)} aria-label={`Open ${e.name}`}>
                Open
              </button>
              <button type="button" className={btn} onClick={() => remove(e)} aria-label={`Delete ${e.name}`}>
                Delete
              </button>
            </li>
          ))}
        </ul>
      )}
      <div className="flex flex-wrap gap-2">
        <button
          type="button"
          className={btn}
          disabled={list.entries.length === 0}
          onClick={() => downloadText(exportSavedFile(list.entries), "inference-cost-scenarios.json", "application/json")}
        >
          Export all (JSON)
        </button>
        <label className={`${btn} cursor-pointer`}>
          Import file…
          <input ref={fileInput} type="file" accept="application/json,.json" className="sr-only" data-testid="import-saved-file" onChange={(e) => void importFile(e.target.files?.[0])} />
        </label>
        <button
          type="button"
          className={btn}
          disabled={!analysis?.report}
          data-testid="export-report"
          onClick={() => {
            const st = calculatorStore.getState();
            const body = { input: st.input, scenario: analysis?.scenario ?? null, report: analysis?.report ?? null, compare: st.compare ? { input: st.compare, scenario: st.result.pinned?.scenario ?? null, report: st.result.pinned?.report ?? null } : null };
            downloadText(`${JSON.stringify(body, null, 2)}\n`, "inference-cost-report.json", "application/json");
          }}
        >
          Report (JSON)
        </button>
      </div>
    </Panel>
  );
}
