import { FJ_FORM } from "../models/fj-gaoyan/application";
import { HB_FORM } from "../models/hb-gaoyan/application";
import { INST_FORM } from "../models/sh-digital-institution/form";
import { SH_FORM } from "../models/sh-gaoyan/application";
import type { FormSpec } from "../recognise/form";

/**
 * The application-form reader of each model (the labels the engine reads a form by), which a filled form is matched
 * against: a template's `fill` needs its pack's model to have one. A pack whose model has none (generic) can still
 * write its forms blank.
 */
const FORM_SPECS: ReadonlyMap<string, FormSpec> = new Map<string, FormSpec>([
  ["sh-gaoyan", SH_FORM as FormSpec],
  ["fj-gaoyan", FJ_FORM as FormSpec],
  ["hb-gaoyan", HB_FORM as FormSpec],
  ["sh-digital-institution", INST_FORM as FormSpec],
]);

export function formSpecOfModel(model: string): FormSpec | undefined {
  return FORM_SPECS.get(model);
}
