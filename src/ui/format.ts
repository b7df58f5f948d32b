/** The page formats numbers with the core's formatters (shared with the CLI and the "why?" text). */
export * from "../core/format";
