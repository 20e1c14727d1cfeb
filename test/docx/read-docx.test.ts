import { readWorkbookBytes } from "../../src/adapters/xlsx/workbook-file";
import { problemText } from "../../src/adapters/xlsx/problems";
import type { Grid } from "../../src/core/grid/types";
import { docxPackage } from "./support/wordml";

const W = `xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns:w14="http://schemas.microsoft.com/office/word/2010/wordml"`;
const doc = (body: string) =>
  `<?xml version="1.0" encoding="UTF-8"?><w:document ${W}><w:body>${body}</w:body></w:document>`;
const p = (inner: string) => `<w:p>${inner}</w:p>`;
const r = (text: string, rPr = "") =>
  `<w:r>${rPr ? `<w:rPr>${rPr}</w:rPr>` : ""}<w:t xml:space="preserve">${text}</w:t></w:r>`;
const tc = (inner: string, tcPr = "") => `<w:tc><w:tcPr>${tcPr}</w:tcPr>${inner}</w:tc>`;
const tbl = (cols: number, rows: string[]) =>
  `<w:tbl><w:tblGrid>${"<w:gridCol/>".repeat(cols)}</w:tblGrid>${rows.map((x) => `<w:tr>${x}</w:tr>`).join("")}</w:tbl>`;

async function gridOf(body: string, name = "表.docx"): Promise<{ grid: Grid }> {
  const read = await readWorkbookBytes(docxPackage(doc(body)), name);
  if (!read.ok) throw new Error(problemText(read.problem).en);
  return { grid: read.workbook.grids[0] as Grid };
}

function texts(grid: Grid): string[][] {
  const out: string[][] = [];
  for (let row = 0; row < grid.rowCount; row++)
    out.push(Array.from({ length: grid.rowWidth(row) }, (_, col) => grid.cell(row, col).text));
  return out;
}

describe("a .docx read into one grid in reading order", () => {
  it.each([
    ["a plain paragraph", p(r("附件2")), [["附件2"]]],
    ["runs of one paragraph joined", p(r("申报单位：") + r("上海示范大学")), [["申报单位：上海示范大学"]]],
    ["empty paragraphs left out", p("") + p(r("标题")) + p(""), [["标题"]]],
    ["an underscore blank is empty", p(r("申报单位：________")), [["申报单位："]]],
    [
      "underlined spaces are a blank, underlined text is text",
      p(r("联系人：") + r("      ", '<w:u w:val="single"/>')) + p(r("手机：") + r("13812345678", "<w:u/>")),
      [["联系人："], ["手机：13812345678"]],
    ],
    [
      "a tab and a line break",
      p(r("甲") + "<w:r><w:tab/></w:r>" + r("乙") + "<w:r><w:br/></w:r>" + r("丙")),
      [["甲 乙\n丙"]],
    ],
    [
      "hidden text (w:vanish) is not printed",
      p(r("可见") + r("隐藏", "<w:vanish/>") + r("文字", '<w:vanish w:val="0"/>')),
      [["可见文字"]],
    ],
    ["entities and CDATA-free text decoded", p(r("A&amp;B &lt;C&gt; &#x4E2D;")), [["A&B <C> 中"]]],
    [
      "several paragraphs of a cell joined by line breaks",
      tbl(2, [tc(p(r("研修目的"))) + tc(p(r("第一段")) + p("") + p(r("第二段")))]),
      [["研修目的", "第一段\n第二段"]],
    ],
    [
      "a nested table flattened into its cell's lines",
      tbl(2, [
        tc(p(r("授课专家"))) +
          tc(
            p(r("名单：")) +
              tbl(2, [tc(p(r("张三"))) + tc(p(r("教授"))), tc(p(r("李四"))) + tc(p(r("研究员")))]),
          ),
      ]),
      [["授课专家", "名单：\n张三 教授\n李四 研究员"]],
    ],
  ])("%s", async (_, body, expected) => {
    expect(texts((await gridOf(body)).grid)).toEqual(expected);
  });

  it("paragraphs around a table span its width; gridSpan and vMerge become merged areas", async () => {
    const body =
      p(r("附件2")) +
      tbl(4, [
        tc(p(r("项目名称"))) + tc(p(r("人工智能研修班")), '<w:gridSpan w:val="3"/>'),
        tc(p(r("申报单位信息")), '<w:vMerge w:val="restart"/>') +
          tc(p(r("单位名称"))) +
          tc(p(r("示范大学")), '<w:gridSpan w:val="2"/>'),
        tc(p(""), "<w:vMerge/>") + tc(p(r("联系人"))) + tc(p(r("刘老师"))) + tc(p(r("x"))),
        tc(p(r("备注"))) + tc(p(""), '<w:gridSpan w:val="3"/>'),
      ]) +
      p(r("申报时间：2026年4月10日"));
    const { grid } = await gridOf(body);
    expect(texts(grid)).toEqual([
      ["附件2"],
      ["项目名称", "人工智能研修班"],
      ["申报单位信息", "单位名称", "示范大学"],
      ["", "联系人", "刘老师", "x"],
      ["备注"],
      ["申报时间：2026年4月10日"],
    ]);
    expect([...grid.merges].sort((a, b) => a.top - b.top || a.left - b.left)).toEqual([
      { top: 0, left: 0, bottom: 0, right: 3 },
      { top: 1, left: 1, bottom: 1, right: 3 },
      { top: 2, left: 0, bottom: 3, right: 0 },
      { top: 2, left: 2, bottom: 2, right: 3 },
      { top: 4, left: 1, bottom: 4, right: 3 },
      { top: 5, left: 0, bottom: 5, right: 3 },
    ]);
  });

  it("gridBefore shifts a row's cells", async () => {
    const { grid } = await gridOf(
      tbl(3, [`<w:trPr><w:gridBefore w:val="1"/></w:trPr>` + tc(p(r("乙"))) + tc(p(r("丙")))]),
    );
    expect(texts(grid)).toEqual([["", "乙", "丙"]]);
  });
});

describe("ticks as Word stores them become ☑ / □", () => {
  const cc = (checked: string) =>
    `<w:sdt><w:sdtPr><w14:checkbox><w14:checked w14:val="${checked}"/></w14:checkbox></w:sdtPr><w:sdtContent>${r("☒")}</w:sdtContent></w:sdt>`;
  const ff = (inner: string) =>
    `<w:r><w:fldChar w:fldCharType="begin"><w:ffData><w:checkBox>${inner}</w:checkBox></w:ffData></w:fldChar></w:r><w:r><w:instrText> FORMCHECKBOX </w:instrText></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r>`;
  const wd2 = (letter: string) => r(letter, '<w:rFonts w:ascii="Wingdings 2" w:hAnsi="Wingdings 2"/>');
  it.each([
    ["Unicode ☑ ☒ ■ √ □ ☐ kept (☐ as □)", r("☑甲☒乙■丙√丁□戊☐己"), "☑甲☒乙■丙√丁□戊□己"],
    [
      "w:sym Wingdings F0FE / F0A8",
      `<w:r><w:sym w:font="Wingdings" w:char="F0FE"/></w:r>${r("是")}<w:r><w:sym w:font="Wingdings" w:char="F0A8"/></w:r>${r("否")}`,
      "☑是□否",
    ],
    [
      "w:sym Wingdings 2 0052 / 00A3",
      `<w:r><w:sym w:font="Wingdings 2" w:char="0052"/></w:r>${r("是")}<w:r><w:sym w:font="Wingdings 2" w:char="F0A3"/></w:r>${r("否")}`,
      "☑是□否",
    ],
    [
      "w:sym in MS Gothic shows its own character",
      `<w:r><w:sym w:font="MS Gothic" w:char="2612"/></w:r>${r("是")}`,
      "☒是",
    ],
    ["letters R and £ typed in Wingdings 2", `${wd2("R")}${r("是")}${wd2("&#163;")}${r("否")}`, "☑是□否"],
    [
      "private-use codes typed in Wingdings",
      `${r("&#xF0FE;", '<w:rFonts w:ascii="Wingdings" w:hAnsi="Wingdings"/>')}${r("是")}`,
      "☑是",
    ],
    [
      "content-control check boxes by w14:checked, not their glyph",
      `${cc("1")}${r("是")}${cc("0")}${r("否")}`,
      "☑是□否",
    ],
    [
      "FORMCHECKBOX: w:checked, else w:default",
      `${ff('<w:default w:val="0"/><w:checked/>')}${r("是")}${ff('<w:default w:val="1"/>')}${r("否")}${ff('<w:default w:val="1"/><w:checked w:val="0"/>')}${r("未定")}`,
      "☑是☑否□未定",
    ],
  ])("%s", async (_, runs, expected) => {
    expect(texts((await gridOf(p(runs))).grid)).toEqual([[expected]]);
  });
});

describe("tracked changes read as accepted", () => {
  it("keeps insertions and moves in, drops deletions and moves out, and says so", async () => {
    const body =
      p(
        r("办班地点：上海市") +
          `<w:del w:id="1" w:author="x"><w:r><w:delText>黄浦</w:delText></w:r></w:del>` +
          `<w:ins w:id="2" w:author="x">${r("闵行")}</w:ins>` +
          r("区"),
      ) +
      p(
        `<w:moveFrom w:id="3" w:author="x">${r("旧")}</w:moveFrom><w:moveTo w:id="4" w:author="x">${r("新")}</w:moveTo>`,
      ) +
      tbl(1, [
        `<w:trPr><w:del w:id="5" w:author="x"/></w:trPr>` + tc(p(r("删除的行"))),
        tc(p(r("保留的行"))),
      ]);
    const { grid } = await gridOf(body);
    expect(texts(grid)).toEqual([["办班地点：上海市闵行区"], ["新"], ["保留的行"]]);
    // The engine says so on a recognised form, as an info finding (test/docx/cli-docx, the golden Word forms).
    expect(grid.revisionsAccepted).toBe(true);
  });

  it("a document without tracked changes is not flagged", async () => {
    expect((await gridOf(p(r("甲")))).grid.revisionsAccepted).toBeUndefined();
  });
});
