import { describe, expect, it } from "vitest";
import { refuseCrossSite } from "./respond";

function save(headers: Record<string, string>): Request {
  return new Request("http://127.0.0.1:3000/api/projects/p/files/content?path=a", {
    method: "PUT",
    headers: { host: "127.0.0.1:3000", "content-type": "application/json", ...headers },
  });
}

describe("refuseCrossSite", () => {
  it.each([["null"], ["not a url"], ["https://127.0.0.1:3000"], ["http://evil.example"]])("answers Origin %j with 403 JSON, never a throw", async (origin) => {
    const response = refuseCrossSite(save({ origin }));
    expect(response?.status).toBe(403);
    expect(await response!.json()).toEqual({ error: { code: "forbidden", message: "Cross-site requests are not allowed." } });
  });

  it("refuses a save without Origin or Referer", () => {
    expect(refuseCrossSite(save({}))?.status).toBe(403);
  });

  it("lets the app's own JSON save through, and refuses its text/plain one as invalid", () => {
    expect(refuseCrossSite(save({ origin: "http://127.0.0.1:3000" }))).toBeNull();
    expect(refuseCrossSite(save({ origin: "http://127.0.0.1:3000", "content-type": "text/plain" }))?.status).toBe(400);
  });
});
