/**
 * Plain-object paths for the share-link codec: read, write and remove a field of a scenario by
 * its contract path (`workload.batch`), as SCHEMA's rows name it. Pure; no DOM.
 */

export type Obj = Record<string, unknown>;

export const isObj = (v: unknown): v is Obj => typeof v === "object" && v !== null && !Array.isArray(v);

export function getPath(root: unknown, path: string): unknown {
  let cur: unknown = root;
  for (const part of path.split(".")) {
    if (!isObj(cur)) return undefined;
    cur = cur[part];
  }
  return cur;
}

export function setPath(root: Obj, path: string, value: unknown): void {
  const parts = path.split(".");
  let cur = root;
  for (const part of parts.slice(0, -1)) {
    const next = cur[part];
    if (!isObj(next)) cur[part] = {};
    cur = cur[part] as Obj;
  }
  cur[parts[parts.length - 1] as string] = value;
}

/** Removes a field, then any object that this leaves empty. */
export function unsetPath(root: Obj, path: string): void {
  const parts = path.split(".");
  const chain: Obj[] = [root];
  for (const part of parts.slice(0, -1)) {
    const next = chain[chain.length - 1]?.[part];
    if (!isObj(next)) return;
    chain.push(next);
  }
  for (let i = parts.length - 1; i >= 0; i--) {
    const holder = chain[i] as Obj;
    const child = parts[i] as string;
    if (i === parts.length - 1 || (isObj(holder[child]) && Object.keys(holder[child] as Obj).length === 0)) {
      delete holder[child];
    } else break;
  }
}

export function clone<T>(value: T): T {
  return JSON.parse(JSON.stringify(value)) as T;
}
