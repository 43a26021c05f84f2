import { afterEach, describe, expect, it, vi } from "vitest";
import { errorResponse } from "./respond";
import { describeFailure, isWorthRetrying } from "./describe-failure";
import { readRequestError, RequestError } from "./request-error";

afterEach(() => vi.unstubAllGlobals());

/** What Next's client rejects a server action with when the action threw on the server. */
function thrownServerAction(digest: string) {
  return Object.assign(new Error("An error occurred in the Server Components render."), { digest });
}

describe("describeFailure", () => {
  it("calls a fetch that got no answer a network problem", () => {
    expect(describeFailure(new TypeError("Failed to fetch"))).toEqual({
      kind: "network",
      message: "Cannot reach the server. Check your connection and try again.",
    });
    expect(describeFailure(new TypeError("NetworkError when attempting to fetch resource.")).kind).toBe("network");
    expect(describeFailure(new RequestError("Cannot reach the server.", null, null)).kind).toBe("network");
  });

  it("says the browser is offline when it knows", () => {
    vi.stubGlobal("navigator", { onLine: false });
    expect(describeFailure(new TypeError("Failed to fetch"))).toMatchObject({ kind: "network", message: expect.stringMatching(/^You are offline/) });
  });

  it("shows a 5xx the server logged with its reference", async () => {
    const error = await readRequestError(errorResponse({ code: "unexpected", message: "Something went wrong (ref abcd1234).", ref: "abcd1234" }));
    expect(describeFailure(error)).toEqual({ kind: "server", message: "Something went wrong (ref abcd1234).", ref: "abcd1234" });
  });

  it("shows a 5xx without a reference (a gateway's page) as a server problem with its status", async () => {
    const error = await readRequestError(new Response("<html>Bad gateway</html>", { status: 502 }));
    expect(describeFailure(error)).toEqual({
      kind: "server",
      message: "Something went wrong on the server (it answered 502). Try again in a moment.",
      ref: null,
    });
  });

  it("passes a 4xx domain error on with the server's message and code", async () => {
    const error = await readRequestError(errorResponse({ code: "conflict", message: "A version named 1.1.0 already exists." }));
    expect(describeFailure(error)).toEqual({ kind: "refused", message: "A version named 1.1.0 already exists.", code: "conflict" });
  });

  it("treats a server action that threw as a server failure, with Next's digest as the reference", () => {
    expect(describeFailure(thrownServerAction("2841720532"))).toEqual({
      kind: "server",
      message: "Something went wrong (ref 2841720532).",
      ref: "2841720532",
    });
    expect(describeFailure(new Error("An unexpected response was received from the server."))).toMatchObject({ kind: "server", ref: null });
  });

  it("reports a thrown client bug as a bug, never as a network problem", () => {
    const bug = new TypeError("Cannot read properties of undefined (reading 'name')");
    expect(describeFailure(bug)).toEqual({ kind: "bug", error: bug });
    expect(describeFailure(new RangeError("Invalid time value")).kind).toBe("bug");
    expect(describeFailure("a string thrown by mistake").kind).toBe("bug");
  });

  it("leaves Next's redirects and not-found signals to Next", () => {
    expect(describeFailure(thrownServerAction("NEXT_REDIRECT;replace;/projects;307;")).kind).toBe("bug");
  });
});

describe("isWorthRetrying", () => {
  it("retries the network and the server, not refusals or bugs", async () => {
    expect(isWorthRetrying(new TypeError("Failed to fetch"))).toBe(true);
    expect(isWorthRetrying(await readRequestError(new Response("", { status: 503 })))).toBe(true);
    expect(isWorthRetrying(await readRequestError(errorResponse({ code: "not_found", message: "Gone." })))).toBe(false);
    expect(isWorthRetrying(new TypeError("x is not a function"))).toBe(false);
  });
});
