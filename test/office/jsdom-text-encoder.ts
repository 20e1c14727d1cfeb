// jsdom, under which the pane's tests run, lacks TextEncoder; Excel's browsers have it, and the Office adapter and
// the simulator size requests with it. Imported first by tests that render the pane over the Office port.
import { TextDecoder, TextEncoder } from "node:util";

Object.assign(globalThis, { TextEncoder, TextDecoder });
