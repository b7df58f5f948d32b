// The cost worker: a thin shell that exposes the same functions the in-thread fallback uses.
import { expose } from "comlink";
import { costApi } from "./api";

expose(costApi);
