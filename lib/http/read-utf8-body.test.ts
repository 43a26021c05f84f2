import { describe, expect, it } from "vitest";
import { decodeUtf8, readBodyUpTo, readUtf8Body } from "./read-utf8-body";

const NOT_UTF8 = { ok: false, error: { code: "invalid", message: "The file is not valid UTF-8 text." } };

function put(body: Uint8Array<ArrayBuffer>) {
  return new Request("http://127.0.0.1/api/projects/p/files/content?path=a.ts", {
    method: "PUT",
    headers: { "Content-Type": "application/json" },
    body,
  });
}

const bytes = (...values: number[]) => new Uint8Array(values);
const utf8 = (text: string) => new TextEncoder().encode(text);

describe("readUtf8Body", () => {
  it("reads a UTF-8 body exactly, whatever the script", async () => {
    const text = JSON.stringify({ content: "ünïcødé 日本語 🚀 \u202e\u200b", baseRevision: 3 });
    expect(await readUtf8Body(put(utf8(text)))).toEqual({ ok: true, value: text });
  });

  it("reads an empty body as empty text", async () => {
    expect(await readUtf8Body(put(bytes()))).toEqual({ ok: true, value: "" });
  });

  it.each([
    ["a Latin-1 byte", bytes(0x7b, 0x22, 0x63, 0xe9, 0x22, 0x7d)],
    ["a lone continuation byte", bytes(0x61, 0x80, 0x62)],
    ["a truncated sequence at the end", bytes(0x61, 0xe2, 0x82)],
    ["an overlong encoding of /", bytes(0xc0, 0xaf)],
    ["an encoded UTF-16 surrogate", bytes(0xed, 0xa0, 0x80)],
    ["a code point above U+10FFFF", bytes(0xf4, 0x90, 0x80, 0x80)],
  ])("refuses %s instead of storing U+FFFD", async (_label, body) => {
    expect(await readUtf8Body(put(body))).toEqual(NOT_UTF8);
  });

  it("keeps a real U+FFFD that the sender wrote", () => {
    expect(decodeUtf8(utf8("a\ufffdb"))).toEqual({ ok: true, value: "a\ufffdb" });
  });
});

describe("readBodyUpTo", () => {
  /** A body streamed in chunks without a Content-Length, as a chunked upload arrives. */
  function streamed(chunks: number, chunkBytes: number) {
    let sent = 0;
    let pulled = 0;
    const body = new ReadableStream<Uint8Array>({
      pull(controller) {
        if (sent === chunks) return controller.close();
        sent++;
        pulled += chunkBytes;
        controller.enqueue(new Uint8Array(chunkBytes).fill(97));
      },
    });
    const request = new Request("http://127.0.0.1/api/v1/projects", { method: "POST", body, duplex: "half" } as RequestInit);
    return { request, pulled: () => pulled };
  }

  it("reads a body within the limit whole", async () => {
    const { request } = streamed(4, 1000);
    const read = await readBodyUpTo(request, 4000, "too big");
    expect(read.ok && read.value.byteLength).toBe(4000);
  });

  it("stops reading a body without a length as soon as it passes the limit", async () => {
    const { request, pulled } = streamed(1000, 1000);
    expect(await readBodyUpTo(request, 4000, "too big")).toEqual({ ok: false, error: { code: "too_large", message: "too big" } });
    expect(pulled()).toBeLessThan(10_000);
  });

  it("refuses a declared length over the limit without reading", async () => {
    const request = new Request("http://127.0.0.1/api/v1/projects", { method: "POST", headers: { "content-length": "5000" }, body: "x" });
    expect(await readBodyUpTo(request, 4000, "too big")).toMatchObject({ ok: false, error: { code: "too_large" } });
  });
});
