// `npm run selftest:sim`: the add-in's 自检 (src/adapters/office/selftest.ts) run against the simulator, as CI runs it.
// Prints the zh-CN report and `selftest passed=N failed=M`; exits 1 when a step failed.
//   node .tmp/selftest-sim.js [--excel-api 1.18]

import { formatSelfTestReport, runSelfTest } from "../../../src/adapters/office/selftest";
import { createWorkbook } from "./index";

async function main(): Promise<void> {
  const at = process.argv.indexOf("--excel-api");
  const excelApi = at >= 0 ? (process.argv[at + 1] ?? "1.18") : "1.18";
  const wb = createWorkbook({
    sheets: [{ name: "汇总表", values: [["项目名称", "学员人数"]] }],
    requirementSets: { ExcelApi: excelApi, DialogApi: "1.2", AddinCommands: "1.1" },
    parsesTypedText: true,
  });
  const report = await runSelfTest({
    run: wb.run,
    isSetSupported: wb.isSetSupported,
    diagnostics: { host: "Excel", platform: "Simulator", version: `excel-sim (ExcelApi ${excelApi})` },
  });
  console.log(formatSelfTestReport(report));
  console.log(`selftest passed=${report.passed} failed=${report.failed}`);
  if (report.failed > 0) process.exitCode = 1;
}

main().catch((e: unknown) => {
  console.error(e);
  process.exitCode = 1;
});
