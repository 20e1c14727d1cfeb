import {
  checkCreditCode,
  checkIdCard,
  creditCodeCheckChar,
  idCardCheckChar,
  lostPrecision,
} from "../../src/core/read/codes";
import { dateCell, emptyCell, numberCell, textCell } from "./cells";

// The check characters are recomputed here from the standards' definitions, independently of the module's
// tables: GB 32100 weights are 3^i mod 31, GB 11643 weights are 2^(17−i) mod 11.
const CREDIT_ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY";
function expectedCreditCheck(first17: string): string {
  let sum = 0;
  let weight = 1;
  for (const ch of first17) {
    sum += CREDIT_ALPHABET.indexOf(ch) * weight;
    weight = (weight * 3) % 31;
  }
  return CREDIT_ALPHABET.charAt((31 - (sum % 31)) % 31);
}
function expectedIdCheck(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(first17.charAt(i)) * (2 ** (17 - i) % 11);
  return "10X98765432".charAt(sum % 11);
}

describe("checkCreditCode (GB 32100-2015)", () => {
  // Hand-computed: Σ = 9·1 + 1·3 + 3·9 + 1·27 + 0·19 + 1·26 + 1·16 + 5·17 = 193; 193 mod 31 = 7; 31 − 7 = 24 → Q.
  it("accepts a hand-verified code", () => {
    expect(checkCreditCode("91310115000000000Q")).toEqual({
      ok: true,
      code: "91310115000000000Q",
      region: "310115",
    });
  });

  const bodies = [
    "91310000MA1FL0AB1",
    "91310115MA1K4XYW0",
    "12310000425006117",
    "52310000MJ4936210",
    "91350100M00010000",
    "11100000000013127",
    "9111010871092147X",
    "31310000MD0123456",
  ];
  it.each(bodies)("accepts %s plus its computed check character", (body) => {
    const check = expectedCreditCheck(body);
    expect(creditCodeCheckChar(body)).toBe(check);
    expect(checkCreditCode(body + check)).toEqual({ ok: true, code: body + check, region: body.slice(2, 8) });
  });

  it.each(bodies)("rejects %s with any other check character", (body) => {
    const right = expectedCreditCheck(body);
    for (const wrong of CREDIT_ALPHABET) {
      if (wrong === right) continue;
      expect(checkCreditCode(body + wrong)).toEqual({ ok: false, problem: "checksum" });
    }
  });

  it("covers the check value 0 (31 − Σ mod 31 = 31)", () => {
    // Find a body whose sum is a multiple of 31 by varying its 17th character.
    const found = [...CREDIT_ALPHABET]
      .map((c) => `9131011500000000${c}`)
      .find((b) => expectedCreditCheck(b) === "0");
    expect(found).toBeDefined();
    expect(checkCreditCode(`${found}0`).ok).toBe(true);
  });

  it.each([
    [" 91310115000000000Q ", "91310115000000000Q"],
    ["91310115 00000000 0Q", "91310115000000000Q"],
    ["９１３１０１１５０００００００００Ｑ", "91310115000000000Q"],
    ["91310115000000000q", "91310115000000000Q"],
  ])("forgives the way %j is typed", (text, code) => {
    expect(checkCreditCode(text)).toMatchObject({ ok: true, code });
  });

  it.each([
    ["", "length"],
    ["91310115000000000", "length"],
    ["91310115000000000QQ", "length"],
    ["无", "length"],
    ["91310115000000000I", "charset"], // I, O, S, V, Z are not in the alphabet
    ["9131011500000000OQ", "charset"],
    ["91310115-00000000Q", "charset"],
    ["91A10115000000000Q", "charset"], // region code (characters 3–8) must be digits
    ["91310115000000000R", "checksum"],
    ["91310116000000000Q", "checksum"], // one digit changed
  ])("%j fails with %s", (text, problem) => {
    expect(checkCreditCode(text)).toEqual({ ok: false, problem });
  });
});

describe("checkIdCard (GB 11643-1999)", () => {
  // Hand-verified examples: the standard's own 11010519491231002X (Σ = 167, 167 mod 11 = 2 → X)
  // and 440524188001010014 (Σ = 195, 195 mod 11 = 8 → 4).
  it.each([
    ["11010519491231002X", { year: 1949, month: 12, day: 31 }],
    ["11010519491231002x", { year: 1949, month: 12, day: 31 }],
    ["440524188001010014", { year: 1880, month: 1, day: 1 }],
  ])("accepts %s", (text, birth) => {
    expect(checkIdCard(text)).toMatchObject({ ok: true, code: text.toUpperCase(), birth });
  });

  const bodies = ["31011519800101123", "35010219951231456", "42010620000229789", "11010820051015000"];
  it.each(bodies)("accepts %s plus its computed check character", (body) => {
    const check = expectedIdCheck(body);
    expect(idCardCheckChar(body)).toBe(check);
    expect(checkIdCard(body + check)).toMatchObject({
      ok: true,
      code: body + check,
      region: body.slice(0, 6),
    });
  });

  it.each(bodies)("rejects %s with any other check character", (body) => {
    const right = expectedIdCheck(body);
    for (const wrong of "0123456789X") {
      if (wrong !== right) expect(checkIdCard(body + wrong)).toEqual({ ok: false, problem: "checksum" });
    }
  });

  it.each([
    ["", "length"],
    ["110105491231002", "length"], // the old 15-digit form
    ["11010519491231002X1", "length"],
    ["1101051949123100XX", "charset"],
    ["11010519491231002Y", "charset"],
    ["11O10519491231002X", "charset"],
    ["110105194902300021", "birthdate"], // 30 February
    ["110105194913010021", "birthdate"], // month 13
    ["110105170001010021", "birthdate"],
    ["110105194912310021", "checksum"],
  ])("%j fails with %s", (text, problem) => {
    expect(checkIdCard(text)).toEqual({ ok: false, problem });
  });

  it("rejects a birth date after today when today is given", () => {
    const body = "31011520300101123";
    const code = body + expectedIdCheck(body);
    expect(checkIdCard(code).ok).toBe(true);
    expect(checkIdCard(code, { year: 2026, month: 4, day: 15 })).toEqual({ ok: false, problem: "birthdate" });
  });
});

describe("lostPrecision", () => {
  it.each([
    ["an 18-digit ID stored as a number", numberCell(1.1010519491231e17, undefined, "1.10105E+17"), true],
    ["the number Excel kept of 110105194912310021", numberCell(110105194912310020), true],
    ["a credit code of digits stored as a number", numberCell(123100004250061170), true],
    ["15 digits", numberCell(123456789012345), true],
    ["a negative 15-digit number", numberCell(-123456789012345), true],
    ["14 digits", numberCell(12345678901234), false],
    ["an ordinary amount", numberCell(127000), false],
    ["scientific notation kept as text", textCell("1.10105194912310E+17"), true],
    ["scientific notation in lower case", textCell("9.1310115e+17"), true],
    ["a small number in scientific notation", textCell("1.5E+3"), false],
    ["the ID as text", textCell("11010519491231002X"), false],
    ["an empty cell", emptyCell, false],
    ["a date", dateCell("2026-04-15"), false],
    ["infinity", numberCell(Number.POSITIVE_INFINITY), false],
  ])("%s → %s", (_name, cell, lost) => {
    expect(lostPrecision(cell)).toBe(lost);
  });
});
