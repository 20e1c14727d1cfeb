import type { Severity } from "../findings";
import { findingText } from "../messages/findings";
import { checkCreditCode, checkIdCard, lostPrecision } from "../read/codes";
import { readChoicesOrWords, type ChoiceOption } from "../read/choice";
import { isValidEmail, isValidPostcode, readPhones } from "../read/phone";
import { textLength } from "../read/text";
import type { FormField } from "../recognise/form";
import type { FindingSink } from "./sink";

/**
 * Small rules over one form field. Each does nothing when the field is absent (habit 4: a rule applies only where its
 * field exists) and reports at the value cell, or at the label cell when the value is missing.
 */
const at = (f: FormField) => ({ row: f.valueRow, col: f.valueCol });
const labelAt = (f: FormField) => ({ row: f.labelRow, col: f.labelCol });

export function checkRequired(
  sink: FindingSink,
  field: FormField | undefined,
  name: string,
  clause: string,
  severity: Severity = "error",
): boolean {
  if (!field) return true;
  if (field.text !== "") return true;
  sink.add(labelAt(field), severity, "required", findingText.required(name), clause);
  return false;
}

/** Office phone or mobile; `kind` narrows what is accepted. */
export function checkPhoneField(
  sink: FindingSink,
  field: FormField | undefined,
  name: string,
  clause: string,
  kind: "any" | "mobile" = "any",
): void {
  if (!field || field.text === "") return;
  const reads = readPhones(field.text);
  const bad =
    reads.length === 0 ||
    reads.some((r) => r.kind !== "ok" || (kind === "mobile" && r.value.kind !== "mobile"));
  if (!bad) return;
  if (kind === "mobile")
    sink.add(at(field), "error", "mobile.format", findingText.mobile(name, field.text), clause, {
      value: field.text,
    });
  else
    sink.add(at(field), "error", "phone.format", findingText.phone(name, field.text), clause, {
      value: field.text,
    });
}

export function checkEmailField(
  sink: FindingSink,
  field: FormField | undefined,
  name: string,
  clause: string,
): void {
  if (!field || field.text === "" || isValidEmail(field.text)) return;
  sink.add(at(field), "error", "email.format", findingText.email(name, field.text), clause, {
    value: field.text,
  });
}

export function checkPostcodeField(
  sink: FindingSink,
  field: FormField | undefined,
  name: string,
  clause: string,
): void {
  if (!field || field.text === "" || isValidPostcode(field.text)) return;
  sink.add(at(field), "error", "postcode.format", findingText.postcode(name, field.text), clause, {
    value: field.text,
  });
}

/** Returns the region code when the credit code is valid. */
export function checkCreditCodeField(
  sink: FindingSink,
  field: FormField | undefined,
  name: string,
  clause: string,
): string | undefined {
  if (!field || field.text === "") return undefined;
  if (lostPrecision(field.cell)) {
    sink.add(
      at(field),
      "error",
      "number.precision-lost",
      findingText.precisionLost(name, field.text),
      clause,
    );
    return undefined;
  }
  const result = checkCreditCode(field.text);
  if (result.ok) return result.region;
  sink.add(
    at(field),
    "error",
    "credit-code.checksum",
    findingText.creditCode(field.text, result.problem),
    clause,
    {
      value: field.text,
    },
  );
  return undefined;
}

export function checkIdCardField(
  sink: FindingSink,
  field: FormField | undefined,
  name: string,
  clause: string,
): void {
  if (!field || field.text === "") return;
  if (lostPrecision(field.cell)) {
    sink.add(
      at(field),
      "error",
      "number.precision-lost",
      findingText.precisionLost(name, field.text),
      clause,
    );
    return;
  }
  const result = checkIdCard(field.text);
  if (!result.ok)
    sink.add(at(field), "error", "id-card.checksum", findingText.idCard(field.text, result.problem), clause, {
      value: field.text,
    });
}

export function checkMaxLength(
  sink: FindingSink,
  field: FormField | undefined,
  name: string,
  max: number,
  clause: string,
): void {
  if (!field || field.text === "") return;
  const length = textLength(field.text);
  if (length > max)
    sink.add(at(field), "error", "text.max-length", findingText.textMax(name, length, max), clause, {
      value: String(length),
      expected: `≤ ${max}`,
    });
}

/** Reads a □ group; reports `choice.single` when it is not exactly one. Returns the options. */
export function checkSingleChoice(
  sink: FindingSink,
  field: FormField | undefined,
  name: string,
  clause: string,
  options: {
    layout?: "box-before" | "box-after";
    severity?: Severity;
    text?: string;
    /** The options the form prints, for an answer written in words (是, 提供, 高级研修项目) instead of a tick. */
    words?: readonly string[];
  } = {},
): ChoiceOption[] | undefined {
  if (!field) return undefined;
  const choices = readChoicesOrWords(
    options.text ?? field.text,
    options.layout ?? "box-before",
    options.words,
  );
  const marked = choices.filter((c) => c.marked).length;
  if (marked !== 1)
    sink.add(
      at(field),
      options.severity ?? "error",
      "choice.single",
      findingText.choiceSingle(name, marked),
      clause,
      {
        expected: "1",
        value: String(marked),
      },
    );
  return choices;
}

/** Reads a 可多选 group; reports `choice.required` when nothing is marked. */
export function checkAnyChoice(
  sink: FindingSink,
  field: FormField | undefined,
  name: string,
  clause: string,
  options: { layout?: "box-before" | "box-after"; severity?: Severity; words?: readonly string[] } = {},
): ChoiceOption[] | undefined {
  if (!field) return undefined;
  const choices = readChoicesOrWords(field.text, options.layout ?? "box-before", options.words);
  if (!choices.some((c) => c.marked))
    sink.add(
      at(field),
      options.severity ?? "error",
      "choice.required",
      findingText.choiceRequired(name),
      clause,
    );
  return choices;
}

/** The option whose label starts with `prefix`, if any. */
export function option(
  choices: readonly ChoiceOption[] | undefined,
  prefix: string,
): ChoiceOption | undefined {
  return choices?.find((c) => c.label.replace(/\s/g, "").startsWith(prefix));
}
