/**
 * Renders every template as LibreOffice prints it: each is drawn into an xlsx (the CLI's drawer), converted to PDF by
 * headless LibreOffice and rasterised with pdftoppm (60 dpi) into docs/templates/<id>-<page>.png; the index
 * docs/templates/README.md is written from the registry so it never lists a template the code no longer has.
 *
 *   sh scripts/render-templates.sh            (needs soffice and pdftoppm: apt-get install libreoffice-calc poppler-utils fonts-noto-cjk)
 */
import { spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import ExcelJS from "exceljs";
import { addLayoutSheet } from "../src/adapters/xlsx/draw";
import { TEMPLATES } from "../src/core/templates";
import { LEVEL_NAMES } from "../src/core/packs/types";
import { packName } from "../src/core/packs/registry";
import { convertToPdf, findSoffice, pdfPages } from "../test/templates/libreoffice";

// RENDER_OUT and RENDER_DPI let a developer look at sharper renders elsewhere without touching the committed ones.
const OUT = process.env.RENDER_OUT ?? path.join(__dirname, "..", "docs", "templates");
const DPI = process.env.RENDER_DPI ?? "60";

/** How the templates are made: what a reader of the renders needs to know (kept with the generator, not the code). */
const NOTES = [
  "## How the templates are made",
  "",
  "- **Data, drawn twice.** Each template is a `SheetLayout` built in `src/core/templates/` (cells, merges, borders,",
  "  widths, heights, dropdowns, print setup). `src/adapters/xlsx/draw.ts` draws it with ExcelJS (CLI, file mode);",
  "  the Office adapter's `insertSheet` draws the same layout inside Excel.",
  "- **Words.** Titles, labels, hints, □ options and 注 are the notices' own. Labels are the very labels the packs",
  "  read (`SH_FORM`, `FJ_FORM`, `HB_FORM`, `INST_FORM`); a test reads every blank template back with the engine and",
  "  checks it is recognised as its table, pack and level with only empty-field findings, and that a filled one is",
  "  clean.",
  "- **Fujian 附件4 填表说明** is its own sheet (`fj-instructions`) and, item by item, the 注 under the table it",
  "  speaks about (附件1: items 1, 2, 4, 5; 附件2: 1, 3; 附件3: 1, 4).",
  "- **Dropdowns.** 领域 lists 附件1's domains; 专业范围 lists the chosen domain's majors through",
  "  `OFFSET(…, MATCH(领域, …), …, INDEX(counts, …))` over a table in hidden helper columns of the same sheet.",
  "  Named ranges with INDIRECT were not used: ExcelJS writes names workbook-wide only, so a second inserted 申报表",
  "  would clash with the first. Short □ groups (申报特色班, 申报项目类别, 是否继续教育基地) offer the group ticked one",
  "  way or the other; the institution form has the ten 职业, the six 单位类型, 是/否 and 专职/兼职师资.",
  "- **Fonts.** 宋体 for the forms (title bold 16 pt), 仿宋 for notes, 黑体 for section rows; the xlsx records the",
  "  serif/sans family and the GB2312 charset so a host without the face substitutes a Chinese one. Rendering here maps",
  "  the names to Noto CJK (`test/templates/libreoffice.ts`).",
  "- **Printing.** A4, margins about 1.5–1.9 cm, fit to one page wide (any height), print area over the table, a",
  "  list's header row repeated on every page. Labels merged down three rows or more sit at the top of their first",
  "  row, so a page break inside the merge never cuts them in two.",
  "",
];

async function main(): Promise<void> {
  const soffice = findSoffice();
  if (!soffice)
    throw new Error("LibreOffice (soffice) not found: apt-get install -y libreoffice-calc fonts-noto-cjk");
  const work = fs.mkdtempSync(path.join(os.tmpdir(), "yanxiu-render-"));
  const files: string[] = [];
  for (const t of TEMPLATES) {
    const wb = new ExcelJS.Workbook();
    addLayoutSheet(wb, t.build());
    const file = path.join(work, `${t.id}.xlsx`);
    await wb.xlsx.writeFile(file);
    files.push(file);
  }
  const pdfs = convertToPdf(soffice, files, work);
  fs.mkdirSync(OUT, { recursive: true });
  for (const old of fs.readdirSync(OUT)) if (old.endsWith(".png")) fs.rmSync(path.join(OUT, old));
  const rows: string[] = [];
  let policy = "";
  TEMPLATES.forEach((t, i) => {
    const pdf = pdfs[i] as string;
    const pages = pdfPages(fs.readFileSync(pdf)).length;
    const r = spawnSync("pdftoppm", ["-png", "-r", DPI, pdf, path.join(OUT, t.id)], { encoding: "utf8" });
    if (r.status !== 0) throw new Error(`pdftoppm failed: ${r.stderr}`);
    // pdftoppm numbers pages with as many digits as the count needs: -1, or -01 … for ten pages and more.
    const images = fs
      .readdirSync(OUT)
      .filter((f) => f.startsWith(`${t.id}-`) && f.endsWith(".png"))
      .sort();
    if (t.policy !== policy) {
      policy = t.policy;
      rows.push(`## ${packName(t.policy).zh}`, "");
    }
    const level = t.level ? `（${LEVEL_NAMES[t.level].zh}）` : "";
    rows.push(
      `### ${t.attachment} ${t.title}${level}`,
      "",
      `\`yanxiu template ${t.id} -o ${t.id}.xlsx\` · ${pages} 页 / page${pages > 1 ? "s" : ""}`,
      "",
      ...images.map((img, k) => `![${t.title} 第${k + 1}页](${img})`),
      "",
    );
  });
  const readme = [
    "# 官方表格 / Templates",
    "",
    "Every table of the notices as the product draws it, printed by LibreOffice (A4, one page wide) and rendered at",
    "60 dpi. Regenerate with `sh scripts/render-templates.sh` after changing a layout in `src/core/templates/`; the test",
    "`test/templates/libreoffice.test.ts` checks the same conversion (page count, A4, orientation).",
    "",
    "每张通知附件表格的空白模板（A4，打印一页宽）。列表：`yanxiu templates`；生成：`yanxiu template ID -o 文件.xlsx`；",
    "按清单或申报表填写：`yanxiu template ID --fill 工作簿.xlsx -o 文件.xlsx`。",
    "",
    ...rows,
    ...NOTES,
  ].join("\n");
  fs.writeFileSync(path.join(OUT, "README.md"), `${readme.trimEnd()}\n`);
  fs.rmSync(work, { recursive: true, force: true });
  process.stdout.write(`Rendered ${TEMPLATES.length} templates into ${OUT}\n`);
}

main().catch((e: unknown) => {
  process.stderr.write(`${e instanceof Error ? e.message : String(e)}\n`);
  process.exit(1);
});
