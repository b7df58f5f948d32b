// The accuracy worker: the reference cases, evaluated away from the page's main thread.
import { expose } from "comlink";
import { accuracyApi } from "./accuracyApi";

expose(accuracyApi);
