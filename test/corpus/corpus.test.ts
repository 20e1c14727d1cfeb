import { createHash } from "node:crypto";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { XMLValidator } from "fast-xml-parser";
import { main } from "../../src/cli/main";
import type { CliIO } from "../../src/cli/types";
import { extentsFromLastCells, findingOutside, readZip, sheetExtents } from "./extent";

/**
 * The real-world robustness corpus (issues 11 and 12): public spreadsheets written by many programs, some damaged,
 * encrypted or hostile, under test/fixtures/corpus/<source>/. Every file found there is run through `yanxiu check
 * --json` in-process and must give a checked result or a clear refusal — never an internal error — with every
 * finding inside its sheet, the input untouched, within a time bound. corpus.json records each file's source,
 * licence, and what a reader should make of it (as Excel, WPS or LibreOffice do).
 */

const CORPUS = path.join(__dirname, "..", "fixtures", "corpus");
const MANIFEST = path.join(CORPUS, "corpus.json");
const README = path.join(CORPUS, "README.md");
/** Files of the corpus directory that are its documentation, not inputs. */
const NOT_INPUTS = new Set(["README.md", "corpus.json", "LICENSES"]);
const MAX_CORPUS_BYTES = 5 * 1024 * 1024;
/** The licence texts and notices under LICENSES/ that each source's files need (licence and repository). */
const LICENCE_TEXTS: Record<string, string[]> = {
  "Apache-2.0 SheetJS/test_files": ["Apache-2.0.txt", "NOTICE-sheetjs-test_files.txt"],
  "Apache-2.0 apache/poi": ["Apache-2.0.txt", "NOTICE-apache-poi.txt"],
  "MIT tafia/calamine": ["MIT-calamine.txt"],
  "MIT PHPOffice/PhpSpreadsheet": ["MIT-PhpSpreadsheet.txt"],
  "BSD-3-Clause qax-os/excelize": ["BSD-3-Clause-excelize.txt"],
};
/** Per-file bound: a real file of this size is checked in well under a second; 20 s means something loops. */
const PER_FILE_MS = 20_000;

/**
 * What the file should come to:
 * - checked: a workbook Excel or LibreOffice opens with data, so exit 0/1 with no error;
 * - refused:encrypted / refused:empty / refused: exit 2 with a message that says why (or any message);
 * - xlsb, fods: checked, or refused with a message that names the format (not "zip but not a workbook", not
 *   "plain text": issue 12 item 7);
 * - any: hostile or damaged beyond what Excel promises; only the general guarantees apply.
 */
const EXPECTS = ["checked", "refused", "refused:encrypted", "refused:empty", "xlsb", "fods", "any"] as const;
type Expect = (typeof EXPECTS)[number];

interface ManifestEntry {
  file: string;
  repo: string;
  path: string;
  commit: string;
  licence: string;
  bytes: number;
  sha256: string;
  producer: string;
  features: string;
  expect: Expect;
  /**
   * For .xls/.et/.xlsb, which the extent oracle does not parse: each sheet's last used cell as LibreOffice reads the
   * file (converted to .xlsx once and measured by the oracle); "" for an empty sheet.
   */
  libreofficeExtents?: Record<string, string>;
}

interface JsonFinding {
  cell: string;
  severity: "error" | "warning" | "info";
  rule: string;
  message: string;
}
interface JsonDoc {
  files: Array<{
    file: string;
    error: string | null;
    sheets: Array<{ sheet: string; findings: JsonFinding[] }>;
  }>;
}

/** Every input file under the corpus directory, relative with forward slashes, sorted. */
function corpusFiles(dir = CORPUS, prefix = ""): string[] {
  const out: string[] = [];
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    if (prefix === "" && NOT_INPUTS.has(entry.name)) continue;
    const rel = prefix === "" ? entry.name : `${prefix}/${entry.name}`;
    if (entry.isDirectory()) out.push(...corpusFiles(path.join(dir, entry.name), rel));
    else if (entry.isFile()) out.push(rel);
  }
  return out.sort();
}

const FILES = corpusFiles();
const manifest = (JSON.parse(fs.readFileSync(MANIFEST, "utf8")) as { files: ManifestEntry[] }).files;
const byFile = new Map(manifest.map((e) => [e.file, e]));

/** Each file's report when checked alone, for comparing with the whole folder's run. */
const aloneReports = new Map<string, JsonDoc["files"][number]>();

const sha256 = (bytes: Buffer) => createHash("sha256").update(bytes).digest("hex");

interface Run {
  code: number;
  stdout: string;
  stderr: string;
  /** The stack when the CLI threw: what bin/yanxiu.js reports as exit 3. */
  crash?: string;
}

/** The CLI in-process, as bin/yanxiu.js runs it: a throw is the internal error (exit 3) it would report. */
async function runCheck(file: string, extra: readonly string[] = []): Promise<Run> {
  let stdout = "";
  let stderr = "";
  const io: CliIO = {
    stdout: (t) => void (stdout += t),
    stderr: (t) => void (stderr += t),
    lang: "zh",
    isTTY: false,
    cwd: CORPUS,
  };
  try {
    const code = await main(["check", file, "--json", ...extra], io);
    return { code, stdout, stderr };
  } catch (error) {
    const crash = error instanceof Error ? (error.stack ?? error.message) : String(error);
    return { code: 3, stdout, stderr, crash };
  }
}

const HAN = /[\u3400-\u9fff]/;
// Control characters other than tab and newline have no place in a message shown in a terminal.
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/;

/**
 * Why an XML part is not well-formed, or null: the parser's verdict, plus the characters XML 1.0 forbids, raw or as
 * references (control characters, U+FFFE/U+FFFF), which the parser lets through but Excel and others reject.
 */
function xmlFault(xml: string): string | null {
  const verdict = XMLValidator.validate(xml);
  if (verdict !== true)
    return `${verdict.err.code} at ${verdict.err.line}:${verdict.err.col}: ${verdict.err.msg}`;
  // eslint-disable-next-line no-control-regex
  const raw = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/.exec(xml);
  if (raw) return `forbidden character U+${raw[0].charCodeAt(0).toString(16).padStart(4, "0")}`;
  for (const m of xml.matchAll(/&#(x[0-9a-fA-F]+|\d+);/g)) {
    const ref = m[1] ?? "";
    const code = ref.startsWith("x") ? parseInt(ref.slice(1), 16) : parseInt(ref, 10);
    const allowed =
      code === 0x9 ||
      code === 0xa ||
      code === 0xd ||
      (code >= 0x20 && code <= 0xd7ff) ||
      (code >= 0xe000 && code <= 0xfffd) ||
      (code >= 0x10000 && code <= 0x10ffff);
    if (!allowed) return `reference to a forbidden character ${m[0]}`;
  }
  return null;
}

function escapeXml(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}

/** The reason in "无法写出“…”：reason" (the part a user reads to know what to do). */
function writeFailureReasons(stderr: string): string[] {
  return stderr
    .split("\n")
    .filter((line) => line.startsWith("无法写出"))
    .map((line) => line.slice(line.lastIndexOf("：") + 1));
}

const made: string[] = [];
afterAll(() => {
  for (const dir of made.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

describe("the corpus directory", () => {
  test("every file has a source and licence entry in corpus.json, and every entry a file", () => {
    expect(FILES.filter((f) => !byFile.has(f))).toEqual([]);
    expect(manifest.map((e) => e.file).filter((f) => !FILES.includes(f))).toEqual([]);
    expect(new Set(manifest.map((e) => e.file)).size).toBe(manifest.length);
  });

  test("every entry names a repository, path, commit, licence with its text, producer and expectation", () => {
    const licences = new Set(fs.readdirSync(path.join(CORPUS, "LICENSES")));
    for (const e of manifest) {
      expect(e.repo).toMatch(/^[\w.-]+\/[\w.-]+$/);
      expect(e.path).not.toBe("");
      expect(e.commit).toMatch(/^[0-9a-f]{40}$/);
      expect(e.producer).not.toBe("");
      expect(EXPECTS).toContain(e.expect);
      // The licence's text (and the notices it asks for) must be kept with the files.
      const needed = LICENCE_TEXTS[`${e.licence} ${e.repo}`];
      expect([e.file, needed?.filter((t) => !licences.has(t))]).toEqual([e.file, []]);
    }
  });

  test("the files are the bytes that were fetched (sha256 as recorded)", () => {
    for (const e of manifest) {
      const bytes = fs.readFileSync(path.join(CORPUS, e.file));
      expect({ file: e.file, bytes: bytes.length, sha256: sha256(bytes) }).toEqual({
        file: e.file,
        bytes: e.bytes,
        sha256: e.sha256,
      });
    }
  });

  test("README.md lists every file", () => {
    const readme = fs.readFileSync(README, "utf8");
    expect(FILES.filter((f) => !readme.includes(`\`${f}\``))).toEqual([]);
  });

  test("the corpus stays under 5 MB", () => {
    const total = FILES.reduce((sum, f) => sum + fs.statSync(path.join(CORPUS, f)).size, 0);
    expect(total).toBeLessThan(MAX_CORPUS_BYTES);
  });
});

describe.each(FILES)("corpus file %s", (file) => {
  const full = path.join(CORPUS, file);
  const expectation: Expect = byFile.get(file)?.expect ?? "any";
  let before: Buffer;
  let run: Run;
  let doc: JsonDoc | undefined;

  beforeAll(async () => {
    before = fs.readFileSync(full);
    run = await runCheck(full);
    try {
      doc = JSON.parse(run.stdout) as JsonDoc;
    } catch {
      doc = undefined;
    }
    const entry = doc?.files[0];
    if (entry) aloneReports.set(file, entry);
  }, PER_FILE_MS);

  test("no internal error (exit 3)", () => {
    expect(run.crash ?? null).toBeNull();
    expect([0, 1, 2]).toContain(run.code);
  });

  test("the report is one JSON entry whose exit code agrees with it", () => {
    expect(doc).toBeDefined();
    const entry = doc?.files[0];
    expect(doc?.files).toHaveLength(1);
    const hasError = entry?.sheets.some((s) => s.findings.some((f) => f.severity === "error")) ?? false;
    if (run.code === 2) expect(entry?.sheets).toEqual([]);
    else expect({ code: run.code, error: entry?.error }).toEqual({ code: hasError ? 1 : 0, error: null });
  });

  test("a refusal says why, in zh-CN, without control characters, and does not call the file missing", () => {
    const message = doc?.files[0]?.error ?? null;
    if (run.code !== 2) {
      expect(message).toBeNull();
      return;
    }
    expect(message).toEqual(expect.any(String));
    expect(message?.trim()).not.toBe("");
    expect(message).toMatch(HAN);
    expect(message).not.toMatch(CONTROL);
    // Every corpus file exists, is readable and has bytes: a refusal that says otherwise misleads the user.
    expect(message).not.toMatch(/找不到此文件或目录|没有读取此文件的权限|文件是空的/);
  });

  test("every finding lies inside its sheet", () => {
    const recorded = byFile.get(file)?.libreofficeExtents;
    const extents = sheetExtents(before) ?? (recorded ? extentsFromLastCells(recorded) : null);
    const outside: string[] = [];
    for (const sheet of doc?.files[0]?.sheets ?? [])
      for (const f of sheet.findings) {
        const why = findingOutside(file, extents, sheet.sheet, f.cell);
        if (why) outside.push(`${sheet.sheet}!${f.cell} (${f.rule}): ${why}`);
      }
    expect(outside).toEqual([]);
  });

  test(
    "the annotated copy (--out) is well-formed and keeps every sheet, or is refused with a zh-CN reason",
    async () => {
      const outDir = fs.mkdtempSync(path.join(os.tmpdir(), "yanxiu-corpus-"));
      made.push(outDir);
      const copyRun = await runCheck(full, ["--out", outDir]);
      expect(copyRun.crash ?? null).toBeNull();
      expect(sha256(fs.readFileSync(full))).toBe(sha256(before));
      const copies = fs.readdirSync(outDir);
      if (run.code === 2) {
        // A refused input leaves nothing behind.
        expect({ code: copyRun.code, copies }).toEqual({ code: 2, copies: [] });
        return;
      }
      if (copies.length === 0) {
        // Refusing to write is allowed (rather than dropping data); the user must be told why, in words.
        const reasons = writeFailureReasons(copyRun.stderr);
        expect({ code: copyRun.code, reasons: reasons.length }).toEqual({ code: 2, reasons: 1 });
        expect(reasons.filter((r) => !HAN.test(r) || CONTROL.test(r))).toEqual([]);
        return;
      }
      expect({ code: copyRun.code, copies: copies.length }).toEqual({ code: run.code, copies: 1 });
      const copy = readZip(fs.readFileSync(path.join(outDir, copies[0] ?? "")));
      expect(copy).not.toBeNull();
      const faults: string[] = [];
      for (const name of copy?.names ?? [])
        if (/\.(xml|rels|vml)$/i.test(name)) {
          const xml = copy?.read(name);
          const fault = xml === null || xml === undefined ? "cannot be read" : xmlFault(xml);
          if (fault) faults.push(`${name}: ${fault}`);
        }
      expect(faults).toEqual([]);
      // Every sheet of the input (as the file itself lists them, or as the check reported them) is in the copy.
      const inputSheets = [
        ...(sheetExtents(before)?.keys() ?? doc?.files[0]?.sheets.map((sh) => sh.sheet) ?? []),
      ];
      const copySheets = [
        ...(sheetExtents(fs.readFileSync(path.join(outDir, copies[0] ?? "")))?.keys() ?? []),
      ];
      expect(inputSheets.filter((name) => !copySheets.includes(name))).toEqual([]);
    },
    PER_FILE_MS,
  );

  test("the input file is unchanged", () => {
    const after = fs.readFileSync(full);
    expect(sha256(after)).toBe(sha256(before));
    expect(sha256(after)).toBe(byFile.get(file)?.sha256 ?? sha256(after));
  });

  // "any" has no outcome of its own beyond the general guarantees above, so no test of it.
  if (expectation !== "any")
    test(`outcome as a reader of the format should give (${expectation})`, () => {
      const message = doc?.files[0]?.error ?? "";
      const outcome = { code: run.code, error: doc?.files[0]?.error ?? null };
      switch (expectation) {
        case "checked":
          expect(outcome).toEqual({ code: run.code === 1 ? 1 : 0, error: null });
          break;
        case "refused":
          expect(run.code).toBe(2);
          break;
        case "refused:encrypted":
          expect(outcome).toEqual({ code: 2, error: expect.stringMatching(/密码|加密/) });
          break;
        case "refused:empty":
          expect(outcome).toEqual({ code: 2, error: expect.stringMatching(/空|没有任何工作表/) });
          break;
        case "xlsb":
          if (run.code === 2) expect(message).toMatch(/xlsb|二进制/i);
          else expect([0, 1]).toContain(run.code);
          break;
        case "fods":
          if (run.code === 2) {
            expect(message).toMatch(/fods|OpenDocument|开放文档/i);
            expect(message).not.toMatch(/纯文本/);
          } else expect([0, 1]).toContain(run.code);
          break;
      }
    });
});

/** Extensions of the spreadsheet formats staff send; a folder check must visit each such file, read it or say why. */
const SPREADSHEET = /\.(xlsx|xlsm|xltx|xltm|xls|xlt|et|ett|ods|fods|xlsb)$/i;

describe("the corpus checked as one folder (check DIR --json --summary)", () => {
  let run: Run;
  let doc: JsonDoc | undefined;
  let summary: string;

  beforeAll(async () => {
    const outDir = fs.mkdtempSync(path.join(os.tmpdir(), "yanxiu-corpus-"));
    made.push(outDir);
    summary = path.join(outDir, "summary.xlsx");
    run = await runCheck(".", ["--summary", summary]);
    try {
      doc = JSON.parse(run.stdout) as JsonDoc;
    } catch {
      doc = undefined;
    }
  }, 4 * PER_FILE_MS);

  test("no internal error (exit 3)", () => {
    expect(run.crash ?? null).toBeNull();
    expect([0, 1, 2]).toContain(run.code);
  });

  test("every spreadsheet file in the folder is visited, whatever its format (none passed over in silence)", () => {
    const visited = new Set(doc?.files.map((f) => f.file.split(path.sep).join("/")) ?? []);
    expect(FILES.filter((f) => SPREADSHEET.test(f) && !visited.has(f))).toEqual([]);
  });

  test("each file comes out as it does when checked alone", () => {
    const differ: string[] = [];
    for (const entry of doc?.files ?? []) {
      const file = entry.file.split(path.sep).join("/");
      const alone = aloneReports.get(file);
      if (!alone) continue;
      const shape = (e: JsonDoc["files"][number]) => ({
        error: e.error,
        sheets: e.sheets.map((sh) => [sh.sheet, sh.findings.map((f) => `${f.cell} ${f.rule}`)]),
      });
      if (JSON.stringify(shape(entry)) !== JSON.stringify(shape(alone))) differ.push(file);
    }
    expect(differ).toEqual([]);
  });

  test("the summary workbook is well-formed XML and lists every visited file", () => {
    expect(fs.existsSync(summary)).toBe(true);
    const zip = readZip(fs.readFileSync(summary));
    expect(zip).not.toBeNull();
    const faults: string[] = [];
    let text = "";
    for (const name of zip?.names ?? [])
      if (/\.(xml|rels)$/i.test(name)) {
        const xml = zip?.read(name) ?? "";
        const fault = xmlFault(xml);
        if (fault) faults.push(`${name}: ${fault}`);
        text += xml;
      }
    expect(faults).toEqual([]);
    const unlisted = (doc?.files ?? []).map((f) => f.file).filter((f) => !text.includes(escapeXml(f)));
    expect(unlisted).toEqual([]);
  });
});
