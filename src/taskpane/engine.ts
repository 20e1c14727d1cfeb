// What checking a sheet in the page takes (Office mode, the ribbon): the engine with every pack's rules, and the
// templates that tell the add-in's own sheets apart. A chunk of its own (engine-loader.ts): file mode checks in its
// worker and never loads it in the page, and Office mode fetches it while the pane first paints.

export { checkGrid } from "../core/check";
export { collectReferences } from "../core/references";
export { ownSheetOf } from "./own-sheets";
export { TEMPLATES } from "../core/templates/registry";
