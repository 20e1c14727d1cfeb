// The example workbook the file mode opens with, so a first visit shows the pane at work at once. It is one of the
// workbooks `npm run build:examples` writes into examples/, copied into the build by webpack and fetched from the
// pane's own origin (the only request the file mode makes; the CSP allows 'self' and nothing else).

/** Where the example is, relative to taskpane.html, and the name it is shown and downloaded under. */
export interface ExampleWorkbook {
  name: string;
  url: string;
}

/** A 推荐表 with a gap in the ranking, a repeated title and 重点推荐 over quota: findings and statistics to show. */
export const EXAMPLE_WORKBOOK: ExampleWorkbook = {
  name: "sh-recommendation.xlsx",
  url: "examples/sh-recommendation.xlsx",
};

/** The example's bytes; a missing file or a failed request throws with the status in the message. */
export async function fetchExample(example: ExampleWorkbook): Promise<Uint8Array> {
  const response = await fetch(example.url, { credentials: "same-origin", cache: "no-cache" });
  if (!response.ok) throw new Error(`HTTP ${response.status}`);
  return new Uint8Array(await response.arrayBuffer());
}

/** The example's bytes as a buffer of their own, to be transferred to the worker that opens it. */
export async function fetchExampleBuffer(example: ExampleWorkbook): Promise<ArrayBuffer> {
  const bytes = await fetchExample(example);
  return bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength
    ? (bytes.buffer as ArrayBuffer)
    : (bytes.slice().buffer as ArrayBuffer);
}
