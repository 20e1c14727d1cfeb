import type { Finding } from "../../core/findings";
import { MARK_FILL, isOurNote } from "../../core/marks";
import { STORE_SHEET } from "../../core/settings-rows";
import type { SheetLayout } from "../../core/templates/layout";
import { OfficeAdapterError } from "./errors";
import { type ExcelRun, type IsSetSupported, REQUIREMENTS } from "./host";
import { MARKS_SETTING_KEY } from "./marks-store";
import { OfficeWorkbookPort } from "./office-port";

/**
 * 自检: every Excel operation the add-in relies on, run for real on a temporary sheet the test creates and deletes,
 * each reported as passed, failed or not supported (the host lacks its requirement set), with timings and the host's
 * platform and version. The same code runs inside Excel (the pane's settings, `?selftest`) and in CI against the
 * simulator (`npm run selftest:sim`), so a failure a user reports is one we can reproduce.
 *
 * It goes through the add-in's own port wherever the add-in does (reading, marking, clearing, settings, inserting,
 * writing, change events), and checks the results with plain Office.js reads of its own.
 */

export type StepStatus = "passed" | "failed" | "unsupported";

export interface StepResult {
  id: string;
  /** What was tried, in Chinese (the report is for support staff in China). */
  name: string;
  /** The requirement set the operation needs, e.g. "ExcelApi 1.9". */
  needs: string;
  status: StepStatus;
  ms: number;
  /** What went wrong, or what was checked. */
  detail?: string;
}

/** Office.context.diagnostics: which Office this is. */
export interface Diagnostics {
  host?: string;
  platform?: string;
  version?: string;
}

export interface SelfTestHost {
  run: ExcelRun;
  isSetSupported: IsSetSupported;
  diagnostics?: Diagnostics;
  /** Milliseconds, for timings (default performance.now or Date.now). */
  now?: () => number;
  /** Waits, for change events to arrive (default setTimeout). */
  sleep?: (ms: number) => Promise<void>;
}

export interface SelfTestReport {
  started: Date;
  diagnostics: Diagnostics;
  /** The highest version of each requirement set this Excel supports (undefined: none). */
  requirementSets: Array<{ name: string; highest: string | undefined }>;
  steps: StepResult[];
  passed: number;
  failed: number;
  unsupported: number;
  totalMs: number;
}

/** The requirement sets worth naming in a report, with the versions to probe. */
const SETS: ReadonlyArray<{ name: string; versions: number }> = [
  { name: "ExcelApi", versions: 20 },
  { name: "DialogApi", versions: 2 },
  { name: "AddinCommands", versions: 4 },
];

function highestVersion(isSetSupported: IsSetSupported, name: string, versions: number): string | undefined {
  let highest: string | undefined;
  for (let minor = 1; minor <= versions; minor++) {
    const v = `1.${minor}`;
    if (isSetSupported(name, v)) highest = v;
  }
  return highest;
}

class StepFailure extends Error {}

function check(condition: boolean, what: string): void {
  if (!condition) throw new StepFailure(what);
}

function describe(e: unknown): string {
  if (e instanceof OfficeAdapterError) return `${e.text.zh}${e.code ? `（${e.code}）` : ""}`;
  if (e instanceof StepFailure) return e.message;
  const code = (e as { code?: unknown } | null)?.code;
  const message = e instanceof Error ? e.message : String(e);
  return typeof code === "string" ? `${code}：${message}` : message;
}

/** A fill as read for comparison: colour, pattern and whether Excel says it is no fill at all. */
interface FillReading {
  color: string;
  pattern: string | null;
  tintAndShade: number | null | undefined;
}

const SEEDED_FILLS: ReadonlyArray<{ address: string; what: string }> = [
  { address: "B2", what: "无填充" },
  { address: "B3", what: "白色" },
  { address: "B4", what: "浅蓝" },
  { address: "B5", what: "图案" },
];

const TEXTS = ["001", "TRUE", "1:30", "=不是公式"];

/** A small template with what real templates use: text, a live formula, a list validation, page setup, a chart. */
function selfTestLayout(name: string): SheetLayout {
  return {
    name,
    cells: [
      { row: 0, col: 0, value: "区", style: { bold: true } },
      { row: 0, col: 1, value: "人数", style: { bold: true } },
      { row: 1, col: 0, value: "浦东" },
      { row: 1, col: 1, value: 12 },
      { row: 2, col: 0, value: "徐汇" },
      { row: 2, col: 1, value: 8 },
      { row: 3, col: 0, value: "合计" },
      { row: 3, col: 1, formula: "=SUM(B2:B3)", value: 20 },
      { row: 0, col: 2, value: "是否" },
    ],
    merges: [],
    borders: [{ top: 0, left: 0, bottom: 3, right: 1 }],
    columnWidths: [10, 8, 8],
    rowHeights: {},
    validations: [{ area: { top: 1, left: 2, bottom: 3, right: 2 }, list: ["是", "否"], prompt: "请选择" }],
    print: {
      orientation: "landscape",
      margins: { top: 1, bottom: 1, left: 0.75, right: 0.75, header: 0.5, footer: 0.5 },
      fitToWidth: true,
      printArea: { top: 0, left: 0, bottom: 3, right: 2 },
      repeatRows: [0, 0],
    },
    charts: [
      {
        kind: "bar",
        title: "各区人数",
        categories: { top: 1, left: 0, bottom: 2, right: 0 },
        values: { top: 1, left: 1, bottom: 2, right: 1 },
        anchor: { row: 5, col: 0, rows: 8, cols: 4 },
      },
    ],
  };
}

function finding(sheet: string, row: number, col: number, severity: "error" | "warning"): Finding {
  return {
    sheet,
    row,
    col,
    severity,
    rule: "required",
    message: { zh: "自检标记", en: "Self-test mark" },
    clause: "自检",
  };
}

function rangeOf(context: Excel.RequestContext, sheet: string, address: string): Excel.Range {
  return context.workbook.worksheets.getItem(sheet).getRange(address);
}

/** A sheet's notes (ExcelApi 1.18) or threaded comments (1.10): only their contents are read here. */
function annotationsOf(
  context: Excel.RequestContext,
  sheet: string,
  notes: boolean,
): { load(what: string): unknown; items: Array<{ content: string }> } {
  const sheets = context.workbook.worksheets;
  return notes ? sheets.getItem(sheet).notes : sheets.getItem(sheet).comments;
}

/** Runs the self-test. Never throws: whatever fails is a failed step in the report. */
export async function runSelfTest(host: SelfTestHost): Promise<SelfTestReport> {
  const now = host.now ?? (() => (typeof performance !== "undefined" ? performance.now() : Date.now()));
  const sleep = host.sleep ?? ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)));
  const { run, isSetSupported } = host;
  const excel = <T>(batch: (context: Excel.RequestContext) => Promise<T>) =>
    run({ delayForCellEdit: true }, batch);
  const port = new OfficeWorkbookPort({ run, isSetSupported, lang: "zh" });
  const has = (version: string) => isSetSupported("ExcelApi", version);
  const started = new Date();
  const startedAt = now();
  const steps: StepResult[] = [];
  const stamp = `${started.getTime() % 1_000_000}`.padStart(6, "0");
  const sheet = `研修申报助手自检${stamp}`;
  let inserted: string | undefined;
  let created = false;
  let activeBefore: string | undefined;
  let fillsBefore: FillReading[] | undefined;

  const step = async (
    id: string,
    name: string,
    version: string,
    work: () => Promise<string | void>,
    options: { needsSheet?: boolean } = {},
  ): Promise<void> => {
    const needs = `ExcelApi ${version}`;
    if (!has(version)) {
      steps.push({ id, name, needs, status: "unsupported", ms: 0 });
      return;
    }
    if (options.needsSheet !== false && !created) {
      steps.push({ id, name, needs, status: "failed", ms: 0, detail: "临时工作表未能创建，无法进行" });
      return;
    }
    const t0 = now();
    try {
      const detail = await work();
      steps.push({
        id,
        name,
        needs,
        status: "passed",
        ms: Math.round(now() - t0),
        ...(detail ? { detail } : {}),
      });
    } catch (e) {
      steps.push({ id, name, needs, status: "failed", ms: Math.round(now() - t0), detail: describe(e) });
    }
  };

  const readFills = (): Promise<FillReading[]> =>
    excel(async (context) => {
      const fills = SEEDED_FILLS.map((f) => {
        const fill = rangeOf(context, sheet, f.address).format.fill;
        fill.load(has("1.9") ? "color,pattern,tintAndShade" : "color");
        return fill;
      });
      await context.sync();
      return fills.map((f) => ({
        color: f.color.toUpperCase(),
        pattern: has("1.9") ? f.pattern : null,
        tintAndShade: has("1.9") ? f.tintAndShade : undefined,
      }));
    });

  await step(
    "sheet.create",
    "创建临时工作表（值、数字格式、填充、合并）",
    "1.1",
    async () => {
      await excel(async (context) => {
        const sheets = context.workbook.worksheets;
        const active = sheets.getActiveWorksheet();
        active.load("name");
        const ws = sheets.add(sheet);
        ws.getRange("A1:A1").values = [["姓名"]];
        ws.getRange("F1").values = [[46082]];
        ws.getRange("F1").numberFormat = [["yyyy-mm-dd"]];
        ws.getRange("B3").format.fill.color = "#FFFFFF";
        ws.getRange("B4").format.fill.color = "#DDEBF7";
        if (has("1.9")) {
          const b5 = ws.getRange("B5").format.fill;
          b5.color = "#FFF2CC";
          b5.pattern = "Gray25";
          b5.patternColor = "#808080";
        } else ws.getRange("B5").format.fill.color = "#FFF2CC";
        ws.getRange("D1:E2").merge(false);
        await context.sync();
        activeBefore = active.name;
      });
      created = true;
      fillsBefore = await readFills();
      return `工作表“${sheet}”`;
    },
    { needsSheet: false },
  );

  await step("cells.write", "写入单元格（文本保持为文本）", "1.1", async () => {
    await port.writeCells(sheet, [
      ...TEXTS.map((value, i) => ({ row: i + 1, col: 0, value })),
      { row: 5, col: 0, value: 42 },
    ]);
  });

  let grid: Awaited<ReturnType<OfficeWorkbookPort["readSheet"]>> | undefined;
  await step("sheet.read", "读取值、显示文本与数字格式", REQUIREMENTS.read, async () => {
    grid = await port.readSheet(sheet);
    const g = grid;
    TEXTS.forEach((text, i) => check(g.cell(i + 1, 0).value === text, `A${i + 2} 应为文本“${text}”`));
    check(g.cell(5, 0).value === 42, "A6 应为数字 42");
    const date = g.cell(0, 5);
    check(date.value instanceof Date, "F1 应读作日期");
    check(date.text === "2026-03-01", `F1 的显示文本应为 2026-03-01（读到“${date.text}”）`);
    return `${g.rowCount} 行 × ${g.colCount} 列`;
  });

  await step("sheet.merges", "识别合并单元格", REQUIREMENTS.merges, async () => {
    check(grid !== undefined, "读取工作表未成功");
    const m = grid?.mergeAt(1, 4);
    check(m?.top === 0 && m.left === 3 && m.bottom === 1 && m.right === 4, "应识别出合并区域 D1:E2");
  });

  const findings = [
    finding(sheet, 1, 1, "error"),
    finding(sheet, 2, 1, "warning"),
    finding(sheet, 3, 1, "error"),
  ];
  findings.push(finding(sheet, 4, 1, "warning"));
  await step("marks.paint", "通过 RangeAreas 标记单元格", REQUIREMENTS.marks, async () => {
    await port.applyMarks(sheet, findings);
    const fills = await readFills();
    fills.forEach((f, i) => {
      const want = MARK_FILL[findings[i]?.severity === "warning" ? "warning" : "error"].toUpperCase();
      check(f.color === want, `${SEEDED_FILLS[i]?.address} 应标为 ${want}（读到 ${f.color}）`);
    });
  });

  const annotationVersion = has(REQUIREMENTS.notes) ? REQUIREMENTS.notes : REQUIREMENTS.comments;
  await step(
    "marks.annotations",
    has(REQUIREMENTS.notes) ? "以批注（备注）说明原因" : "以评论说明原因",
    annotationVersion,
    async () => {
      const ours = await excel(async (context) => {
        const list = annotationsOf(context, sheet, has(REQUIREMENTS.notes));
        list.load("items/content");
        await context.sync();
        return list.items.filter((n) => isOurNote(n.content)).length;
      });
      check(ours === findings.length, `应有 ${findings.length} 条说明（读到 ${ours} 条）`);
    },
  );

  await step("marks.record", "标记记录（工作簿设置）", REQUIREMENTS.marks, async () => {
    const found = await excel(async (context) => {
      const ws = context.workbook.worksheets.getItem(sheet);
      ws.load("id");
      const setting = context.workbook.settings.getItemOrNullObject(MARKS_SETTING_KEY);
      setting.load("value");
      await context.sync();
      const value = setting.isNullObject
        ? undefined
        : (setting.value as { sheets?: Record<string, unknown> });
      return value?.sheets?.[ws.id] !== undefined;
    });
    check(found, "工作簿设置中应有本表的标记记录");
  });

  await step(
    "marks.clear",
    "清除标记并恢复原格式（无填充、白色、颜色、图案）",
    REQUIREMENTS.marks,
    async () => {
      await port.clearMarks(sheet);
      const after = await readFills();
      after.forEach((f, i) => {
        const before = fillsBefore?.[i];
        const what = `${SEEDED_FILLS[i]?.address}（${SEEDED_FILLS[i]?.what}）`;
        check(
          before !== undefined &&
            f.color === before.color &&
            f.pattern === before.pattern &&
            (f.tintAndShade === null) === (before.tintAndShade === null),
          `${what} 未恢复原样：之前 ${JSON.stringify(before)}，之后 ${JSON.stringify(f)}`,
        );
      });
      const left = await excel(async (context) => {
        if (!has(REQUIREMENTS.notes) && !has(REQUIREMENTS.comments)) return 0;
        const list = annotationsOf(context, sheet, has(REQUIREMENTS.notes));
        list.load("items/content");
        await context.sync();
        return list.items.filter((n) => isOurNote(n.content)).length;
      });
      check(left === 0, `清除后仍有 ${left} 条本插件的说明`);
    },
  );

  await step(
    "settings.store",
    `设置存储（极隐藏工作表 ${STORE_SHEET}）`,
    REQUIREMENTS.settings,
    async () => {
      const storeExisted = await excel(async (context) => {
        const ws = context.workbook.worksheets.getItemOrNullObject(STORE_SHEET);
        await context.sync();
        return !ws.isNullObject;
      });
      const value = { 自检: stamp };
      await port.setSetting("selftest", value);
      const fresh = new OfficeWorkbookPort({ run, isSetSupported, lang: "zh" });
      const back = await fresh.getSetting("selftest");
      check(JSON.stringify(back) === JSON.stringify(value), "写入的设置读回不一致");
      const visibility = await excel(async (context) => {
        const ws = context.workbook.worksheets.getItem(STORE_SHEET);
        ws.load("visibility");
        await context.sync();
        return ws.visibility;
      });
      check(visibility === "VeryHidden", `${STORE_SHEET} 应为极隐藏（读到 ${visibility}）`);
      await fresh.setSetting("selftest", undefined);
      const exists = await excel(async (context) => {
        const ws = context.workbook.worksheets.getItemOrNullObject(STORE_SHEET);
        await context.sync();
        return !ws.isNullObject;
      });
      check(
        exists === storeExisted,
        storeExisted ? `${STORE_SHEET} 不应被删除` : `${STORE_SHEET} 应随最后一项删除`,
      );
      return storeExisted ? "已有的设置保持不变" : "存储表已创建并删除";
    },
    { needsSheet: false },
  );

  await step(
    "template.insert",
    "插入模板（数据验证、页面设置）",
    REQUIREMENTS.insertSheet,
    async () => {
      inserted = await port.insertSheet(selfTestLayout(`${sheet}模板`.slice(0, 31)));
      const name = inserted;
      const got = await excel(async (context) => {
        const dv = rangeOf(context, name, "C2").dataValidation;
        dv.load("type");
        const page = context.workbook.worksheets.getItem(name).pageLayout;
        page.load("orientation");
        await context.sync();
        return { type: dv.type, orientation: page.orientation };
      });
      check(got.type === "List", `C2 应有下拉列表（读到 ${got.type}）`);
      check(got.orientation === "Landscape", `页面应为横向（读到 ${got.orientation}）`);
    },
    { needsSheet: false },
  );

  await step(
    "template.formula-chart",
    "实时公式与图表",
    REQUIREMENTS.insertSheet,
    async () => {
      check(inserted !== undefined, "模板未插入");
      const name = inserted ?? "";
      const got = await excel(async (context) => {
        const total = rangeOf(context, name, "B4").load("formulas");
        const charts = { count: context.workbook.worksheets.getItem(name).charts.getCount() };
        await context.sync();
        return { formula: String(total.formulas[0]?.[0] ?? ""), charts: charts.count.value };
      });
      check(got.formula.toUpperCase() === "=SUM(B2:B3)", `B4 应为公式 =SUM(B2:B3)（读到 ${got.formula}）`);
      check(got.charts === 1, `应有 1 个图表（读到 ${got.charts}）`);
    },
    { needsSheet: false },
  );

  await step("events.changed", "变更事件（实时校验）", REQUIREMENTS.changeEvents, async () => {
    const watch = port.onSheetChanged;
    check(watch !== undefined, "此 Excel 不提供变更事件");
    const errors: unknown[] = [];
    let calls = 0;
    // Events of the set-up, written without the port (which alone knows its echoes), are let pass first.
    await sleep(300);
    const stop = watch?.(
      sheet,
      () => calls++,
      (e) => errors.push(e),
    );
    await sleep(300);
    // The add-in's own write must not come back as the user's edit.
    await port.writeCells(sheet, [{ row: 9, col: 0, value: "自检" }]);
    await sleep(300);
    stop?.();
    await sleep(100);
    check(errors.length === 0, `注册或移除事件处理失败：${errors.map(describe).join("；")}`);
    check(calls === 0, "本插件自己的写入被当作了用户的编辑");
  });

  await step("cell.select", "定位到单元格", REQUIREMENTS.selectCell, async () => {
    await port.selectCell(sheet, 1, 0);
  });

  await step(
    "sheet.delete",
    "删除临时工作表",
    "1.1",
    async () => {
      const names = [sheet, inserted].filter((n): n is string => n !== undefined);
      const left = await excel(async (context) => {
        const sheets = context.workbook.worksheets;
        if (activeBefore) sheets.getItem(activeBefore).activate();
        for (const n of names) sheets.getItem(n).delete();
        await context.sync();
        const probes = names.map((n) => sheets.getItemOrNullObject(n));
        await context.sync();
        return probes.filter((p) => !p.isNullObject).length;
      });
      check(left === 0, "临时工作表未能删除");
    },
    { needsSheet: created },
  );

  const requirementSets = SETS.map((s) => ({
    name: s.name,
    highest: highestVersion(isSetSupported, s.name, s.versions),
  }));
  const count = (status: StepStatus) => steps.filter((s) => s.status === status).length;
  return {
    started,
    diagnostics: host.diagnostics ?? {},
    requirementSets,
    steps,
    passed: count("passed"),
    failed: count("failed"),
    unsupported: count("unsupported"),
    totalMs: Math.round(now() - startedAt),
  };
}

const STATUS_TEXT: Record<StepStatus, string> = { passed: "通过", failed: "失败", unsupported: "不支持" };

function pad(n: number): string {
  return String(n).padStart(2, "0");
}

/** The report as plain zh-CN text, to copy into a message to support. */
export function formatSelfTestReport(report: SelfTestReport): string {
  const d = report.started;
  const when = `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())} ${pad(d.getHours())}:${pad(
    d.getMinutes(),
  )}:${pad(d.getSeconds())}`;
  const diag = report.diagnostics;
  const lines = [
    "研修申报助手 自检报告",
    `时间：${when}（本机时间）`,
    `Excel：平台 ${diag.platform ?? "未知"}，版本 ${diag.version ?? "未知"}，宿主 ${diag.host ?? "未知"}`,
    `要求集：${report.requirementSets.map((s) => `${s.name} ${s.highest ?? "不支持"}`).join("，")}`,
    `结果：通过 ${report.passed} 项，失败 ${report.failed} 项，不支持 ${report.unsupported} 项，共用时 ${report.totalMs} 毫秒`,
    "",
  ];
  report.steps.forEach((s, i) => {
    const time = s.status === "unsupported" ? `需要 ${s.needs}` : `${s.ms} 毫秒，需要 ${s.needs}`;
    lines.push(`${i + 1}. ${s.name}：${STATUS_TEXT[s.status]}（${time}）${s.detail ? `。${s.detail}` : ""}`);
  });
  return lines.join("\n");
}
