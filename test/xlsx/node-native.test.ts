import { deflateRawSync, inflateRawSync } from "node:zlib";
import fc from "fast-check";
import { nodeAsciiText, nodeRawInflate } from "../../src/adapters/xlsx/node-native";
import { utf8Text, WorkbookPackage } from "../../src/adapters/xlsx/package";

// The CLI's native helpers must give what the portable path (TextDecoder, zlib's default chunks) gives.
describe("nodeAsciiText", () => {
  it("decodes ASCII bytes as UTF-8 does, and declines any byte past ASCII", () => {
    const byte = fc.oneof(fc.integer({ min: 0, max: 0x7f }), fc.integer({ min: 0, max: 0xff }));
    fc.assert(
      fc.property(fc.array(byte, { maxLength: 200 }), fc.nat(8), (values, offset) => {
        // A view into a larger buffer, as inflated parts are.
        const backing = new Uint8Array(values.length + offset + 3).fill(0x41);
        backing.set(values, offset);
        const bytes = backing.subarray(offset, offset + values.length);
        const text = nodeAsciiText(bytes);
        if (values.every((v) => v < 0x80)) expect(text).toBe(new TextDecoder().decode(bytes));
        else expect(text).toBeUndefined();
      }),
      { numRuns: 3000 },
    );
  });

  it("leaves utf8Text's answer unchanged for ASCII, a byte-order mark, UTF-16 and CJK parts", () => {
    const parts = ['<x a="1">plain</x>', "\ufeff<x>bom</x>", "<x>研修班</x>", "", "<x>\u0000\u007f</x>"].map(
      (s) => new TextEncoder().encode(s),
    );
    const utf16 = new Uint8Array([0xff, 0xfe, 0x3c, 0x00, 0x78, 0x00, 0x3e, 0x00]);
    const noBomUtf16 = new Uint8Array([0x3c, 0x00, 0x78, 0x00, 0x2f, 0x00, 0x3e, 0x00]);
    const all = [...parts, utf16, noBomUtf16];
    const portable = all.map((b) => utf8Text(b));
    try {
      WorkbookPackage.useNative(nodeRawInflate, nodeAsciiText);
      expect(all.map((b) => utf8Text(b))).toEqual(portable);
    } finally {
      WorkbookPackage.useNative(undefined);
    }
    expect(portable[1]).toBe("<x>bom</x>");
    expect(portable[6]).toBe("<x/>");
  });
});

describe("nodeRawInflate", () => {
  const text = Buffer.from('<row><c r="A1"><v>1</v></c></row>'.repeat(5000));
  const data = deflateRawSync(text);

  it.each([
    ["the true size", text.length],
    ["no size", 0],
    ["a size too small", 100],
    ["a size too large", text.length * 3],
    ["a size past what the data can hold", 2 ** 32 - 1],
  ])("inflates with %s claimed", (_, claimed) => {
    const out = nodeRawInflate(data, 10 * 1024 * 1024, claimed);
    expect(Buffer.compare(Buffer.from(out), text)).toBe(0);
  });

  it("stops at the cap whatever size is claimed, as zlib alone does", () => {
    const cap = 1000;
    for (const claimed of [0, 500, text.length]) {
      const alone = (() => {
        try {
          return inflateRawSync(data, { maxOutputLength: cap }).length;
        } catch (e) {
          return (e as { code?: string }).code;
        }
      })();
      const ours = (() => {
        try {
          return nodeRawInflate(data, cap, claimed).length;
        } catch (e) {
          return (e as { code?: string }).code;
        }
      })();
      expect(ours).toEqual(alone);
    }
  });
});
