/** What the readers of the training-institution form expect, for `unreadable` messages (reader vocabulary). */
export const instExpected = {
  count: { zh: "人数或人次（如“1500”或“1500人次”）", en: "a count such as 1500" },
  fee: { zh: "每学时费用（元），如“200”或“200元”", en: "a fee per class hour in yuan, such as 200" },
  date: { zh: "日期（如“2015年6月1日”或“2015-06-01”）", en: "a date such as 2015-06-01" },
  yesNo: { zh: "“是”或“否”", en: "是 (yes) or 否 (no)" },
} as const;
