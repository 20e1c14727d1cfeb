import { MAX_COLS, parseRef, qualify, splitSheet } from "./address";
import { type RangeT, checkLive, checkWritable } from "./cells";
import { SimError } from "./errors";
import type { CommentModel, NoteModel, SheetModel, WorkbookModel } from "./model";
import { type ClassSpec, type Env, SimObject, defineProps } from "./proxy";
import { Range } from "./range";

/** A notes or comments collection: of one sheet, or of the whole workbook when `sheet` is absent. */
export interface ScopeT {
  sheet?: SheetModel;
}

/** The single cell a notes/comments call names, as a string (qualified in workbook scope) or a Range. */
function cellOf(scope: ScopeT, arg: unknown, env: Env): { sheet: SheetModel; row: number; col: number } {
  let sheet: SheetModel | undefined;
  let rect;
  if (typeof arg === "string") {
    const { sheet: name, ref } = splitSheet(arg);
    if (name !== undefined) {
      sheet = env.model.sheetByName(name);
      if (!sheet) throw new SimError("ItemNotFound", `No sheet named '${name}'.`);
      if (scope.sheet && scope.sheet !== sheet)
        throw new SimError("InvalidArgument", `'${arg}' is not on sheet '${scope.sheet.name}'.`);
    } else sheet = scope.sheet;
    if (!sheet)
      throw new SimError("InvalidArgument", `'${arg}' must name its sheet when used on the workbook.`);
    rect = parseRef(ref);
    if (!rect) throw new SimError("InvalidArgument", `'${arg}' is not a valid cell address.`);
  } else {
    const t = arg instanceof SimObject ? arg._target<RangeT>(env) : undefined;
    if (!t || !("rect" in t)) throw new SimError("InvalidArgument", "Expected a cell address or a Range.");
    sheet = t.sheet;
    rect = t.rect;
  }
  checkLive(sheet);
  if (rect.top !== rect.bottom || rect.left !== rect.right)
    throw new SimError("InvalidArgument", "The range must be a single cell.");
  return { sheet, row: rect.top, col: rect.left };
}

const cellKey = (row: number, col: number) => row * MAX_COLS + col;

interface NoteT {
  sheet: SheetModel;
  note: NoteModel;
}

function notesIn(scope: ScopeT, model: WorkbookModel): NoteT[] {
  const sheets = scope.sheet ? [scope.sheet] : model.liveSheets();
  const out: NoteT[] = [];
  for (const sheet of sheets) {
    const list = [...sheet.notes.values()].sort((a, b) => a.row - b.row || a.col - b.col);
    for (const note of list) out.push({ sheet, note });
  }
  return out;
}

function liveNote(t: NoteT): NoteT {
  if (t.sheet.deleted || t.sheet.notes.get(cellKey(t.note.row, t.note.col)) !== t.note)
    throw new SimError("ItemNotFound", "The note no longer exists.");
  return t;
}

function scopeOf(p: unknown): ScopeT {
  return p && typeof p === "object" && "sheet" in (p as object) ? (p as ScopeT) : {};
}

const NOTES_SPEC: ClassSpec<ScopeT> = {
  type: "NoteCollection",
  since: "1.18",
  props: {},
  collection: {
    list: (s, env) => notesIn(s, env.model),
    make: (owner, item) => new Note(owner.context, owner, () => item, { bound: item }),
  },
};

/** Office.js `Excel.NoteCollection` (ExcelApi 1.18): a cell holds one note, and not with a threaded comment. */
export class NoteCollection extends SimObject {
  protected readonly _spec = NOTES_SPEC as ClassSpec<never>;

  add(cellAddress: unknown, content: string): Note {
    let created: NoteT | undefined;
    this._act("add", [typeof cellAddress === "string" ? cellAddress : "ref", content], (s: ScopeT, env) => {
      const { sheet, row, col } = cellOf(scopeOf(s), cellAddress, env);
      checkWritable(sheet);
      if (typeof content !== "string") throw new SimError("InvalidArgument", "A note's content is a string.");
      if (sheet.notes.has(cellKey(row, col)))
        throw new SimError(env.host.annotationRefusal, "The cell already has a note.");
      if (env.model.commentAt(sheet.id, row, col))
        throw new SimError(
          env.host.annotationRefusal,
          "The cell has a threaded comment; a cell cannot hold both.",
        );
      const note = { content, author: env.model.author, row, col };
      sheet.notes.set(cellKey(row, col), note);
      created = { sheet, note };
    });
    return new Note(
      this.context,
      this,
      () => {
        if (!created) throw new SimError("ItemNotFound", "The note was not added.");
        return created;
      },
      { wire: ["add", []] },
    );
  }

  private byCell(name: string, key: string, nullable: boolean): Note {
    return new Note(
      this.context,
      this,
      (p, env) => {
        const { sheet, row, col } = cellOf(scopeOf(p), key, env);
        const note = sheet.notes.get(cellKey(row, col));
        if (!note) throw new SimError("ItemNotFound", `There is no note at ${key}.`);
        return { sheet, note };
      },
      { wire: [name, [key]], nullable },
    );
  }

  getItem(key: string): Note {
    return this.byCell("getItem", key, false);
  }

  getItemOrNullObject(key: string): Note {
    return this.byCell("getItemOrNullObject", key, true);
  }

  getItemAt(index: number): Note {
    return new Note(
      this.context,
      this,
      (p, env) => {
        const t = notesIn(scopeOf(p), env.model)[index];
        if (!t) throw new SimError("ItemNotFound", `No note at index ${index}.`);
        return t;
      },
      { wire: ["getItemAt", [index]] },
    );
  }

  getCount() {
    return this._result("getCount", [], (s: ScopeT, env) => notesIn(scopeOf(s), env.model).length);
  }
}

const NOTE_SPEC: ClassSpec<NoteT> = {
  type: "Note",
  since: "1.18",
  props: {
    content: {
      get: (t) => liveNote(t).note.content,
      set: (t, v) => {
        liveNote(t);
        checkWritable(t.sheet);
        if (typeof v !== "string") throw new SimError("InvalidArgument", "A note's content is a string.");
        t.note.content = v;
      },
    },
    authorName: { get: (t) => liveNote(t).note.author },
  },
};

export class Note extends SimObject {
  protected readonly _spec = NOTE_SPEC as ClassSpec<never>;

  delete(): void {
    this._act("delete", [], (t: NoteT) => {
      liveNote(t);
      checkWritable(t.sheet);
      t.sheet.notes.delete(cellKey(t.note.row, t.note.col));
    });
  }

  getLocation(): Range {
    return Range.on(
      this.context,
      this,
      (p) => {
        const t = liveNote(p as NoteT);
        return {
          sheet: t.sheet,
          rect: { top: t.note.row, left: t.note.col, bottom: t.note.row, right: t.note.col },
        };
      },
      ["getLocation", []],
    );
  }
}
defineProps(Note, NOTE_SPEC);

function commentsIn(scope: ScopeT, model: WorkbookModel): CommentModel[] {
  const order = model.liveSheets().map((s) => s.id);
  return model.comments
    .filter((c) => (scope.sheet ? c.sheetId === scope.sheet.id : order.includes(c.sheetId)))
    .sort((a, b) => order.indexOf(a.sheetId) - order.indexOf(b.sheetId) || a.row - b.row || a.col - b.col);
}

function liveComment(c: CommentModel, model: WorkbookModel): CommentModel {
  if (!model.comments.includes(c)) throw new SimError("ItemNotFound", "The comment no longer exists.");
  return c;
}

const COMMENTS_SPEC: ClassSpec<ScopeT> = {
  type: "CommentCollection",
  since: "1.10",
  props: {},
  collection: {
    list: (s, env) => commentsIn(s, env.model),
    make: (owner, item) => new Comment(owner.context, owner, () => item, { bound: item }),
  },
};

/** Office.js `Excel.CommentCollection` (ExcelApi 1.10): threaded comments, one thread per cell. */
export class CommentCollection extends SimObject {
  protected readonly _spec = COMMENTS_SPEC as ClassSpec<never>;

  add(cellAddress: unknown, content: unknown, contentType?: string): Comment {
    let created: CommentModel | undefined;
    this._act(
      "add",
      [typeof cellAddress === "string" ? cellAddress : "ref", content, contentType ?? "Plain"],
      (s: ScopeT, env) => {
        const { sheet, row, col } = cellOf(scopeOf(s), cellAddress, env);
        checkWritable(sheet);
        const text =
          typeof content === "string" ? content : (content as { richContent?: unknown } | null)?.richContent;
        if (typeof text !== "string")
          throw new SimError("InvalidArgument", "A comment's content is a string.");
        if (env.model.commentAt(sheet.id, row, col))
          throw new SimError(env.host.annotationRefusal, "The cell already has a comment.");
        if (sheet.notes.has(cellKey(row, col)))
          throw new SimError(
            env.host.annotationRefusal,
            "The cell has a note; a cell cannot hold both a note and a comment.",
          );
        created = {
          id: env.model.newCommentId(),
          sheetId: sheet.id,
          row,
          col,
          content: text,
          author: env.model.author,
          resolved: false,
          created: new Date(0).toISOString(),
        };
        env.model.comments.push(created);
      },
    );
    return new Comment(
      this.context,
      this,
      () => {
        if (!created) throw new SimError("ItemNotFound", "The comment was not added.");
        return created;
      },
      { wire: ["add", []] },
    );
  }

  private byId(name: string, id: string, nullable: boolean): Comment {
    return new Comment(
      this.context,
      this,
      (p, env) => {
        const c = commentsIn(scopeOf(p), env.model).find((x) => x.id === id);
        if (!c) throw new SimError("ItemNotFound", `There is no comment with id ${id}.`);
        return c;
      },
      { wire: [name, [id]], nullable },
    );
  }

  getItem(commentId: string): Comment {
    return this.byId("getItem", commentId, false);
  }

  getItemOrNullObject(commentId: string): Comment {
    return this.byId("getItemOrNullObject", commentId, true);
  }

  /** Throws ItemNotFound when the cell has no comment (there is no OrNullObject variant in Office.js). */
  getItemByCell(cellAddress: unknown): Comment {
    return new Comment(
      this.context,
      this,
      (p, env) => {
        const { sheet, row, col } = cellOf(scopeOf(p), cellAddress, env);
        const c = env.model.commentAt(sheet.id, row, col);
        if (!c) throw new SimError("ItemNotFound", "The cell has no comment.");
        return c;
      },
      { wire: ["getItemByCell", [typeof cellAddress === "string" ? cellAddress : "ref"]] },
    );
  }

  getItemAt(index: number): Comment {
    return new Comment(
      this.context,
      this,
      (p, env) => {
        const c = commentsIn(scopeOf(p), env.model)[index];
        if (!c) throw new SimError("ItemNotFound", `No comment at index ${index}.`);
        return c;
      },
      { wire: ["getItemAt", [index]] },
    );
  }

  getCount() {
    return this._result("getCount", [], (s: ScopeT, env) => commentsIn(scopeOf(s), env.model).length);
  }
}

const COMMENT_SPEC: ClassSpec<CommentModel> = {
  type: "Comment",
  since: "1.10",
  props: {
    id: { get: (c) => c.id },
    content: {
      get: (c, env) => liveComment(c, env.model).content,
      set: (c, v, env) => {
        liveComment(c, env.model);
        if (typeof v !== "string") throw new SimError("InvalidArgument", "A comment's content is a string.");
        c.content = v;
      },
    },
    authorName: { get: (c) => c.author },
    authorEmail: { get: () => "user@example.invalid" },
    creationDate: { get: (c) => c.created },
    contentType: { get: () => "Plain" },
    resolved: {
      since: "1.11",
      get: (c) => c.resolved,
      set: (c, v) => void (c.resolved = Boolean(v)),
    },
  },
};

export class Comment extends SimObject {
  protected readonly _spec = COMMENT_SPEC as ClassSpec<never>;

  delete(): void {
    this._act("delete", [], (c: CommentModel, env) => {
      liveComment(c, env.model);
      const sheet = env.model.sheetByNameOrId(c.sheetId);
      if (sheet) checkWritable(sheet);
      env.model.comments = env.model.comments.filter((x) => x !== c);
    });
  }

  getLocation(): Range {
    return Range.on(
      this.context,
      this,
      (p, env) => {
        const c = liveComment(p as CommentModel, env.model);
        const sheet = env.model.sheetByNameOrId(c.sheetId);
        if (!sheet) throw new SimError("ItemNotFound", "The comment's sheet no longer exists.");
        return { sheet, rect: { top: c.row, left: c.col, bottom: c.row, right: c.col } };
      },
      ["getLocation", []],
    );
  }
}
defineProps(Comment, COMMENT_SPEC);

export { qualify };
