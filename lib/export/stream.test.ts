import { describe, expect, it } from "vitest";
import { textStream } from "./stream";

async function read(stream: ReadableStream<Uint8Array>): Promise<string> {
  return new Response(stream).text();
}

describe("textStream", () => {
  it("sends every chunk in order", async () => {
    async function* chunks() {
      yield "a,";
      yield "b\r\n";
    }
    expect(await read(await textStream(chunks()))).toBe("a,b\r\n");
  });

  it("fails before any body exists when the first chunk fails", async () => {
    // biome-ignore lint/correctness/useYield: fails before its first chunk, as a database would
    async function* failing(): AsyncGenerator<string> {
      throw new Error("database unavailable");
    }
    await expect(textStream(failing())).rejects.toThrow("database unavailable");
  });

  it("ends the generator when the reader goes away, so it can release what it holds", async () => {
    let released = false;
    async function* endless() {
      try {
        for (;;) yield "row\r\n";
      } finally {
        released = true;
      }
    }
    const stream = await textStream(endless());
    await stream.getReader().cancel();
    expect(released).toBe(true);
  });
});
