// The serving worker: traffic simulations and capacity plans, away from the page and the cost worker.
import { expose } from "comlink";
import { servingApi } from "./servingApi";

expose(servingApi);
