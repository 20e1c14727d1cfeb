// A Word 申报表 (.docx) as one Grid in reading order, so the recognisers and rules that check workbook forms check it
// unchanged: the paragraphs around the tables (附件2, the title, 申报单位：…, 申报时间：…) become one-cell rows across
// the width, each table's rows become grid rows with w:gridSpan and w:vMerge as merged areas, several paragraphs of
// a cell are joined by line breaks, and a table nested in a cell becomes lines of that cell. Tick boxes in any of the
// ways Word stores them become ☑ / □ (ticks.ts). The document is read as it would print with tracked changes
// accepted. Every grid cell remembers where it is in the document (table, row, cell), for findings the user can find.
// Pure TypeScript, for the CLI and the browser file mode.
import { makeGrid } from "../../core/grid/grid";
import type { Grid, MergeArea, RawCell } from "../../core/grid/types";
import { SHEET_LIMITS } from "../xlsx/problems";
import { resolvePartPath, type WorkbookPackage } from "../xlsx/package";
import { child, childrenNamed, parseXml, textOf, XmlError, type XmlElement } from "./xml";
import { EMPTY, MARKED, normaliseBoxes, symbolFontKey, symbolText, symChar } from "./ticks";

/** Where a grid cell is in the document. Tables and rows are numbered from 1 as a reader counts them. */
export type DocxPlace =
  { kind: "paragraph"; paragraph: number } | { kind: "cell"; table: number; row: number; cell: number };

export interface DocxRead {
  grid: Grid;
  /** The place of each grid cell that holds or stands for a document cell, by `row * COLS + col`. */
  places: Map<number, DocxPlace>;
  /** The document holds tracked changes (read with them accepted). */
  trackedChanges: boolean;
  /** Top-level tables read. */
  tables: number;
}

/** Why the document part could not be read as a form. */
export class DocxShapeError extends Error {
  override readonly name = "DocxShapeError";
  constructor(
    readonly reason: "no-document" | "too-large" | "too-wide",
    readonly rows = 0,
    readonly cells = 0,
  ) {
    super(reason);
  }
}

/** Grid columns a document table may span: real forms have under 20; thousands mean a hostile gridSpan. */
export const MAX_DOCX_COLS = 256;
const PLACE_COLS = 4096;
const TEXT_PARENTS = new Set(["t", "instrText"]);
const MAIN_REL = /\/officeDocument$/;

/**
 * The main document part of a Word package: the officeDocument relationship of _rels/.rels when its content type is
 * WordprocessingML's (a workbook's officeDocument is not), else word/document.xml. Undefined for other packages.
 */
export function documentPartOf(pkg: WorkbookPackage): string | undefined {
  const types = pkg.text("[Content_Types].xml") ?? "";
  const isWord = (part: string) => {
    // The Override of the part, its attributes in any order.
    const wanted = `/${part}`.toLowerCase();
    for (const m of types.matchAll(/<(?:\w+:)?Override\b[^>]*>/g)) {
      const name = /PartName\s*=\s*["']([^"']*)["']/.exec(m[0])?.[1];
      if (name?.toLowerCase() === wanted) return /wordprocessingml|ms-word/i.test(m[0]);
    }
    return /^word\/[^/]+\.xml$/i.test(part);
  };

  const rels = pkg.text("_rels/.rels");
  if (rels) {
    try {
      const root = parseXml(rels, () => false);
      for (const rel of childrenNamed(root, "Relationship")) {
        if (!MAIN_REL.test(rel.attrs.Type ?? "") || rel.attrs.TargetMode === "External") continue;
        const target = pkg.entry(resolvePartPath("", rel.attrs.Target ?? ""))?.name;
        if (target !== undefined) return isWord(target) ? target : undefined;
      }
    } catch (error) {
      // A damaged .rels: fall back on the usual name, as Word's repair does (a bomb is still the file's problem).
      if (!(error instanceof XmlError)) throw error;
    }
  }
  return pkg.has("word/document.xml") && !pkg.has("xl/workbook.xml")
    ? pkg.entry("word/document.xml")?.name
    : undefined;
}

function onOff(el: XmlElement | undefined): boolean | undefined {
  if (!el) return undefined;
  const v = (el.attrs.val ?? "true").toLowerCase();
  return !(v === "0" || v === "false" || v === "off");
}

/** Reading state carried across runs and paragraphs (a field may begin in one paragraph and end in another). */
interface State {
  tracked: boolean;
  /** Open complex fields: whether the field's code (not its result) is being read. */
  fields: Array<{ inCode: boolean }>;
}

/** The run's symbol font key, when its ASCII font is one (Wingdings 2 …). */
function runSymbolFont(rPr: XmlElement | undefined): string | undefined {
  const fonts = child(rPr, "rFonts");
  if (!fonts) return undefined;
  return (
    symbolFontKey(fonts.attrs.ascii) ?? symbolFontKey(fonts.attrs.hAnsi) ?? symbolFontKey(fonts.attrs.cs)
  );
}

function isUnderlined(rPr: XmlElement | undefined): boolean {
  const u = child(rPr, "u");
  return u !== undefined && (u.attrs.val ?? "single") !== "none";
}

/** A legacy form-field check box (FORMCHECKBOX): w:checked, else w:default. */
function formCheckBox(fldChar: XmlElement): boolean | undefined {
  const box = child(child(fldChar, "ffData"), "checkBox");
  if (!box) return undefined;
  return onOff(child(box, "checked")) ?? onOff(child(box, "default")) ?? false;
}

function readRun(run: XmlElement, state: State, out: string[]): void {
  const rPr = child(run, "rPr");
  // Hidden text (w:vanish) is not printed. A field's characters are still followed, so its state stays right.
  const hidden = onOff(child(rPr, "vanish")) === true;
  const symbolFont = runSymbolFont(rPr);
  const underlined = isUnderlined(rPr);
  for (const c of run.children) {
    if (typeof c === "string") continue;
    switch (c.name) {
      case "fldChar": {
        const type = c.attrs.fldCharType;
        if (type === "begin") {
          const box = formCheckBox(c);
          if (box !== undefined) out.push(box ? MARKED : EMPTY);
          state.fields.push({ inCode: true });
        } else if (type === "separate") {
          const top = state.fields[state.fields.length - 1];
          if (top) top.inCode = false;
        } else if (type === "end") state.fields.pop();
        break;
      }
      default:
        // A field's code (FORMCHECKBOX, PAGE, HYPERLINK "…") is not printed; only its result is.
        if (hidden || state.fields.some((f) => f.inCode)) break;
        if (c.name === "t") {
          const text = textOf(c);
          if (underlined && text.trim() === "") break; // spaces underlined to make a blank to fill in
          out.push(symbolFont ? symbolText(symbolFont, text) : text);
        } else if (c.name === "sym") out.push(symChar(c.attrs.font, c.attrs.char));
        else if (c.name === "tab" || c.name === "ptab") out.push(" ");
        else if (c.name === "br") {
          if ((c.attrs.type ?? "textWrapping") === "textWrapping") out.push("\n");
        } else if (c.name === "cr") out.push("\n");
        else if (c.name === "noBreakHyphen") out.push("-");
      // delText, instrText, drawings, footnote references: not part of the text as printed.
    }
  }
}

/** The check box of a content control (w14:checkbox), when it is one. */
function contentControlBox(sdt: XmlElement): boolean | undefined {
  const box = child(child(sdt, "sdtPr"), "checkbox");
  if (!box) return undefined;
  return onOff(child(box, "checked")) ?? false;
}

/** Inline content of a paragraph (runs and what wraps them) into `out`. */
function readInline(el: XmlElement, state: State, out: string[]): void {
  for (const c of el.children) {
    if (typeof c === "string") continue;
    switch (c.name) {
      case "r":
        readRun(c, state, out);
        break;
      case "del":
      case "moveFrom":
        // Deleted text is not printed once changes are accepted.
        state.tracked = true;
        break;
      case "ins":
      case "moveTo":
        state.tracked = true;
        readInline(c, state, out);
        break;
      case "sdt": {
        const box = contentControlBox(c);
        if (box !== undefined) out.push(box ? MARKED : EMPTY);
        else {
          const content = child(c, "sdtContent");
          if (content) readInline(content, state, out);
        }
        break;
      }
      case "hyperlink":
      case "smartTag":
      case "customXml":
      case "fldSimple":
      case "bdo":
      case "dir":
        readInline(c, state, out);
        break;
      default:
      // pPr, bookmarks, proofing marks, math and comments' ranges carry no printed text of the form.
    }
  }
}

/** Blanks drawn with underscores (申报单位：________) are an empty value, not text. */
function cleanText(text: string): string {
  return normaliseBoxes(text)
    .replace(/[_＿]{2,}/g, "")
    .replace(/[ \t\u3000]+$/gm, "");
}

function paragraphText(p: XmlElement, state: State): string {
  // A paragraph whose mark was deleted and whose runs are all deleted disappears; its text is dropped either way.
  const out: string[] = [];
  readInline(p, state, out);
  return cleanText(out.join(""));
}

interface CellOut {
  text: string;
  start: number;
  span: number;
  vMerge: "restart" | "continue" | undefined;
  index: number;
}

interface TableOut {
  rows: CellOut[][];
  width: number;
}

/** Blocks of a cell or the body: w:p, w:tbl, and what wraps them (content controls, custom XML, tracked moves). */
function blockChildren(el: XmlElement, state: State, visit: (block: XmlElement) => void): void {
  for (const c of el.children) {
    if (typeof c === "string") continue;
    if (c.name === "p" || c.name === "tbl") visit(c);
    else if (c.name === "sdt") {
      const content = child(c, "sdtContent");
      if (content) blockChildren(content, state, visit);
    } else if (c.name === "customXml" || c.name === "ins" || c.name === "moveTo") {
      if (c.name !== "customXml") state.tracked = true;
      blockChildren(c, state, visit);
    } else if (c.name === "del" || c.name === "moveFrom") state.tracked = true;
  }
}

/** A cell's text: its paragraphs joined by line breaks, a nested table as one line per row. */
function cellText(tc: XmlElement, state: State, depth: number): string {
  const lines: string[] = [];
  blockChildren(tc, state, (block) => {
    if (block.name === "p") lines.push(paragraphText(block, state));
    else {
      const nested = readTable(block, state, depth + 1);
      for (const row of nested.rows)
        lines.push(
          row
            .filter((cell) => cell.vMerge !== "continue")
            .map((cell) => cell.text.replace(/\n/g, " "))
            .filter((t) => t.trim() !== "")
            .join(" "),
        );
    }
  });
  return lines
    .filter((l) => l.trim() !== "")
    .join("\n")
    .trim();
}

/** Rows of a table, looking through the content controls and custom XML that may wrap them. */
function tableRows(el: XmlElement, state: State, out: XmlElement[]): void {
  for (const c of el.children) {
    if (typeof c === "string") continue;
    if (c.name === "tr") {
      const trPr = child(c, "trPr");
      // A row deleted as a tracked change is not printed once changes are accepted.
      if (child(trPr, "del")) {
        state.tracked = true;
        continue;
      }
      if (child(trPr, "ins")) state.tracked = true;
      out.push(c);
    } else if (c.name === "sdt") {
      const content = child(c, "sdtContent");
      if (content) tableRows(content, state, out);
    } else if (c.name === "customXml") tableRows(c, state, out);
  }
}

function rowCells(el: XmlElement, out: XmlElement[]): void {
  for (const c of el.children) {
    if (typeof c === "string") continue;
    if (c.name === "tc") out.push(c);
    else if (c.name === "sdt") {
      const content = child(c, "sdtContent");
      if (content) rowCells(content, out);
    } else if (c.name === "customXml") rowCells(c, out);
  }
}

function intAttr(el: XmlElement | undefined, fallback: number): number {
  const v = Number(el?.attrs.val);
  return Number.isInteger(v) && v > 0 ? v : fallback;
}

function readTable(tbl: XmlElement, state: State, depth: number): TableOut {
  if (depth > 32) return { rows: [], width: 0 };
  const gridCols = childrenNamed(
    child(tbl, "tblGrid") ?? { name: "", attrs: {}, children: [] },
    "gridCol",
  ).length;
  const trs: XmlElement[] = [];
  tableRows(tbl, state, trs);
  const rows: CellOut[][] = [];
  let width = gridCols;
  for (const tr of trs) {
    const trPr = child(tr, "trPr");
    let col = Math.min(intAttr(child(trPr, "gridBefore"), 0), MAX_DOCX_COLS);
    const tcs: XmlElement[] = [];
    rowCells(tr, tcs);
    const cells: CellOut[] = [];
    tcs.forEach((tc, index) => {
      const tcPr = child(tc, "tcPr");
      const span = intAttr(child(tcPr, "gridSpan"), 1);
      if (col + span > MAX_DOCX_COLS) throw new DocxShapeError("too-wide");
      const vm = child(tcPr, "vMerge");
      const vMerge = vm ? (vm.attrs.val === "restart" ? "restart" : "continue") : undefined;
      cells.push({ text: cellText(tc, state, depth), start: col, span, vMerge, index });
      col += span;
    });
    width = Math.max(width, col);
    rows.push(cells);
  }
  return { rows, width };
}

/**
 * Read the main document part of an opened .docx package into one grid.
 * @param name the grid's name (the file's name without its extension)
 * Throws DocxShapeError (no document part, over the limits), XmlError / XmlLimitError, and the package's own errors.
 */
export function readDocxPackage(pkg: WorkbookPackage, name: string): DocxRead {
  const part = documentPartOf(pkg);
  if (!part) throw new DocxShapeError("no-document");
  const root = parseXml(pkg.text(part) ?? "", (parent) => TEXT_PARENTS.has(parent));
  const body = child(root, "body");
  // A document part without a body (a stub) holds nothing to check.
  if (!body) return { grid: makeGrid(name, []), places: new Map(), trackedChanges: false, tables: 0 };
  const state: State = { tracked: false, fields: [] };

  type Block = { kind: "p"; text: string; index: number } | { kind: "tbl"; table: TableOut; index: number };
  const blocks: Block[] = [];
  let paragraphs = 0;
  let tables = 0;
  blockChildren(body, state, (block) => {
    if (block.name === "p") {
      paragraphs++;
      const text = paragraphText(block, state);
      if (text.trim() !== "") blocks.push({ kind: "p", text: text.trim(), index: paragraphs });
    } else {
      tables++;
      blocks.push({ kind: "tbl", table: readTable(block, state, 0), index: tables });
    }
  });

  const width = Math.max(1, ...blocks.map((b) => (b.kind === "tbl" ? b.table.width : 1)));
  const rows: (RawCell | undefined)[][] = [];
  const merges: MergeArea[] = [];
  const places = new Map<number, DocxPlace>();
  let cellCount = 0;
  const put = (r: number, c: number, text: string) => {
    const row = (rows[r] ??= []);
    if (text !== "") {
      row[c] = { value: text, text };
      cellCount++;
    }
  };
  for (const block of blocks) {
    if (rows.length > SHEET_LIMITS.rows || cellCount > SHEET_LIMITS.cells)
      throw new DocxShapeError("too-large", rows.length, cellCount);
    if (block.kind === "p") {
      const r = rows.length;
      rows[r] = [];
      put(r, 0, block.text);
      if (width > 1) merges.push({ top: r, left: 0, bottom: r, right: width - 1 });
      places.set(r * PLACE_COLS, { kind: "paragraph", paragraph: block.index });
      continue;
    }
    // Vertical merges open at a start column, closed by the first row whose cell there does not continue them.
    const open = new Map<number, MergeArea>();
    block.table.rows.forEach((cells, i) => {
      const r = rows.length;
      rows[r] = [];
      const seen = new Set<number>();
      for (const cell of cells) {
        seen.add(cell.start);
        const place: DocxPlace = { kind: "cell", table: block.index, row: i + 1, cell: cell.index + 1 };
        const above = open.get(cell.start);
        if (cell.vMerge === "continue" && above && above.right === cell.start + cell.span - 1) {
          above.bottom = r;
          continue;
        }
        put(r, cell.start, cell.text);
        for (let c = cell.start; c < cell.start + cell.span; c++) places.set(r * PLACE_COLS + c, place);
        const area = { top: r, left: cell.start, bottom: r, right: cell.start + cell.span - 1 };
        if (cell.vMerge === "restart" || cell.vMerge === "continue") open.set(cell.start, area);
        else open.delete(cell.start);
        if (cell.span > 1 || cell.vMerge !== undefined) merges.push(area);
      }
      for (const start of [...open.keys()]) if (!seen.has(start)) open.delete(start);
    });
  }
  if (rows.length > SHEET_LIMITS.rows || cellCount > SHEET_LIMITS.cells)
    throw new DocxShapeError("too-large", rows.length, cellCount);
  // One-cell merges (a vMerge restart nobody continued) are no merge at all.
  const real = merges.filter((m) => m.bottom > m.top || m.right > m.left);
  const grid = makeGrid(name, rows, real, { revisionsAccepted: state.tracked });
  return { grid, places, trackedChanges: state.tracked, tables };
}

/** The place of a grid cell (its merged area's top-left cell answers for the whole area). */
export function placeAt(read: DocxRead, row: number, col: number): DocxPlace | undefined {
  const m = read.grid.mergeAt(row, col);
  const r = m ? m.top : row;
  const c = m ? m.left : col;
  return read.places.get(r * PLACE_COLS + c) ?? read.places.get(r * PLACE_COLS);
}
