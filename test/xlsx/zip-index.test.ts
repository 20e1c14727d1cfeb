import { entryDataOffset, readZipIndex } from "../../src/adapters/xlsx/zip-index";
import { inflateRawSync } from "node:zlib";
import { workbookBytes } from "./helpers";

/** A one-entry zip written by hand with ZIP64 fields (sizes and offset in the extra field, a ZIP64 end record). */
function zip64(name: string, content: Buffer): Buffer {
  const nameBytes = Buffer.from(name);
  const local = Buffer.alloc(30);
  local.writeUInt32LE(0x04034b50, 0);
  local.writeUInt16LE(45, 4);
  local.writeUInt32LE(content.length, 18);
  local.writeUInt32LE(content.length, 22);
  local.writeUInt16LE(nameBytes.length, 26);
  const extra = Buffer.alloc(28);
  extra.writeUInt16LE(0x0001, 0);
  extra.writeUInt16LE(24, 2);
  extra.writeBigUInt64LE(BigInt(content.length), 4);
  extra.writeBigUInt64LE(BigInt(content.length), 12);
  extra.writeBigUInt64LE(0n, 20);
  const central = Buffer.alloc(46);
  central.writeUInt32LE(0x02014b50, 0);
  central.writeUInt16LE(45, 4);
  central.writeUInt16LE(45, 6);
  central.writeUInt32LE(0xffffffff, 20);
  central.writeUInt32LE(0xffffffff, 24);
  central.writeUInt16LE(nameBytes.length, 28);
  central.writeUInt16LE(extra.length, 30);
  central.writeUInt32LE(0xffffffff, 42);
  const dirOffset = local.length + nameBytes.length + content.length;
  const dirSize = central.length + nameBytes.length + extra.length;
  const z64 = Buffer.alloc(56);
  z64.writeUInt32LE(0x06064b50, 0);
  z64.writeBigUInt64LE(44n, 4);
  z64.writeBigUInt64LE(1n, 24);
  z64.writeBigUInt64LE(1n, 32);
  z64.writeBigUInt64LE(BigInt(dirSize), 40);
  z64.writeBigUInt64LE(BigInt(dirOffset), 48);
  const locator = Buffer.alloc(20);
  locator.writeUInt32LE(0x07064b50, 0);
  locator.writeBigUInt64LE(BigInt(dirOffset + dirSize), 8);
  locator.writeUInt32LE(1, 16);
  const eocd = Buffer.alloc(22);
  eocd.writeUInt32LE(0x06054b50, 0);
  eocd.writeUInt16LE(0xffff, 8);
  eocd.writeUInt16LE(0xffff, 10);
  eocd.writeUInt32LE(0xffffffff, 12);
  eocd.writeUInt32LE(0xffffffff, 16);
  return Buffer.concat([local, nameBytes, content, central, nameBytes, extra, z64, locator, eocd]);
}

describe("readZipIndex", () => {
  it("lists every part of an xlsx with sizes that inflate to the part", async () => {
    const bytes = await workbookBytes([
      {
        name: "推荐表",
        rows: [
          ["推荐排序", "项目名称"],
          [1, "研修班"],
        ],
      },
    ]);
    const index = readZipIndex(bytes);
    if (!index.ok) throw new Error(index.reason);
    const names = index.entries.map((e) => e.name);
    expect(names).toEqual(
      expect.arrayContaining(["xl/workbook.xml", "xl/worksheets/sheet1.xml", "[Content_Types].xml"]),
    );
    const sheet = index.entries.find((e) => e.name === "xl/worksheets/sheet1.xml");
    if (!sheet) throw new Error("no sheet");
    const start = entryDataOffset(bytes, sheet);
    const xml = inflateRawSync(bytes.subarray(start, start + sheet.compressedSize));
    expect(xml.length).toBe(sheet.uncompressedSize);
    expect(xml.toString("utf8")).toContain("<sheetData>");
  });

  it.each([
    ["cut to half its length", (b: Buffer) => b.subarray(0, Math.floor(b.length / 2)), "no-directory"],
    ["missing its last 10 bytes", (b: Buffer) => b.subarray(0, b.length - 10), "no-directory"],
    ["shorter than a directory record", (b: Buffer) => b.subarray(0, 12), "no-directory"],
  ])("a zip %s is reported, not thrown", async (_name, cut, reason) => {
    const bytes = await workbookBytes([{ name: "S", rows: [["x"]] }]);
    expect(readZipIndex(cut(bytes))).toEqual({ ok: false, reason });
  });

  it("an end record pointing past the file's end is truncated", async () => {
    const bytes = Buffer.from(await workbookBytes([{ name: "S", rows: [["x"]] }]));
    const eocd = bytes.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
    // Drop the bytes before the directory: its offset now lies beyond what is left.
    const shifted = Buffer.concat([bytes.subarray(1000, eocd), bytes.subarray(eocd)]);
    expect(readZipIndex(shifted)).toEqual({ ok: false, reason: "truncated" });
  });

  it("reads ZIP64 sizes and offsets from the extra field", () => {
    const content = Buffer.from("<worksheet/>");
    const index = readZipIndex(zip64("xl/worksheets/sheet1.xml", content));
    expect(index).toEqual({
      ok: true,
      entries: [
        {
          name: "xl/worksheets/sheet1.xml",
          method: 0,
          compressedSize: 12,
          uncompressedSize: 12,
          localHeaderOffset: 0,
        },
      ],
    });
  });
});
