/**
 * Fujian and Hubei share the national form through the national-form base (tables/application.yaml there); each
 * pack's own tables/application.yaml says only what differs. Same-named fields replace the base's in place, new
 * ones follow, the base keeps its own.
 */
import { builtinPackData, BUILTIN_BASES } from "../../src/core/packs/builtin";
import { formSpecOf } from "../../src/core/recognise/signals";

const labelsOf = (id: string) =>
  Object.fromEntries(
    formSpecOf(builtinPackData(id).tables.application!).fields.map((f) => [f.key, f.labels]),
  );

it("Fujian's form is the base's with its own 领域 and 对象 labels and the review row after the base's fields", () => {
  const fj = formSpecOf(builtinPackData("fj-2026-gaoyan").tables.application!);
  const base = BUILTIN_BASES.get("national-form")?.tables?.application;
  const baseKeys = Object.keys(base?.fields ?? {});
  expect(fj.fields.map((f) => f.key)).toEqual([...baseKeys, "review"]);
  expect(labelsOf("fj-2026-gaoyan").techField).toEqual(["选题所属行业领域", "选题所属专业技术领域"]);
  expect(labelsOf("fj-2026-gaoyan").audience).toEqual(["研修对象", "培训对象"]);
  expect(fj.blocks?.map((b) => b.key)).toEqual(["applicant", "host"]);
});

it("Hubei's form is the base's with 近5年支撑知识更新工程工作情况 in the 承办单位 block; the base is not changed", () => {
  const hb = formSpecOf(builtinPackData("hb-2026-gaoyan").tables.application!);
  expect(hb.fields.at(-1)).toEqual({
    key: "recentWork",
    labels: ["近5年支撑知识更新工程工作情况", "近五年支撑知识更新工程工作情况"],
    block: "host",
  });
  expect(labelsOf("hb-2026-gaoyan").techField).toEqual(["选题所属行业领域"]);
  expect(BUILTIN_BASES.get("national-form")?.tables?.application?.fields?.review).toBeUndefined();
  expect(Object.keys(BUILTIN_BASES.get("national-form")?.tables?.application?.fields ?? {})).not.toContain(
    "recentWork",
  );
});
