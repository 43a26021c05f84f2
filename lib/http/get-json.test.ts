import { afterEach, describe, expect, it, vi } from "vitest";
import { errorResponse } from "./respond";
import { getJson, RequestError } from "./get-json";

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
    expect(error).toMatchObject({ message: "This version does not exist.", code: "not_found" });
  });

  it("names the status, without a code, when the answer is not ours (a gateway's HTML)", async () => {
    answer(new Response("<html>Bad gateway</html>", { status: 502 }));
    await expect(getJson("/api/x")).rejects.toMatchObject({ message: "The server answered 502.", code: null });
  });
});
