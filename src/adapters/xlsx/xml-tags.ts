// The one XML tokenizer of the workbook reader (fast-read.ts). A pull cursor rather than a callback: the caller's
// loop asks for the next tag and reads the current one's name, attributes and preceding text as offsets into the
// document, so a sheet of a million cells is walked without cutting a string out of it for every tag (issue 15:
// the callback walker that sliced the name, the attributes and the text of every tag took most of a check's time).
// What it reads is exactly what that walker read: comments, processing instructions and the doctype skipped, CDATA
// read as text, a tag's name up to its first whitespace and its local name after the first colon, and XML that is
// not well formed (a cut or damaged part) refused as ExcelJS's parser would.

/** A part this reader cannot follow (malformed XML, a missing shared string): the file is damaged. */
export class Unsupported extends Error {}

export const OPEN = 0;
export const CLOSE = 1;
export const EMPTY = 2;
export type TagKind = typeof OPEN | typeof CLOSE | typeof EMPTY;

const SPACE = /\s/;

/** CDATA's text, escaped so that the decoding every text gets later gives back exactly what the section held. */
function escapeCdata(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;");
}

export class XmlTags {
  /** The current tag: OPEN, CLOSE or EMPTY. */
  kind: TagKind = OPEN;
  /** Its local name (after the first colon of the qualified name): [nameStart, nameEnd). */
  nameStart = 0;
  nameEnd = 0;
  /** Its raw attribute text, from the end of the name to the closing > or />: [attrsStart, attrsEnd). */
  attrsStart = 0;
  attrsEnd = 0;
  /** Where the current tag's < is. */
  start = 0;
  /**
   * Whether any < of the document so far may not be the start of a tag this cursor gave: a comment or CDATA
   * section, or a < inside another tag, processing instruction or doctype (a cut tag, an attribute value). Until
   * then, the tags given and the processing instructions and doctypes skipped are every < of the text.
   */
  irregular = false;
  /** Where to look for the next tag. */
  private at = 0;
  /** The first < after the current tag's, found while reading it (-2: not looked for). */
  private nextLt = -2;
  /** Text before the current tag that came before a comment, CDATA section or processing instruction. */
  private prefix = "";
  /** The rest of the text before the current tag: [textStart, textEnd). */
  private textStart = 0;
  private textEnd = 0;
  /** The qualified names of the open elements, as offset pairs, `depth` of them. */
  private open: Int32Array = new Int32Array(64);
  private depth = 0;

  constructor(readonly xml: string) {}

  /** Move to the next tag; false at the end of the document. Throws Unsupported for XML that is not well formed. */
  next(): boolean {
    const xml = this.xml;
    const length = xml.length;
    let at = this.at;
    let segment = at;
    let prefix = "";
    while (at < length) {
      // The < after the previous tag was found while reading that tag (it lies beyond its >).
      const lt = this.nextLt >= at || this.nextLt === -1 ? this.nextLt : xml.indexOf("<", at);
      this.nextLt = -2;
      if (lt < 0) break;
      const second = xml.charCodeAt(lt + 1);
      if (second === 0x21 /* ! */) {
        if (xml.startsWith("<!--", lt)) {
          this.irregular = true;
          if (lt > segment) prefix += xml.slice(segment, lt);
          const end = xml.indexOf("-->", lt + 4);
          at = segment = end < 0 ? length : end + 3;
          continue;
        }
        if (xml.startsWith("<![CDATA[", lt)) {
          // Excel reads a CDATA section as the text it holds (ExcelJS drops it).
          this.irregular = true;
          if (lt > segment) prefix += xml.slice(segment, lt);
          const end = xml.indexOf("]]>", lt + 9);
          prefix += escapeCdata(xml.slice(lt + 9, end < 0 ? length : end));
          at = segment = end < 0 ? length : end + 3;
          continue;
        }
      }
      const gt = xml.indexOf(">", lt + 1);
      if (gt < 0) throw new Unsupported("unterminated tag");
      const nextLt = xml.indexOf("<", lt + 1);
      if (nextLt >= 0 && nextLt < gt) this.irregular = true;
      else this.nextLt = nextLt;
      if (second === 0x3f /* ? */ || second === 0x21 /* ! */) {
        if (lt > segment) prefix += xml.slice(segment, lt);
        at = segment = gt + 1;
        continue;
      }
      const closing = second === 0x2f; /* / */
      const empty = !closing && xml.charCodeAt(gt - 1) === 0x2f;
      const bodyStart = lt + (closing ? 2 : 1);
      const bodyEnd = empty ? gt - 1 : gt;
      // The qualified name runs to the first whitespace; the local name follows its first colon.
      let end = bodyStart;
      let colon = -1;
      while (end < bodyEnd) {
        const c = xml.charCodeAt(end);
        if (c === 0x20 || (c >= 0x09 && c <= 0x0d) || (c >= 0x80 && SPACE.test(xml.charAt(end)))) break;
        if (c === 0x3a && colon < 0) colon = end;
        end++;
      }
      if (closing) {
        const n = this.depth * 2;
        if (n === 0 || !this.sameName(this.open[n - 2] as number, this.open[n - 1] as number, bodyStart, end))
          throw new Unsupported(`unexpected </${xml.slice(bodyStart, end)}>`);
        this.depth--;
      } else if (!empty) {
        const n = this.depth * 2;
        if (n === this.open.length) {
          const grown = new Int32Array(n * 2);
          grown.set(this.open);
          this.open = grown;
        }
        this.open[n] = bodyStart;
        this.open[n + 1] = end;
        this.depth++;
      }
      this.kind = closing ? CLOSE : empty ? EMPTY : OPEN;
      this.start = lt;
      this.nameStart = colon < 0 ? bodyStart : colon + 1;
      this.nameEnd = end;
      this.attrsStart = end;
      this.attrsEnd = end < bodyEnd ? bodyEnd : end;
      this.prefix = prefix;
      this.textStart = segment;
      this.textEnd = lt;
      this.at = gt + 1;
      return true;
    }
    const n = this.depth * 2;
    if (n > 0)
      throw new Unsupported(
        `unclosed <${xml.slice(this.open[n - 2] as number, this.open[n - 1] as number)}>`,
      );
    this.at = length;
    return false;
  }

  /**
   * When the current tag is a start tag whose own end tag comes next, with nothing but text between (<v>12</v>),
   * move to that end tag (as next() would) and give the text; undefined, having moved nowhere, otherwise. A value
   * is then read in one step instead of two.
   */
  textToEnd(): string | undefined {
    if (this.kind !== OPEN) return undefined;
    const xml = this.xml;
    const at = this.at;
    const lt = this.nextLt >= at || this.nextLt === -1 ? this.nextLt : xml.indexOf("<", at);
    if (lt < 0 || xml.charCodeAt(lt + 1) !== 0x2f /* / */) return undefined;
    const n = this.depth * 2;
    const qStart = this.open[n - 2] as number;
    const qLength = (this.open[n - 1] as number) - qStart;
    const gt = lt + 2 + qLength;
    // </name> exactly: the name is the element's own (it holds no > or whitespace), then the >.
    if (xml.charCodeAt(gt) !== 0x3e || !this.sameName(qStart, qStart + qLength, lt + 2, gt)) return undefined;
    this.depth--;
    this.kind = CLOSE;
    this.start = lt;
    this.nameStart = lt + 2 + (this.nameStart - qStart);
    this.nameEnd = gt;
    this.attrsStart = this.attrsEnd = gt;
    this.prefix = "";
    this.textStart = at;
    this.textEnd = lt;
    this.at = gt + 1;
    this.nextLt = -2;
    return lt > at ? xml.slice(at, lt) : "";
  }

  /**
   * When the current start tag holds exactly <v>text</v> and its own end tag follows (<c r="A1"><v>12</v></c>, the
   * shape of nearly every cell), move to that end tag (as next() would, three times) and give the text; undefined,
   * having moved nowhere, otherwise.
   */
  valueToEnd(): string | undefined {
    if (this.kind !== OPEN) return undefined;
    const xml = this.xml;
    const at = this.at;
    if (
      xml.charCodeAt(at) !== 0x3c ||
      xml.charCodeAt(at + 1) !== 0x76 /* v */ ||
      xml.charCodeAt(at + 2) !== 0x3e
    )
      return undefined;
    const lt = xml.indexOf("<", at + 3);
    if (
      lt < 0 ||
      xml.charCodeAt(lt + 1) !== 0x2f ||
      xml.charCodeAt(lt + 2) !== 0x76 ||
      xml.charCodeAt(lt + 3) !== 0x3e ||
      xml.charCodeAt(lt + 4) !== 0x3c ||
      xml.charCodeAt(lt + 5) !== 0x2f
    )
      return undefined;
    const endLt = lt + 4;
    const n = this.depth * 2;
    const qStart = this.open[n - 2] as number;
    const qLength = (this.open[n - 1] as number) - qStart;
    const gt = endLt + 2 + qLength;
    if (xml.charCodeAt(gt) !== 0x3e || !this.sameName(qStart, qStart + qLength, endLt + 2, gt))
      return undefined;
    this.depth--;
    this.kind = CLOSE;
    this.start = endLt;
    this.nameStart = endLt + 2 + (this.nameStart - qStart);
    this.nameEnd = gt;
    this.attrsStart = this.attrsEnd = gt;
    this.prefix = "";
    this.textStart = this.textEnd = endLt;
    this.at = gt + 1;
    this.nextLt = -2;
    return lt > at + 3 ? xml.slice(at + 3, lt) : "";
  }

  /** Where the text after the current tag starts (the next tag is looked for from here). */
  get position(): number {
    return this.at;
  }

  /**
   * Go on from `at`, the caller having read the markup from position() to there itself: whole elements only (what
   * it read opens and closes as many as it leaves), with no text, comment, CDATA or stray < in it. The cursor is
   * then where next() would have been after reading those tags one by one.
   */
  resumeAt(at: number): void {
    this.kind = CLOSE;
    this.prefix = "";
    this.textStart = this.textEnd = at;
    this.at = at;
    this.nextLt = -2;
  }

  private sameName(aStart: number, aEnd: number, bStart: number, bEnd: number): boolean {
    if (aEnd - aStart !== bEnd - bStart) return false;
    const xml = this.xml;
    for (let i = 0; i < aEnd - aStart; i++)
      if (xml.charCodeAt(aStart + i) !== xml.charCodeAt(bStart + i)) return false;
    return true;
  }

  /** Whether the current tag's local name is `name`. */
  is(name: string): boolean {
    return this.nameEnd - this.nameStart === name.length && this.xml.startsWith(name, this.nameStart);
  }

  /** The current tag's local name. */
  name(): string {
    return this.xml.slice(this.nameStart, this.nameEnd);
  }

  /** The current tag's raw attribute text ("" when it has none). */
  attrs(): string {
    return this.attrsEnd > this.attrsStart ? this.xml.slice(this.attrsStart, this.attrsEnd) : "";
  }

  /** The raw text between the previous tag and this one (comments and processing instructions left out). */
  text(): string {
    const rest = this.textEnd > this.textStart ? this.xml.slice(this.textStart, this.textEnd) : "";
    return this.prefix === "" ? rest : this.prefix + rest;
  }

  /** Whether there is any text between the previous tag and this one. */
  hasText(): boolean {
    return this.textEnd > this.textStart || this.prefix !== "";
  }
}

/** The callback form, for the small parts (workbook, relationships, styles): name, attributes, kind, text before. */
export function walkTags(
  xml: string,
  visit: (name: string, attrs: string, kind: "open" | "close" | "empty", textBefore: string) => void,
): void {
  const tags = new XmlTags(xml);
  while (tags.next())
    visit(
      tags.name(),
      tags.attrs(),
      tags.kind === OPEN ? "open" : tags.kind === CLOSE ? "close" : "empty",
      tags.text(),
    );
}
