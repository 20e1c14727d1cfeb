import JSZip from "jszip";

/**
 * Reading an xlsx package directly, without ExcelJS: an independent check that what the product wrote is really in
 * the file (fills in styles.xml, notes in commentsN.xml, formulas in the sheet XML).
 */
export function decodeXml(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|amp|lt|gt|quot|apos);/gi, (_, e: string) => {
    if (e[0] === "#")
      return String.fromCodePoint(
        e[1] === "x" || e[1] === "X" ? parseInt(e.slice(2), 16) : Number(e.slice(1)),
      );
    return (
      ({ amp: "&", lt: "<", gt: ">", quot: '"', apos: "'" } as Record<string, string>)[e.toLowerCase()] ?? e
    );
  });
}

const attr = (tag: string, name: string) => {
  const m = new RegExp(`\\b${name}="([^"]*)"`).exec(tag);
  return m ? decodeXml(m[1] as string) : undefined;
};

export class XlsxPackage {
  private constructor(private readonly zip: JSZip) {}

  static async open(bytes: Buffer): Promise<XlsxPackage> {
    return new XlsxPackage(await JSZip.loadAsync(bytes));
  }

  async text(path: string): Promise<string> {
    const file = this.zip.file(path);
    if (!file) throw new Error(`no part ${path}`);
    return file.async("string");
  }

  has(path: string): boolean {
    return this.zip.file(path) !== null;
  }

  private async rels(partPath: string): Promise<Map<string, string>> {
    const dir = partPath.slice(0, partPath.lastIndexOf("/"));
    const relsPath = `${dir}/_rels/${partPath.slice(dir.length + 1)}.rels`;
    const out = new Map<string, string>();
    if (!this.has(relsPath)) return out;
    for (const m of (await this.text(relsPath)).matchAll(/<Relationship\b[^>]*>/g)) {
      const target = attr(m[0], "Target") ?? "";
      const resolved = target.startsWith("/")
        ? target.slice(1)
        : new URL(target, `file:///${dir}/`).pathname.slice(1);
      out.set(attr(m[0], "Id") ?? "", resolved);
    }
    return out;
  }

  /** The sheets in workbook order: name, part path and state. */
  async sheets(): Promise<Array<{ name: string; path: string; state: string }>> {
    const rels = await this.rels("xl/workbook.xml");
    const xml = await this.text("xl/workbook.xml");
    return [...xml.matchAll(/<sheet\b[^>]*>/g)].map((m) => ({
      name: attr(m[0], "name") ?? "",
      path: rels.get(attr(m[0], "r:id") ?? "") ?? "",
      state: attr(m[0], "state") ?? "visible",
    }));
  }

  async sheetPath(name: string): Promise<string> {
    const sheet = (await this.sheets()).find((s) => s.name === name);
    if (!sheet) throw new Error(`no sheet ${name}`);
    return sheet.path;
  }

  /** The XML of one cell element (<c r="B4" …>…</c>), or undefined. */
  async cellXml(sheet: string, ref: string): Promise<string | undefined> {
    const xml = await this.text(await this.sheetPath(sheet));
    return new RegExp(`<c r="${ref}"(?:\\s[^>]*)?(?:/>|>.*?</c>)`).exec(xml)?.[0];
  }

  /** The solid fill colour (ARGB) of a cell as styles.xml gives it, or null when it has none. */
  async fillOf(sheet: string, ref: string): Promise<string | null> {
    const cell = await this.cellXml(sheet, ref);
    const s = Number(cell ? (attr(cell.slice(0, cell.indexOf(">") + 1), "s") ?? 0) : 0);
    const styles = await this.text("xl/styles.xml");
    const xfs = /<cellXfs\b[^>]*>(.*?)<\/cellXfs>/s.exec(styles)?.[1] ?? "";
    const xf = [...xfs.matchAll(/<xf\b[^>]*?(?:\/>|>.*?<\/xf>)/gs)][s]?.[0] ?? "";
    const fillId = Number(attr(xf, "fillId") ?? 0);
    const fills = /<fills\b[^>]*>(.*?)<\/fills>/s.exec(styles)?.[1] ?? "";
    const fill = [...fills.matchAll(/<fill>(.*?)<\/fill>/gs)][fillId]?.[1] ?? "";
    if (!/patternType="solid"/.test(fill)) return null;
    return attr(/<fgColor\b[^>]*>/.exec(fill)?.[0] ?? "", "rgb") ?? null;
  }

  /** The notes (legacy comments) of a sheet: cell ref → text. */
  async notesOf(sheet: string): Promise<Map<string, string>> {
    const path = await this.sheetPath(sheet);
    const rels = await this.rels(path);
    const comments = [...rels.values()].find((t) => /comments\d*\.xml$/.test(t));
    const out = new Map<string, string>();
    if (!comments) return out;
    for (const m of (await this.text(comments)).matchAll(/<comment\b([^>]*)>(.*?)<\/comment>/gs)) {
      const text = [...(m[2] as string).matchAll(/<t\b[^>]*>(.*?)<\/t>/gs)]
        .map((t) => decodeXml(t[1] as string))
        .join("");
      out.set(attr(m[1] as string, "ref") ?? "", text);
    }
    return out;
  }

  /** The formula of a cell, decoded, or undefined. */
  async formulaOf(sheet: string, ref: string): Promise<string | undefined> {
    const cell = await this.cellXml(sheet, ref);
    const f = cell ? /<f>(.*?)<\/f>/s.exec(cell)?.[1] : undefined;
    return f === undefined ? undefined : decodeXml(f);
  }

  /** Every shared string of the package, decoded. */
  async sharedStrings(): Promise<string[]> {
    if (!this.has("xl/sharedStrings.xml")) return [];
    const xml = await this.text("xl/sharedStrings.xml");
    return [...xml.matchAll(/<si>(.*?)<\/si>/gs)].map((si) =>
      [...(si[1] as string).matchAll(/<t\b[^>]*>(.*?)<\/t>/gs)]
        .map((t) => decodeXml(t[1] as string))
        .join(""),
    );
  }

  /** The text of a cell as stored: a shared string, an inline string or a formula's cached string. */
  async textOf(sheet: string, ref: string): Promise<string | undefined> {
    const cell = await this.cellXml(sheet, ref);
    if (!cell) return undefined;
    const type = attr(cell.slice(0, cell.indexOf(">") + 1), "t");
    const v = /<v>(.*?)<\/v>/s.exec(cell)?.[1];
    if (type === "s" && v !== undefined) return (await this.sharedStrings())[Number(v)];
    if (type === "inlineStr") return decodeXml(/<t\b[^>]*>(.*?)<\/t>/s.exec(cell)?.[1] ?? "");
    return v === undefined ? undefined : decodeXml(v);
  }
}
