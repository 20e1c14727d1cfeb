/**
 * The text Excel displays for a value under a number format, for the formats the product's workbooks use.
 * Not a full implementation of Excel's format language: General, fixed decimals, thousands separators,
 * percentages, text (@) and date/time patterns (including quoted literals such as "年").
 */
export type CellScalar = string | number | boolean;

const EXCEL_EPOCH_MS = Date.UTC(1899, 11, 30);

/** Excel's serial day number to a UTC date (serials before 1900-03-01 ignore Excel's fictitious 1900-02-29). */
export function serialToDate(serial: number): Date {
  const base = serial < 60 ? EXCEL_EPOCH_MS + 86_400_000 : EXCEL_EPOCH_MS;
  return new Date(base + Math.round(serial * 86_400_000));
}

/** Strips quoted literals, escapes and [colour]/[$-locale] brackets, leaving the format's tokens. */
function bareTokens(format: string): string {
  return format
    .replace(/"[^"]*"/g, "")
    .replace(/\\./g, "")
    .replace(/\[[^\]]*\]/g, "");
}

export function isDateFormat(format: string): boolean {
  if (format === "General" || format === "@") return false;
  return /[ymdhs]/i.test(bareTokens(format.split(";")[0] ?? ""));
}

function formatGeneral(n: number): string {
  if (!Number.isFinite(n)) return "#NUM!";
  if (n === 0) return "0";
  const abs = Math.abs(n);
  if (abs >= 1e11 || abs < 1e-9) {
    const [mant, exp] = n.toExponential(5).split("e");
    const m = String(Number(mant));
    const e = Number(exp);
    return `${m}E${e < 0 ? "-" : "+"}${String(Math.abs(e)).padStart(2, "0")}`;
  }
  if (Number.isInteger(n)) return String(n);
  return String(Number(n.toPrecision(10)));
}

function withThousands(intPart: string): string {
  return intPart.replace(/\B(?=(\d{3})+(?!\d))/g, ",");
}

function formatNumberPattern(n: number, pattern: string): string {
  const percent = pattern.includes("%");
  const v = percent ? n * 100 : n;
  const dot = pattern.indexOf(".");
  const decimals = dot < 0 ? 0 : (pattern.slice(dot + 1).match(/[0#]/g) ?? []).length;
  const fixed = Math.abs(v).toFixed(decimals);
  const [i = "0", f] = fixed.split(".");
  const intText = pattern.includes(",") ? withThousands(i) : i;
  const sign = v < 0 && Number(fixed) !== 0 ? "-" : "";
  return `${sign}${intText}${f !== undefined ? `.${f}` : ""}${percent ? "%" : ""}`;
}

function pad(n: number, width: number): string {
  return String(n).padStart(width, "0");
}

function formatDate(serial: number, format: string): string {
  const d = serialToDate(serial);
  const parts = {
    y: d.getUTCFullYear(),
    mo: d.getUTCMonth() + 1,
    d: d.getUTCDate(),
    h: d.getUTCHours(),
    mi: d.getUTCMinutes(),
    s: d.getUTCSeconds(),
  };
  let out = "";
  let i = 0;
  let lastWasHour = false;
  const f = format.replace(/\[[^\]]*\]/g, "");
  while (i < f.length) {
    const ch = f[i] ?? "";
    if (ch === '"') {
      const end = f.indexOf('"', i + 1);
      out += f.slice(i + 1, end < 0 ? f.length : end);
      i = end < 0 ? f.length : end + 1;
      continue;
    }
    if (ch === "\\") {
      out += f[i + 1] ?? "";
      i += 2;
      continue;
    }
    const run = /^(y+|m+|d+|h+|s+)/i.exec(f.slice(i))?.[0];
    if (!run) {
      out += ch;
      i++;
      continue;
    }
    const kind = run[0]?.toLowerCase();
    const len = run.length;
    if (kind === "y") out += len <= 2 ? pad(parts.y % 100, 2) : String(parts.y);
    else if (kind === "d") out += len === 1 ? String(parts.d) : pad(parts.d, 2);
    else if (kind === "h") out += len === 1 ? String(parts.h) : pad(parts.h, 2);
    else if (kind === "s") out += len === 1 ? String(parts.s) : pad(parts.s, 2);
    else if (kind === "m") {
      const minutes = lastWasHour || /^s/i.test(f.slice(i + len).replace(/^[^A-Za-z]*/, ""));
      const v = minutes ? parts.mi : parts.mo;
      out += len === 1 ? String(v) : pad(v, 2);
    }
    lastWasHour = kind === "h";
    i += len;
  }
  return out;
}

/** The displayed text of a value under a number format. */
export function formatValue(value: CellScalar, format: string): string {
  if (typeof value === "string") return value;
  if (typeof value === "boolean") return value ? "TRUE" : "FALSE";
  const section = format.split(";")[0] ?? "General";
  if (section === "General" || section === "@" || section === "") return formatGeneral(value);
  if (isDateFormat(section)) return formatDate(value, section);
  if (/[0#]/.test(section)) return formatNumberPattern(value, bareTokens(section));
  return formatGeneral(value);
}
