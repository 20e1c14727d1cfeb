/** Official tables as templates: the registry, the layout model, filling, and the 勾选 helper. */
export type { SheetLayout, LayoutCell, CellStyle, ListValidation, PrintSetup } from "./layout";
export type {
  Template,
  FormSlot,
  FormBinding,
  ApplicationForm,
  ListRow,
  ListLines,
  BuildOptions,
} from "./types";
export {
  TEMPLATES,
  allTemplates,
  templatesOf,
  templateProblems,
  getTemplate,
  describeTemplate,
  type TemplateProblem,
} from "./registry";
export {
  TemplateError,
  fillFormFromRecord,
  buildListFromForms,
  readApplicationForms,
  recordsFromGrid,
  sheetNameFor,
  type FormRecord,
  type ListFromForms,
} from "./fill";
export { tickOption, boxes, EMPTY_BOX, TICKED_BOX } from "./options";
export { gridFromLayout } from "./grid";
export { fontFace, FONT_FACES, GB2312_CHARSET, type FontFace } from "./fonts";
