import type { RawCell } from "../grid/types";
import { compareDates, daysInMonth } from "./date";
import { compactText } from "./normalise";
import type { DateOnly } from "./types";

/** Why a code failed: wrong length, a character the code cannot hold, a wrong check character, a bad birth date. */
export type CodeProblem = "length" | "charset" | "checksum" | "birthdate";

// GB 32100-2015: 31 characters (no I, O, S, V, Z), weights 3^i mod 31, check = 31 − (Σ mod 31), 31 → 0.
const CREDIT_CHARSET = "0123456789ABCDEFGHJKLMNPQRTUWXY";
const CREDIT_WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28] as const;
const CREDIT_CODE = /^[0-9A-HJ-NPQRTUWXY]{18}$/;
const CREDIT_REGION = /^\d{6}$/;

/**
 * The check character (18th) of a 统一社会信用代码 from its first 17 characters; undefined when those contain a
 * character outside the code's alphabet. Used to check codes and to build valid ones for tests and templates.
 */
export function creditCodeCheckChar(first17: string): string | undefined {
  if (first17.length !== 17) return undefined;
  let sum = 0;
  for (let i = 0; i < 17; i++) {
    const v = CREDIT_CHARSET.indexOf(first17.charAt(i));
    if (v < 0) return undefined;
    sum += v * (CREDIT_WEIGHTS[i] ?? 0);
  }
  const check = 31 - (sum % 31);
  return CREDIT_CHARSET.charAt(check === 31 ? 0 : check);
}

/**
 * A 统一社会信用代码 checked against GB 32100-2015: 18 characters of 0-9A-HJ-NPQRTUWXY, characters 3–8 a
 * six-digit region code (Shanghai 31xxxx), and the check character. Spaces and full-width characters are
 * forgiven, lower-case letters are upper-cased.
 */
export function checkCreditCode(
  text: string,
): { ok: true; code: string; region: string } | { ok: false; problem: CodeProblem } {
  const code = compactText(typeof text === "string" ? text : "").toUpperCase();
  if (code.length !== 18) return { ok: false, problem: "length" };
  const region = code.slice(2, 8);
  if (!CREDIT_CODE.test(code) || !CREDIT_REGION.test(region)) return { ok: false, problem: "charset" };
  if (creditCodeCheckChar(code.slice(0, 17)) !== code.charAt(17)) return { ok: false, problem: "checksum" };
  return { ok: true, code, region };
}

// GB 11643-1999: weights 2^(17−i) mod 11, check character "10X98765432"[Σ mod 11].
const ID_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2] as const;
const ID_CHECK = "10X98765432";
const ID_CODE = /^\d{17}[\dX]$/;
const SEVENTEEN_DIGITS = /^\d{17}$/;

/** A real calendar day from 1800 on (the standard's own example is born in 1880). */
function birthDate(year: number, month: number, day: number): DateOnly | undefined {
  if (year < 1800 || year > 2100 || day < 1 || day > daysInMonth(year, month)) return undefined;
  return { year, month, day };
}

/** The check character of a 身份证号 from its first 17 digits; undefined when they are not 17 digits. */
export function idCardCheckChar(first17: string): string | undefined {
  if (!SEVENTEEN_DIGITS.test(first17)) return undefined;
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += (first17.charCodeAt(i) - 48) * (ID_WEIGHTS[i] ?? 0);
  return ID_CHECK.charAt(sum % 11);
}

/**
 * A 身份证号 checked against GB 11643-1999: 18 characters (17 digits and a digit or X), a real birth date in
 * characters 7–14 (not after `today` when given), and the check character. A lower-case x is accepted.
 */
export function checkIdCard(
  text: string,
  today?: DateOnly,
): { ok: true; code: string; birth: DateOnly; region: string } | { ok: false; problem: CodeProblem } {
  const code = compactText(typeof text === "string" ? text : "").toUpperCase();
  if (code.length !== 18) return { ok: false, problem: "length" };
  if (!ID_CODE.test(code)) return { ok: false, problem: "charset" };
  const birth = birthDate(Number(code.slice(6, 10)), Number(code.slice(10, 12)), Number(code.slice(12, 14)));
  if (!birth || (today !== undefined && compareDates(birth, today) > 0))
    return { ok: false, problem: "birthdate" };
  if (idCardCheckChar(code.slice(0, 17)) !== code.charAt(17)) return { ok: false, problem: "checksum" };
  return { ok: true, code, birth, region: code.slice(0, 6) };
}

/** Excel keeps 15 significant digits: an 18-digit code typed as a number is rounded (and shown as 1.10105E+17). */
const PRECISION_LIMIT = 1e14;
const SCIENTIFIC = /^[+-]?\d(?:\.\d+)?E\+?(\d{1,3})$/i;

/**
 * True when a code or ID was stored as a number of 15 or more digits, so its tail is already lost: a numeric
 * cell of that size, or text holding the scientific notation Excel showed (1.10105194912310E+17).
 */
export function lostPrecision(cell: RawCell): boolean {
  const value = cell?.value;
  if (typeof value === "number") return Number.isFinite(value) && Math.abs(value) >= PRECISION_LIMIT;
  if (typeof value !== "string") return false;
  const m = SCIENTIFIC.exec(value.trim());
  return m !== null && Number(m[1]) >= 14;
}
