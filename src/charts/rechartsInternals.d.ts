// Recharts' own React context for its chart store (not in its public types; see frame.tsx FlushAxes).
declare module "recharts/es6/state/RechartsReduxContext" {
  import type { Context } from "react";
  export const RechartsReduxContext: Context<{ store: { dispatch(action: { type: string }): unknown } } | null>;
}
