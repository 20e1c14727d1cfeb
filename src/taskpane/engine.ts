// What checking a sheet in the page takes (Office mode, the ribbon): the engine with every pack's rules, and the
// templates that tell the add-in's own sheets apart. Not in taskpane.js: file mode checks in its worker and never
// loads it in the page; Office mode's chunk (office-mode.tsx) brings it along; the ribbon loads it on first use.

export { checkGrid } from "../core/check";
export { collectReferences } from "../core/references";
export { ownSheetOf } from "./own-sheets";
export { TEMPLATES } from "../core/templates/registry";
