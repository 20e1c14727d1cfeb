// International spellings of Chinese numbers, read by hand-written rules since libphonenumber left the bundle
// (issue 15): every spelling the library used to accept for +86 is still read, foreign numbers are not ours to read.
import { readPhone, type PhoneNumber } from "../../src/core/read/phone";

const office = (digits: string, areaCode?: string, extension?: string): PhoneNumber => ({
  kind: "office",
  digits,
  ...(areaCode !== undefined ? { areaCode } : {}),
  ...(extension !== undefined ? { extension } : {}),
});
const mobile = (digits: string): PhoneNumber => ({ kind: "mobile", digits });

describe("readPhone: +86 and 0086 spellings", () => {
  it.each<[string, PhoneNumber]>([
    ["+86 (0)21 3251 1306", office("02132511306", "021")],
    ["+86-21-3251-1306", office("02132511306", "021")],
    ["+86.21.3251.1306", office("02132511306", "021")],
    ["0086 591 8761 2629", office("059187612629", "0591")],
    ["+86 21 3251 1306 转 8", office("02132511306", "021", "8")],
    ["(+86) 138-0013-8000", mobile("13800138000")],
    ["＋８６ １３８ ００１３ ８０００", mobile("13800138000")],
  ])("%s", (text, expected) => {
    expect(readPhone(text)).toMatchObject({ kind: "ok", value: expected });
  });

  it.each(["+1 415 555 0100", "+44 20 7946 0958", "+86 123", "+86 21 3251", "+86-138-0013-800"])(
    "%s is no Chinese number the checker can read",
    (text) => {
      expect(readPhone(text).kind).toBe("unreadable");
    },
  );
});
