import { MAX_ACTION_BODY_BYTES } from "@/lib/files/limits";
import { describe, expect, it } from "vitest";
import { MAX_REQUEST_BODY_BYTES } from "./body-limit";
import { guardRequest, refuseMalformedAction } from "./request-guard";
import { originSettings, type OriginSettings } from "./request-origin";

const LOCAL: OriginSettings = { publicOrigin: null, trustProxy: false };
const PUBLIC: OriginSettings = { publicOrigin: "https://draftline.example.com", trustProxy: false };
const BEHIND_PROXY: OriginSettings = { publicOrigin: "https://draftline.example.com", trustProxy: true };

function request(path: string, headers: Record<string, string>, method = "GET"): Request {
  // The URL's own host is what Next made of it; the guard reads only the headers.
  return new Request(`http://127.0.0.1:3000${path}`, { method, headers });
}
const write = (headers: Record<string, string>, path = "/api/projects/p/files/content?path=a") => request(path, headers, "PUT");

async function refusedWith(response: Response | null): Promise<{ status: number; body: string }> {
  expect(response).not.toBeNull();
  return { status: response!.status, body: await response!.text() };
}

describe("guardRequest: the Host", () => {
  it.each(["localhost", "localhost:3000", "127.0.0.1:3302", "[::1]:3000", "LOCALHOST:80"])("answers requests addressed to %s", (host) => {
    expect(guardRequest(request("/projects/p", { host }), LOCAL)).toBeNull();
  });

  it.each(["attacker.example:3302", "127.0.0.1.attacker.example", "localhost.attacker.example:3000", "draftline.example.com", "", "a b", "localhost/x"])(
    "refuses requests addressed to %j with 421, as JSON on routes and plain text on pages",
    async (host) => {
      const page = await refusedWith(guardRequest(request("/projects/p", host ? { host } : {}), LOCAL));
      expect(page.status).toBe(421);
      expect(page.body).toContain("does not answer to");
      const route = await refusedWith(guardRequest(request("/api/health", host ? { host } : {}), LOCAL));
      expect(route.status).toBe(421);
      expect(JSON.parse(route.body)).toMatchObject({ error: { code: "forbidden", message: expect.stringContaining("DRAFTLINE_ORIGIN") } });
    },
  );

  it("refuses a rebound Host before anything else: a server action with a matching Origin included", async () => {
    const action = request("/projects/p", { host: "attacker.example:3302", origin: "http://attacker.example:3302", "next-action": "abc" }, "POST");
    expect((await refusedWith(guardRequest(action, LOCAL))).status).toBe(421);
  });

  it("answers the configured public host besides the loopback names", () => {
    expect(guardRequest(request("/", { host: "draftline.example.com" }), PUBLIC)).toBeNull();
    expect(guardRequest(request("/", { host: "draftline.example.com:443" }), PUBLIC)).toBeNull();
    expect(guardRequest(request("/", { host: "localhost:3000" }), PUBLIC)).toBeNull();
    expect(guardRequest(request("/", { host: "draftline.example.com:8443" }), PUBLIC)?.status).toBe(421);
  });

  it("reads X-Forwarded-Host only from a trusted proxy", () => {
    const forged = { host: "127.0.0.1:3000", "x-forwarded-host": "attacker.example" };
    expect(guardRequest(request("/", forged), LOCAL)).toBeNull();
    expect(guardRequest(request("/", forged), BEHIND_PROXY)?.status).toBe(421);
    expect(guardRequest(request("/", { host: "10.0.0.5:3000", "x-forwarded-host": "draftline.example.com" }), BEHIND_PROXY)).toBeNull();
    expect(guardRequest(request("/", { host: "10.0.0.5:3000", "x-forwarded-host": "draftline.example.com" }), PUBLIC)?.status).toBe(421);
  });
});

describe("guardRequest: writes come from the app's own origin", () => {
  const host = "127.0.0.1:3000";
  const own = "http://127.0.0.1:3000";

  it("lets reads through without any Origin", () => {
    expect(guardRequest(request("/api/projects/p/files", { host }), LOCAL)).toBeNull();
    expect(guardRequest(request("/api/projects/p/files", { host, "sec-fetch-site": "cross-site" }, "HEAD"), LOCAL)).toBeNull();
  });

  it.each([
    ["the own origin", { origin: own }],
    ["the own origin, Sec-Fetch-Site same-origin", { origin: own, "sec-fetch-site": "same-origin" }],
    ["no Origin, a Referer from the own origin", { referer: `${own}/projects/p?file=a` }],
  ])("accepts a write with %s", (_label, headers) => {
    expect(guardRequest(write({ host, ...headers }), LOCAL)).toBeNull();
    expect(guardRequest(request("/projects/p", { host, "next-action": "abc", ...headers }, "POST"), LOCAL)).toBeNull();
  });

  it.each([
    ["no Origin and no Referer", {}],
    ["Origin null", { origin: "null" }],
    ["an Origin that is not a URL", { origin: "not a url" }],
    ["an Origin with a path", { origin: `${own}/` }],
    ["another site", { origin: "http://evil.example" }],
    ["another port", { origin: "http://127.0.0.1:3001" }],
    ["localhost for 127.0.0.1", { origin: "http://localhost:3000" }],
    ["https:// on the same host", { origin: "https://127.0.0.1:3000" }],
    ["Sec-Fetch-Site cross-site", { origin: own, "sec-fetch-site": "cross-site" }],
    ["Sec-Fetch-Site same-site", { origin: own, "sec-fetch-site": "same-site" }],
    ["no Origin, a foreign Referer", { referer: "http://evil.example/" }],
    ["no Origin, a Referer that is not a URL", { referer: "nonsense" }],
    ["a forged X-Forwarded-Host naming the Origin", { origin: "http://evil.example", "x-forwarded-host": "evil.example" }],
  ])("refuses a write with %s: 403 JSON on routes, 403 text for server actions", async (_label, headers) => {
    const route = await refusedWith(guardRequest(write({ host, ...headers }), LOCAL));
    expect(route.status).toBe(403);
    expect(JSON.parse(route.body)).toMatchObject({ error: { code: "forbidden" } });
    const action = await refusedWith(guardRequest(request("/projects/p", { host, "next-action": "abc", ...headers }, "POST"), LOCAL));
    expect(action.status).toBe(403);
    expect(action.body.length).toBeGreaterThan(10);
  });

  it("expects DRAFTLINE_ORIGIN exactly on the public host, scheme included", () => {
    const publicHost = { host: "draftline.example.com" };
    expect(guardRequest(write({ ...publicHost, origin: "https://draftline.example.com" }), PUBLIC)).toBeNull();
    expect(guardRequest(write({ ...publicHost, origin: "http://draftline.example.com" }), PUBLIC)?.status).toBe(403);
    expect(guardRequest(write({ ...publicHost, origin: "https://draftline.example.com:8443" }), PUBLIC)?.status).toBe(403);
  });

  it("behind a trusted proxy takes host and scheme from X-Forwarded-Host and -Proto, for routes and actions alike", () => {
    const forwarded = { host: "10.0.0.5:3000", "x-forwarded-host": "draftline.example.com", "x-forwarded-proto": "https" };
    const origin = "https://draftline.example.com";
    expect(guardRequest(write({ ...forwarded, origin }), BEHIND_PROXY)).toBeNull();
    expect(guardRequest(request("/projects/p", { ...forwarded, origin, "next-action": "abc" }, "POST"), BEHIND_PROXY)).toBeNull();
    // The proxy's own address on the loopback, reached over https.
    const local = { host: "10.0.0.5:3000", "x-forwarded-host": "localhost:8443", "x-forwarded-proto": "https" };
    expect(guardRequest(write({ ...local, origin: "https://localhost:8443" }), BEHIND_PROXY)).toBeNull();
    expect(guardRequest(write({ ...local, origin: "http://localhost:8443" }), BEHIND_PROXY)?.status).toBe(403);
    // Untrusted, the same headers are the client's word: Host decides, and it names no allowed host.
    expect(guardRequest(write({ ...forwarded, origin }), PUBLIC)?.status).toBe(421);
  });
});

describe("guardRequest: paths and bodies", () => {
  const host = "localhost:3000";

  it.each(["/api/projects/%FF/files", "/api/projects/p/versions/%ED%A0%80/files", "/api/projects/%C0%AF/environments"])(
    "answers a JSON route whose path is no text (%s) with 400 invalid",
    async (path) => {
      const response = await refusedWith(guardRequest(request(path, { host }), LOCAL));
      expect(response.status).toBe(400);
      expect(JSON.parse(response.body)).toEqual({ error: { code: "invalid", message: expect.stringContaining("not valid text") } });
    },
  );

  it("leaves a page path that is no text to the page's not-found answer, and text paths alone", () => {
    expect(guardRequest(request("/projects/%FF", { host }), LOCAL)).toBeNull();
    expect(guardRequest(request("/api/projects/caf%C3%A9/files", { host }), LOCAL)).toBeNull();
  });

  it("refuses a body longer than the proxy buffers with 413, before it is cut short", async () => {
    const headers = { host, origin: "http://localhost:3000", "content-type": "application/json" };
    expect(guardRequest(write({ ...headers, "content-length": String(MAX_REQUEST_BODY_BYTES) }), LOCAL)).toBeNull();
    const response = await refusedWith(guardRequest(write({ ...headers, "content-length": String(MAX_REQUEST_BODY_BYTES + 1) }), LOCAL));
    expect(response.status).toBe(413);
    expect(JSON.parse(response.body)).toMatchObject({ error: { code: "too_large" } });
  });

  it("refuses a server action larger than any valid one with 413, where Next would answer 500", async () => {
    const headers = { host, origin: "http://localhost:3000", "next-action": "abc123", "content-type": "text/plain" };
    const action = (length: number) => request("/projects/p", { ...headers, "content-length": String(length) }, "POST");
    expect(guardRequest(action(MAX_ACTION_BODY_BYTES), LOCAL)).toBeNull();
    const response = await refusedWith(guardRequest(action(MAX_ACTION_BODY_BYTES + 1), LOCAL));
    expect(response.status).toBe(413);
    expect(response.body).toContain("at most 1 MB");
  });
});

describe("originSettings", () => {
  it("reads DRAFTLINE_ORIGIN and DRAFTLINE_TRUST_PROXY", () => {
    expect(originSettings({})).toEqual({ publicOrigin: null, trustProxy: false });
    expect(originSettings({ DRAFTLINE_ORIGIN: "https://draftline.example.com/", DRAFTLINE_TRUST_PROXY: "1" })).toEqual({
      publicOrigin: "https://draftline.example.com",
      trustProxy: true,
    });
    expect(originSettings({ DRAFTLINE_TRUST_PROXY: "true" }).trustProxy).toBe(false);
  });

  it.each(["draftline.example.com", "https://draftline.example.com/app", "ftp://draftline.example.com", "https://user@draftline.example.com"])(
    "refuses DRAFTLINE_ORIGIN=%s with a message that says what it must be",
    (value) => {
      expect(() => originSettings({ DRAFTLINE_ORIGIN: value })).toThrow(/DRAFTLINE_ORIGIN must be the app's public origin/);
    },
  );
});

describe("refuseMalformedAction", () => {
  const action = (body: string, contentType = "text/plain;charset=UTF-8") =>
    new Request("http://localhost:3000/projects/p", { method: "POST", headers: { "next-action": "abc123", "content-type": contentType }, body });

  it("lets an action's JSON array of arguments through, and anything that is not an action", async () => {
    expect(await refuseMalformedAction(action('["order-sync",{"name":"1.0.0"}]'))).toBeNull();
    expect(await refuseMalformedAction(action("--boundary", "multipart/form-data; boundary=boundary"))).toBeNull();
    expect(await refuseMalformedAction(new Request("http://localhost:3000/api/x", { method: "POST", body: "{not json" }))).toBeNull();
  });

  it.each([["not JSON", "{not json"], ["empty", ""], ["not an array", '{"name":"x"}']])("refuses a body that is %s with 400", async (_label, body) => {
    const response = await refuseMalformedAction(action(body));
    expect(response?.status).toBe(400);
    expect(await response?.text()).toContain("not understood");
  });
});

describe("guardRequest: the token API", () => {
  const deploy = (headers: Record<string, string>, method = "POST") =>
    request("/api/v1/projects/p/environments/e/deployments", { host: "127.0.0.1:3000", ...headers }, method);

  it("lets a write with a bearer token through without Origin: the API reads no cookie, so no page can ride a session", () => {
    expect(guardRequest(deploy({ authorization: "Bearer dl_x" }), LOCAL)).toBeNull();
    expect(guardRequest(deploy({ authorization: "Bearer dl_x", origin: "https://evil.example" }), LOCAL)).toBeNull();
  });

  it("checks a write without a bearer token like any other, and never allows a cross-site preflight", async () => {
    expect((await refusedWith(guardRequest(deploy({}), LOCAL))).status).toBe(403);
    expect((await refusedWith(guardRequest(deploy({ cookie: "better-auth.session_token=x", origin: "https://evil.example" }), LOCAL))).status).toBe(403);
    const preflight = guardRequest(deploy({ origin: "https://evil.example", "access-control-request-headers": "authorization" }, "OPTIONS"), LOCAL);
    expect(preflight?.status).toBe(403);
    expect(preflight?.headers.get("access-control-allow-origin")).toBeNull();
  });

  it("does not extend the exemption beyond /api/v1", async () => {
    const save = write({ host: "127.0.0.1:3000", authorization: "Bearer dl_x" });
    expect((await refusedWith(guardRequest(save, LOCAL))).status).toBe(403);
  });
});

describe("guardRequest: HTTP triggers", () => {
  it("lets a POST to /hooks/ through without Origin (its bearer token authenticates it), but still checks the Host", async () => {
    const hook = (headers: Record<string, string>) => request("/hooks/p/development/order-sync", headers, "POST");
    expect(guardRequest(hook({ host: "127.0.0.1:3000" }), LOCAL)).toBeNull();
    expect(guardRequest(hook({ host: "127.0.0.1:3000", "sec-fetch-site": "cross-site" }), LOCAL)).toBeNull();
    expect((await refusedWith(guardRequest(hook({ host: "attacker.example" }), LOCAL))).status).toBe(421);
    expect(guardRequest(request("/hooksx/p", { host: "127.0.0.1:3000" }, "POST"), LOCAL)?.status).toBe(403);
  });
});

describe("guardRequest: the sample's stub shop and ERP", () => {
  it("lets a run's POST to /sample-api/ through without Origin, but still checks the Host", async () => {
    const erp = (headers: Record<string, string>) => request("/sample-api/erp/api/v2/sales-orders", headers, "POST");
    expect(guardRequest(erp({ host: "127.0.0.1:3000" }), LOCAL)).toBeNull();
    expect((await refusedWith(guardRequest(erp({ host: "attacker.example" }), LOCAL))).status).toBe(421);
    expect(guardRequest(request("/sample-apix/erp", { host: "127.0.0.1:3000" }, "POST"), LOCAL)?.status).toBe(403);
  });
});
