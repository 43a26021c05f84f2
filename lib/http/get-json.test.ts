import { afterEach, describe, expect, it, vi } from "vitest";
import { errorResponse } from "./respond";
import { getJson } from "./get-json";
import { RequestError } from "./request-error";

afterEach(() => vi.unstubAllGlobals());

function answer(response: Response) {
  const fetchMock = vi.fn(async () => response);
  vi.stubGlobal("fetch", fetchMock);
  return fetchMock;
}

describe("getJson", () => {
  it("returns the body of a successful answer, bypassing the HTTP cache", async () => {
    const fetchMock = answer(Response.json({ names: ["1.0.0"] }));
    await expect(getJson("/api/x")).resolves.toEqual({ names: ["1.0.0"] });
    expect(fetchMock).toHaveBeenCalledWith("/api/x", expect.objectContaining({ cache: "no-store" }));
  });

  it("throws the server's message and code for a refusal", async () => {
    answer(errorResponse({ code: "not_found", message: "This version does not exist." }));
    const error = await getJson("/api/x").catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(RequestError);
    expect(error).toMatchObject({ message: "This version does not exist.", code: "not_found", status: 404 });
  });

  it("carries the reference of a failure the server logged", async () => {
    answer(errorResponse({ code: "unexpected", message: "Something went wrong (ref abcd1234).", ref: "abcd1234" }));
    await expect(getJson("/api/x")).rejects.toMatchObject({ code: "unexpected", status: 500, ref: "abcd1234" });
  });

  it("says the server cannot be reached when no answer came, instead of the browser's TypeError", async () => {
    vi.stubGlobal("fetch", vi.fn(async () => Promise.reject(new TypeError("Failed to fetch"))));
    await expect(getJson("/api/x")).rejects.toMatchObject({ message: expect.stringMatching(/^Cannot reach the server/), status: null });
  });

  it("passes the caller's abort through untouched", async () => {
    const controller = new AbortController();
    const abort = new DOMException("The operation was aborted.", "AbortError");
    vi.stubGlobal("fetch", vi.fn(async () => Promise.reject(abort)));
    controller.abort();
    await expect(getJson("/api/x", controller.signal)).rejects.toBe(abort);
  });

  it("names the status, without a code, when the answer is not ours (a gateway's HTML)", async () => {
    answer(new Response("<html>Bad gateway</html>", { status: 502 }));
    await expect(getJson("/api/x")).rejects.toMatchObject({ message: "The server answered 502.", code: null });
  });
});
