import ExcelJS from "exceljs";
import JSZip from "jszip";
import { addLayoutSheet, drawLayout, uniqueSheetName } from "../../src/adapters/xlsx/draw";
import { shDomains } from "../../src/core/models/sh-gaoyan/domains";
import { findPack } from "../../src/core/packs/registry";

const SH_DOMAINS = shDomains(findPack("sh-2026-gaoyan")!.data).domains;
import { fillFormFromRecord } from "../../src/core/templates/fill";
import type { SheetLayout } from "../../src/core/templates/layout";
import { TEMPLATES, getTemplate } from "../../src/core/templates/registry";
import { CLEAN_RECORDS } from "./examples";
import { loadWorkbook, writeWorkbook } from "./support";

function build(id: string): SheetLayout {
  const t = getTemplate(id);
  if (!t) throw new Error(id);
  return t.build();
}

async function drawnSheet(layout: SheetLayout): Promise<{ ws: ExcelJS.Worksheet; xml: JSZip }> {
  const buffer = await writeWorkbook([layout]);
  const wb = await loadWorkbook(buffer);
  const ws = wb.worksheets[0];
  if (!ws) throw new Error("no sheet");
  return { ws, xml: await JSZip.loadAsync(buffer as unknown as ArrayBuffer) };
}

describe.each(TEMPLATES.map((t) => [t.id] as const))("%s drawn into an xlsx", (id) => {
  const layout = build(id);
  let ws: ExcelJS.Worksheet;
  let workbookXml: string;
  beforeAll(async () => {
    const drawn = await drawnSheet(layout);
    ws = drawn.ws;
    workbookXml = (await drawn.xml.file("xl/workbook.xml")?.async("string")) ?? "";
  });

  it("prints on A4, one page wide and as many pages down as needed, centred, with the layout's margins", () => {
    expect(ws.pageSetup).toMatchObject({
      paperSize: 9,
      orientation: layout.print.orientation,
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
      horizontalCentered: true,
      margins: layout.print.margins,
    });
  });

  it("has an absolute print area over the table", () => {
    const area = layout.print.printArea;
    const end = `${String.fromCharCode(65 + area.right)}$${area.bottom + 1}`;
    expect(workbookXml).toMatch(
      new RegExp(`_xlnm.Print_Area[^>]*>[^<]*!\\$A\\$1:\\$${end.replace("$", "\\$")}<`),
    );
  });

  it("keeps every merge, column width and row height of the layout", () => {
    const merges = Object.keys((ws as unknown as { _merges: Record<string, unknown> })._merges).length;
    expect(merges).toBe(layout.merges.length);
    layout.columnWidths.forEach((w, i) => expect(ws.getColumn(i + 1).width).toBe(w));
    for (const [row, h] of Object.entries(layout.rowHeights))
      expect(ws.getRow(Number(row) + 1).height).toBe(h);
    expect(ws.views[0]?.showGridLines).toBe(false);
  });

  it("writes every value and a thin border round every bordered cell", () => {
    for (const c of layout.cells)
      if (c.value !== undefined && c.formula === undefined)
        expect(ws.getCell(c.row + 1, c.col + 1).value).toBe(c.value);
    for (const area of layout.borders) {
      const border = ws.getCell(area.bottom + 1, area.right + 1).border;
      expect([border?.top?.style, border?.left?.style, border?.bottom?.style, border?.right?.style]).toEqual([
        "thin",
        "thin",
        "thin",
        "thin",
      ]);
    }
  });
});

describe("styles, dropdowns and print details", () => {
  it("draws the title bold and larger in 宋体, recording the serif family and GB2312 charset for hosts without it", async () => {
    const { ws } = await drawnSheet(build("sh-82-application"));
    const title = ws.getCell("A2");
    expect(title.value).toBe("专业技术人员知识更新工程高级研修项目（急需紧缺人才培养项目）申报表");
    expect(title.font).toMatchObject({ name: "宋体", bold: true, size: 16, family: 1, charset: 134 });
    expect(title.alignment).toMatchObject({ horizontal: "center", vertical: "middle", wrapText: true });
    expect(ws.getCell("A5").font?.bold).toBeUndefined();
  });

  it("gives 领域 the 附件1 list and 专业范围 a list that follows the 领域, from hidden helper columns on the same sheet", async () => {
    const layout = build("sh-82-application");
    const { ws } = await drawnSheet(layout);
    const domain = layout.validations.find((v) => v.list.includes("数字技术"));
    const major = layout.validations.find((v) => v.formula?.startsWith("=OFFSET("));
    if (!domain || !major) throw new Error("missing dropdowns");
    const domainCell = ws.getCell(domain.area.top + 1, domain.area.left + 1);
    expect(domainCell.dataValidation).toMatchObject({
      type: "list",
      formulae: [`"${SH_DOMAINS.join(",")}"`],
      errorStyle: "stop",
    });
    const majorCell = ws.getCell(major.area.top + 1, major.area.left + 1);
    expect(majorCell.dataValidation).toMatchObject({ type: "list", errorStyle: "warning" });
    const formula = String(majorCell.dataValidation?.formulae?.[0]);
    expect(formula).toMatch(
      /^OFFSET\(\$J\$\d+,MATCH\(\$C\$7,\$H\$\d+:\$H\$\d+,0\)-1,0,1,INDEX\(\$I\$\d+:\$I\$\d+,MATCH\(\$C\$7,\$H\$\d+:\$H\$\d+,0\)\)\)$/,
    );
    // The helper table: domains down H, their counts in I, their majors across from J; all hidden.
    const first = Number(/\$H\$(\d+)/.exec(formula)?.[1]);
    expect(ws.getCell(`H${first}`).value).toBe("数字技术");
    expect(ws.getCell(`I${first}`).value).toBe(14);
    expect(ws.getCell(`J${first}`).value).toBe("虚拟现实");
    for (const col of ["H", "I", "J", "X"]) expect(ws.getColumn(col).hidden).toBe(true);
    expect(ws.getColumn("E").hidden).toBe(false);
  });

  it("offers the □ groups ticked one way or the other as dropdown items", async () => {
    const { ws } = await drawnSheet(build("sh-82-application"));
    expect(ws.getCell("C8").dataValidation?.formulae).toEqual(['"☑是  □否,□是  ☑否"']);
  });

  it.each([
    ["sh-55-institution", ["大数据工程技术人员", "集成电路工程技术人员"]],
    ["sh-55-institution", ["行业协会等社团组织", "民办非企业单位"]],
    ["sh-55-institution", ["专职师资", "兼职师资"]],
    ["sh-82-recommendation", ["重点推荐"]],
  ])("%s has a dropdown with %j", async (id, items) => {
    const { ws } = await drawnSheet(build(id));
    // ExcelJS keeps a sheet's validations in a model its typings do not declare.
    const found = (ws as unknown as { dataValidations: { model: Record<string, ExcelJS.DataValidation> } })
      .dataValidations.model;
    const lists = Object.values(found).map((v) => String(v.formulae[0]));
    expect(lists.some((l) => items.every((i) => l.includes(i)))).toBe(true);
  });

  it("repeats a list's header row on every printed page", async () => {
    const { ws } = await drawnSheet(build("sh-82-recommendation"));
    expect(ws.pageSetup.printTitlesRow).toBe("5:5");
  });

  it("breaks the page after the institution form's cover", async () => {
    const layout = build("sh-55-institution");
    const { xml } = await drawnSheet(layout);
    const sheet = (await xml.file("xl/worksheets/sheet1.xml")?.async("string")) ?? "";
    expect(layout.rowBreaks).toHaveLength(1);
    expect(sheet).toContain(`<brk id="${(layout.rowBreaks?.[0] ?? 0) + 1}"`);
  });

  it("writes a total as a live formula with its worked-out result", async () => {
    const layout = fillFormFromRecord("sh-55-institution", CLEAN_RECORDS["sh-55-institution"] ?? {});
    const { ws } = await drawnSheet(layout);
    const total = layout.cells.find((c) => c.formula !== undefined && c.value !== undefined);
    if (!total) throw new Error("no total");
    const value = ws.getCell(total.row + 1, total.col + 1).value as ExcelJS.CellFormulaValue;
    expect(value.formula).toBe(total.formula?.slice(1));
    expect(value.result).toBe(total.value);
  });
});

describe("sheet names", () => {
  it("makes an inserted sheet's name unique and legal", () => {
    const wb = new ExcelJS.Workbook();
    const layout = build("sh-82-application");
    expect([
      addLayoutSheet(wb, layout).name,
      addLayoutSheet(wb, layout).name,
      addLayoutSheet(wb, layout).name,
    ]).toEqual(["附件2 申报表", "附件2 申报表 (2)", "附件2 申报表 (3)"]);
    expect(uniqueSheetName(wb, "a/b:c*d?[e]'f")).toBe("abcdef");
    expect(uniqueSheetName(wb, "长".repeat(40))).toHaveLength(31);
  });

  it("draws into a sheet the caller made", () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("我的表");
    drawLayout(ws, build("fj-summary"));
    expect(ws.getCell("A2").value).toBe("福建省专业技术人才知识更新工程2026年高级研修项目汇总表");
    expect(ws.pageSetup.orientation).toBe("landscape");
  });
});
