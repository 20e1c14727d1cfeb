/**
 * A notice wholly as data (model: generic): test/packs/fixtures/zz-2027-demo declares its table's signals, fields
 * and rules; the one generic recogniser and the rule kinds do the rest. No code names the pack.
 */
import * as path from "node:path";
import { resetPacks } from "../../src/core/packs/registry";
import { cleanTemp, runCli, tempDir, writeWorkbook } from "../cli/helpers";

const DEMO = path.join(__dirname, "fixtures", "zz-2027-demo");

const FORM = (values: Record<string, string | number>) => ({
  name: "申报表",
  rows: [
    ["示例省高级研修项目申报表"],
    ["项目名称", values.title ?? ""],
    ["申报单位", values.unit ?? ""],
    ["统一社会信用代码", values.creditCode ?? ""],
    ["联系电话", values.phone ?? ""],
    ["研修人数", values.trainees ?? ""],
    ["办班时间", values.courseTime ?? ""],
    ["领域", values.domain ?? ""],
    ["项目目标", values.goal ?? ""],
    ["填表日期", values.date ?? ""],
  ],
});

interface Doc {
  files: Array<{
    sheets: Array<{
      policy: string | null;
      table: string;
      findings: Array<{ rule: string; cell: string; message: string; clause: string }>;
    }>;
  }>;
}

let dir: string;
beforeAll(() => {
  dir = tempDir();
});
afterEach(() => resetPacks());
afterAll(() => cleanTemp());

it("a clean form of the demo notice is recognised by its declared signals and has no findings", async () => {
  const file = await writeWorkbook(dir, "clean.xlsx", [
    FORM({
      title: "智能制造高级研修班",
      unit: "示例大学",
      creditCode: "91310115MA1H8XK271",
      phone: "021-23112345",
      trainees: 60,
      courseTime: "2027年9月12日-16日",
      domain: "数字技术",
      goal: "培养一批骨干",
      date: "2027年2月20日",
    }),
  ]);
  const before = JSON.parse((await runCli(["check", file, "--json"])).stdout) as Doc;
  expect(before.files[0]?.sheets[0]?.policy).not.toBe("zz-2027-demo");
  const run = await runCli(["check", file, "--json", "--pack", DEMO]);
  const sheet = (JSON.parse(run.stdout) as Doc).files[0]?.sheets[0];
  expect(sheet).toMatchObject({ policy: "zz-2027-demo", table: "application" });
  expect(sheet?.findings).toEqual([]);
});

it("every rule kind wired in tables/application.yaml fires on its field, with the notice's clause", async () => {
  const file = await writeWorkbook(dir, "bad.xlsx", [
    FORM({
      title: "",
      unit: "示例大学",
      creditCode: "91310115MA1H8XK272",
      phone: "12345",
      trainees: 20,
      courseTime: "2027年11月2日-10日",
      domain: "航天",
      goal: "培养一批懂技术、懂管理、懂市场的复合型高层次骨干人才队伍",
      date: "2027年3月5日",
    }),
  ]);
  const run = await runCli(["check", file, "--json", "--pack", DEMO]);
  const sheet = (JSON.parse(run.stdout) as Doc).files[0]?.sheets[0];
  const byRule = new Map(sheet?.findings.map((f) => [f.rule, f]));
  expect([...byRule.keys()].sort()).toEqual(
    [
      "required",
      "credit-code.checksum",
      "phone.format",
      "trainees.min",
      "course.days",
      "course.finish-by",
      "deadline.submission",
      "domain.in-list",
      "text.max-length",
    ].sort(),
  );
  expect(byRule.get("trainees.min")?.clause).toBe("示例人社函〔2027〕1号 二（一）");
  expect(byRule.get("domain.in-list")?.message).toBe(
    "领域“航天”不是通知所列的领域（数字技术、生物医药、现代农业）。",
  );
  expect(byRule.get("course.finish-by")?.message).toContain("2027-10-31");
});
