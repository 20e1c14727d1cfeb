import fc from "fast-check";
import { normaliseLabel } from "../../src/core/recognise/labels";
import { compactText } from "../../src/core/read/normalise";

// normaliseLabel skips its three replaces when the compacted text has no bracket and no marks at its ends; it must
// give what the replaces give on every text.
const BRACKETED = /[（(【[〔][^）)】\]〕]*[）)】\]〕]/g;
const TRAILING_MARKS = /[:：*＊]+$/;
const LEADING_MARKS = /^[*＊]+/;
const slow = (t: string) =>
  compactText(t).replace(BRACKETED, "").replace(TRAILING_MARKS, "").replace(LEADING_MARKS, "");

describe("normaliseLabel", () => {
  it.each([
    ["是否提供学员 住宿 (单选)", "是否提供学员住宿"],
    ["传 真", "传真"],
    ["资助经费（万元）", "资助经费"],
    ["＊项目名称：", "项目名称"],
    ["单位名称【盖章】", "单位名称"],
    ["项目名称", "项目名称"],
  ])("%s → %s", (text, expected) => {
    expect(normaliseLabel(text)).toBe(expected);
  });

  it("gives what the replaces give on any text", () => {
    const ch = fc.constantFrom(..."项目名称 （）()【】[]〔〕:：*＊\u3000\u200bＡa1１,");
    fc.assert(
      fc.property(fc.array(ch, { maxLength: 10 }), (chars) => {
        const t = chars.join("");
        expect(normaliseLabel(t)).toBe(slow(t));
      }),
      { numRuns: 20000 },
    );
  });
});
