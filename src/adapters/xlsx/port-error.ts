// The file-mode port's faults, apart from the port itself (workbook-port.ts re-exports it): the page rebuilds them
// from the worker's answers without loading ExcelJS's port, the engine or the template drawing.

import type { Text } from "../../core/findings";

export type XlsxPortErrorKind = "sheet-not-found" | "reserved-setting" | "unserialisable-setting";

/** A fault the pane can show in the user's language; programmer mistakes stay plain Errors. */
export class XlsxPortError extends Error {
  override readonly name = "XlsxPortError";
  readonly kind: XlsxPortErrorKind;
  readonly text: Text;

  constructor(kind: XlsxPortErrorKind, text: Text) {
    super(text.en);
    this.kind = kind;
    this.text = text;
  }
}
