// A plain element tree over fast-xml-parser's ordered output, so tests can walk a manifest in document order.

import { XMLParser, XMLValidator } from "fast-xml-parser";

export interface XmlElement {
  /** Qualified name as written, e.g. "OfficeApp" or "bt:Image". */
  name: string;
  attrs: Record<string, string>;
  children: XmlElement[];
  /** Text content directly inside the element, trimmed. */
  text: string;
}

type OrderedNode = Record<string, unknown> & { ":@"?: Record<string, string> };

function toElement(node: OrderedNode): XmlElement | null {
  const name = Object.keys(node).find((key) => key !== ":@");
  if (!name || name === "#text" || name.startsWith("?")) return null;
  const body = (node[name] as OrderedNode[]) ?? [];
  const children: XmlElement[] = [];
  let text = "";
  for (const child of body) {
    if ("#text" in child) text += String(child["#text"]);
    else {
      const element = toElement(child);
      if (element) children.push(element);
    }
  }
  return { name, attrs: { ...(node[":@"] ?? {}) }, children, text: text.trim() };
}

/** Throws with the parser's message when the XML is not well-formed; otherwise returns the root element. */
export function parseXml(xml: string): XmlElement {
  const valid = XMLValidator.validate(xml);
  if (valid !== true) {
    throw new Error(`not well-formed XML: ${valid.err.msg} (line ${valid.err.line}, col ${valid.err.col})`);
  }
  const parser = new XMLParser({
    preserveOrder: true,
    ignoreAttributes: false,
    attributeNamePrefix: "",
    parseTagValue: false,
    parseAttributeValue: false,
    trimValues: true,
  });
  const roots = (parser.parse(xml) as OrderedNode[])
    .map(toElement)
    .filter((e): e is XmlElement => e !== null);
  if (roots.length !== 1) throw new Error(`expected one root element, found ${roots.length}`);
  return roots[0]!;
}

/** Every element of the tree, the root first, in document order. */
export function descendants(root: XmlElement): XmlElement[] {
  const out: XmlElement[] = [root];
  for (const child of root.children) out.push(...descendants(child));
  return out;
}

/** Children with the given name. */
export function childrenNamed(parent: XmlElement, name: string): XmlElement[] {
  return parent.children.filter((child) => child.name === name);
}

/** The single child with the given name; throws when there is none or more than one. */
export function only(parent: XmlElement, name: string): XmlElement {
  const found = childrenNamed(parent, name);
  if (found.length !== 1)
    throw new Error(`<${parent.name}> has ${found.length} <${name}> children, expected 1`);
  return found[0]!;
}
