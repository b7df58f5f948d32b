import { useEffect, useMemo, useRef } from "react";
import { shareEqual } from "../lib/share";

/** `value`, structurally shared with the value this hook returned on the previous render. */
export function useShared<T>(value: T): T {
  const last = useRef(value);
  const shared = useMemo(() => shareEqual(last.current, value), [value]);
  useEffect(() => {
    last.current = shared;
  }, [shared]);
  return shared;
}
