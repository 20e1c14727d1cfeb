import {
  isValidEmail,
  isValidPostcode,
  readPhone,
  readPhones,
  type PhoneNumber,
} from "../../src/core/read/phone";

const office = (digits: string, areaCode?: string, extension?: string): PhoneNumber => ({
  kind: "office",
  digits,
  ...(areaCode !== undefined ? { areaCode } : {}),
  ...(extension !== undefined ? { extension } : {}),
});
const mobile = (digits: string): PhoneNumber => ({ kind: "mobile", digits });

describe("readPhone", () => {
  it.each([
    ["021-32511306", office("02132511306", "021")],
    ["02132511306", office("02132511306", "021")],
    ["021 3251 1306", office("02132511306", "021")],
    ["021—32511306", office("02132511306", "021")],
    ["021－32511306", office("02132511306", "021")],
    ["(021)63816858", office("02163816858", "021")],
    ["（021）63816858", office("02163816858", "021")],
    ["（０２１）６３８１６８５８", office("02163816858", "021")],
    ["(021) 6381-6858", office("02163816858", "021")],
    ["010-62345678", office("01062345678", "010")],
    ["0591-87612629", office("059187612629", "0591")],
    ["0591-8761262", office("05918761262", "0591")],
    ["027-87654321", office("02787654321", "027")],
    ["63816858", office("63816858")],
    ["6381685", office("6381685")],
    ["021-32511306转123", office("02132511306", "021", "123")],
    ["021-32511306 转 123", office("02132511306", "021", "123")],
    ["021-32511306分机8001", office("02132511306", "021", "8001")],
    ["021-32511306-123", office("02132511306", "021", "123")],
    ["021-32511306 ext. 12", office("02132511306", "021", "12")],
    ["63816858转5", office("63816858", undefined, "5")],
    ["400-820-8820", office("4008208820")],
    ["+86 21 3251 1306", office("02132511306", "021")],
    ["电话：021-32511306", office("02132511306", "021")],
    ["021-32511306（办）", office("02132511306", "021")],
    ["13800138000", mobile("13800138000")],
    ["138 0013 8000", mobile("13800138000")],
    ["138-0013-8000", mobile("13800138000")],
    ["１３８００１３８０００", mobile("13800138000")],
    ["+86 138 0013 8000", mobile("13800138000")],
    ["+8613800138000", mobile("13800138000")],
    ["0086-138-0013-8000", mobile("13800138000")],
    ["8613800138000", mobile("13800138000")],
    ["(+86)13800138000", mobile("13800138000")],
    ["+86 (138) 0013-8000", mobile("13800138000")],
    ["手机：19912345678", mobile("19912345678")],
    ["13800138000（张老师）", mobile("13800138000")],
  ])("%j", (text, phone) => {
    expect(readPhone(text)).toMatchObject({ kind: "ok", value: phone });
    const result = readPhone(text);
    if (result.kind === "ok") expect(result.value).toEqual(phone);
  });

  it.each([
    "1380013800", // 10 digits
    "138001380001", // 12 digits
    "12800138000", // 12x is not a mobile prefix
    "10086",
    "021-3251130", // Shanghai numbers have 8 digits
    "021-0251130",
    "0591-1234567",
    "123456",
    "03251130",
    "13800138000转1",
    "+1 202 555 0100",
    "无",
    "见附件",
  ])("%j is unreadable", (text) => {
    expect(readPhone(text).kind).toBe("unreadable");
  });

  it("reads a blank cell as empty", () => {
    expect(readPhone("")).toEqual({ kind: "empty" });
    expect(readPhone(" \u3000 ")).toEqual({ kind: "empty" });
  });
});

describe("readPhones", () => {
  it.each([
    ["021-32511306，13800138000", [office("02132511306", "021"), mobile("13800138000")]],
    ["021-32511306、13800138000", [office("02132511306", "021"), mobile("13800138000")]],
    ["021-32511306; 13800138000", [office("02132511306", "021"), mobile("13800138000")]],
    ["021-32511306/13800138000", [office("02132511306", "021"), mobile("13800138000")]],
    ["021-32511306\n13800138000", [office("02132511306", "021"), mobile("13800138000")]],
    ["021-32511306或63816858", [office("02132511306", "021"), office("63816858")]],
    ["021-32511306 13800138000", [office("02132511306", "021"), mobile("13800138000")]],
    ["13800138000 13900139000", [mobile("13800138000"), mobile("13900139000")]],
  ])("%j", (text, phones) => {
    expect(readPhones(text).map((r) => (r.kind === "ok" ? r.value : r.kind))).toEqual(phones);
  });

  it("reports a bad number beside a good one, and readPhone takes the first", () => {
    const results = readPhones("021-3251130，13800138000");
    expect(results.map((r) => r.kind)).toEqual(["unreadable", "ok"]);
    expect(readPhone("021-3251130，13800138000")).toEqual({ kind: "unreadable", text: "021-3251130" });
    expect(readPhone("13800138000，021-3251130")).toMatchObject({ kind: "ok", value: mobile("13800138000") });
  });

  it("returns nothing for a blank cell", () => {
    expect(readPhones("")).toEqual([]);
    expect(readPhones(" ，、 ")).toEqual([]);
  });
});

describe("isValidEmail", () => {
  it.each([
    ["zhang.san@example.com", true],
    ["zhangsan@163.com", true],
    [" zhangsan@163.com ", true],
    ["li_si+yanxiu@sub.example.org.cn", true],
    ["a@b.cn", true],
    ["zhangsan＠163.com", false],
    ["zhangsan@163．com", false],
    ["zhangsan@163", false],
    ["zhangsan163.com", false],
    ["zhang san@163.com", false],
    ["zhangsan@@163.com", false],
    [".zhangsan@163.com", false],
    ["zhang..san@163.com", false],
    ["zhangsan@-163.com", false],
    ["zhangsan@163.com。", false],
    ["", false],
  ])("%j → %s", (text, valid) => {
    expect(isValidEmail(text)).toBe(valid);
  });
});

describe("isValidPostcode", () => {
  it.each([
    ["200031", true],
    [" 200031 ", true],
    ["２０００３１", true],
    ["20003", false],
    ["2000311", false],
    ["20003a", false],
    ["200 031", false],
    ["", false],
  ])("%j → %s", (text, valid) => {
    expect(isValidPostcode(text)).toBe(valid);
  });
});
