// A small, strict XML reader for WordprocessingML parts: a tree of elements by local name (w:p → "p"). Word writes
// no DTD and no entities beyond the five predefined ones, so a document type declaration is refused outright: that
// shuts out entity-expansion bombs without a parser option to forget. Depth and element count are capped so that a
// hostile part cannot exhaust the stack or the heap. Pure TypeScript (no DOM), for the CLI and the browser alike.

export interface XmlElement {
  /** The local name, prefix dropped: "p" for w:p, "checkbox" for w14:checkbox. */
  name: string;
  /** Attributes by local name (w:val → "val"); the first of two with the same local name wins. */
  attrs: Record<string, string>;
  children: XmlNode[];
}

export type XmlNode = XmlElement | string;

export const XML_LIMITS = {
  /** Elements nested deeper than this are not a document anyone typed. */
  depth: 256,
  /** Elements in one part: a 200-page document has a few hundred thousand. */
  elements: 3_000_000,
} as const;

/** The part is not well-formed XML, or holds what Word never writes (a DTD). */
export class XmlError extends Error {
  override readonly name = "XmlError";
}

/** The part is over XML_LIMITS. */
export class XmlLimitError extends Error {
  override readonly name = "XmlLimitError";
  constructor(readonly limit: "depth" | "elements") {
    super(`XML over the ${limit} limit`);
  }
}

const ENTITY = /&(#x[0-9a-fA-F]+|#\d+|amp|lt|gt|quot|apos);/g;
const NAMED: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'" };

export function decodeEntities(text: string): string {
  if (!text.includes("&")) return text;
  return text.replace(ENTITY, (whole, e: string) => {
    if (e[0] !== "#") return NAMED[e] ?? whole;
    const code = e[1] === "x" || e[1] === "X" ? parseInt(e.slice(2), 16) : Number(e.slice(1));
    if (!Number.isFinite(code)) return whole;
    return code <= 0x10ffff ? String.fromCodePoint(code) : "\ufffd";
  });
}

const TAG = /<([^\s/>!?]+)((?:\s+[^\s=/>]+\s*=\s*(?:"[^"]*"|'[^']*'))*)\s*(\/?)>/y;
const ATTR = /([^\s=]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g;
const CLOSE = /<\/([^\s>]+)\s*>/y;

function localName(qualified: string): string {
  const colon = qualified.indexOf(":");
  return colon < 0 ? qualified : qualified.slice(colon + 1);
}

function parseAttrs(text: string): Record<string, string> {
  const attrs: Record<string, string> = {};
  if (text === "") return attrs;
  ATTR.lastIndex = 0;
  for (let m = ATTR.exec(text); m !== null; m = ATTR.exec(text)) {
    const name = localName(m[1] as string);
    if (!(name in attrs)) attrs[name] = decodeEntities(m[2] ?? m[3] ?? "");
  }
  return attrs;
}

/**
 * Parse a part into its root element. Text is kept only where `keepText` says (by the parent's local name), so a
 * large document does not hold every run of whitespace between elements.
 */
export function parseXml(
  text: string,
  keepText: (parent: string) => boolean = () => true,
  limits: { depth: number; elements: number } = XML_LIMITS,
): XmlElement {
  const root: XmlElement = { name: "#document", attrs: {}, children: [] };
  const stack: XmlElement[] = [root];
  const names: string[] = [""];
  let elements = 0;
  let i = 0;
  const n = text.length;
  while (i < n) {
    const lt = text.indexOf("<", i);
    const end = lt < 0 ? n : lt;
    if (end > i) {
      const top = stack[stack.length - 1] as XmlElement;
      if (stack.length > 1 && keepText(top.name)) top.children.push(decodeEntities(text.slice(i, end)));
    }
    if (lt < 0) break;
    const next = text.charCodeAt(lt + 1);
    if (next === 0x3f /* ? */) {
      const close = text.indexOf("?>", lt + 2);
      if (close < 0) throw new XmlError("unterminated processing instruction");
      i = close + 2;
      continue;
    }
    if (next === 0x21 /* ! */) {
      if (text.startsWith("<!--", lt)) {
        const close = text.indexOf("-->", lt + 4);
        if (close < 0) throw new XmlError("unterminated comment");
        i = close + 3;
        continue;
      }
      if (text.startsWith("<![CDATA[", lt)) {
        const close = text.indexOf("]]>", lt + 9);
        if (close < 0) throw new XmlError("unterminated CDATA section");
        const top = stack[stack.length - 1] as XmlElement;
        if (stack.length > 1 && keepText(top.name)) top.children.push(text.slice(lt + 9, close));
        i = close + 3;
        continue;
      }
      // <!DOCTYPE …>: Word never writes one; refusing it shuts out entity expansion.
      throw new XmlError("document type declarations are not accepted");
    }
    if (next === 0x2f /* / */) {
      CLOSE.lastIndex = lt;
      const m = CLOSE.exec(text);
      if (!m) throw new XmlError("malformed end tag");
      if (stack.length <= 1 || names[names.length - 1] !== m[1])
        throw new XmlError(`unexpected end tag </${m[1]}>`);
      stack.pop();
      names.pop();
      i = CLOSE.lastIndex;
      continue;
    }
    TAG.lastIndex = lt;
    const m = TAG.exec(text);
    if (!m) throw new XmlError(`malformed tag at ${lt}`);
    if (++elements > limits.elements) throw new XmlLimitError("elements");
    const element: XmlElement = {
      name: localName(m[1] as string),
      attrs: parseAttrs(m[2] ?? ""),
      children: [],
    };
    (stack[stack.length - 1] as XmlElement).children.push(element);
    if (m[3] !== "/") {
      if (stack.length > limits.depth) throw new XmlLimitError("depth");
      stack.push(element);
      names.push(m[1] as string);
    }
    i = TAG.lastIndex;
  }
  if (stack.length > 1) throw new XmlError(`unclosed element <${names[names.length - 1]}>`);
  const first = root.children.find((c): c is XmlElement => typeof c !== "string");
  if (!first) throw new XmlError("no root element");
  return first;
}

/** The child elements of `el` named `name` (local name). */
export function childrenNamed(el: XmlElement, name: string): XmlElement[] {
  const out: XmlElement[] = [];
  for (const c of el.children) if (typeof c !== "string" && c.name === name) out.push(c);
  return out;
}

/** The first child element of `el` named `name`. */
export function child(el: XmlElement | undefined, name: string): XmlElement | undefined {
  if (!el) return undefined;
  for (const c of el.children) if (typeof c !== "string" && c.name === name) return c;
  return undefined;
}

/** The text content of an element (its text children, joined). */
export function textOf(el: XmlElement): string {
  let out = "";
  for (const c of el.children) if (typeof c === "string") out += c;
  return out;
}
