import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import { CLIENT_ADDRESS_HEADER } from "@/lib/auth/client-address";
import { requestClientAddress, stampClientAddress } from "./stamp-client-address";

describe("requestClientAddress", () => {
  it("without a trusted proxy, ignores X-Forwarded-For and takes the connection's address", () => {
    expect(requestClientAddress("198.51.100.9", "127.0.0.1", false)).toBe("127.0.0.1");
    expect(requestClientAddress("198.51.100.9, 10.0.0.1", "::1", false)).toBe("::1");
    expect(requestClientAddress(undefined, "127.0.0.1", false)).toBe("127.0.0.1");
  });

  it("behind a trusted proxy, takes the left-most X-Forwarded-For entry, else the connection's address", () => {
    expect(requestClientAddress(" 198.51.100.9 , 10.0.0.1", "10.0.0.2", true)).toBe("198.51.100.9");
    expect(requestClientAddress(["203.0.113.5", "10.0.0.1"], "10.0.0.2", true)).toBe("203.0.113.5");
    expect(requestClientAddress(undefined, "10.0.0.2", true)).toBe("10.0.0.2");
    expect(requestClientAddress("", "10.0.0.2", true)).toBe("10.0.0.2");
  });
});

describe("stampClientAddress over HTTP", () => {
  const servers: http.Server[] = [];
  afterEach(async () => {
    await Promise.all(servers.splice(0).map((server) => new Promise((resolve) => server.close(resolve))));
  });

  /** A server class of its own (the stamp patches its prototype) that answers with the header it saw. */
  async function serve(trustProxy: boolean): Promise<string> {
    class Server extends http.Server {}
    stampClientAddress(trustProxy, Server.prototype);
    const server = new Server((request, response) => response.end(String(request.headers[CLIENT_ADDRESS_HEADER] ?? "")));
    servers.push(server);
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    return `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
  }

  const seen = async (url: string, headers: Record<string, string>) => (await fetch(url, { headers })).text();

  it("a client cannot choose its address without DRAFTLINE_TRUST_PROXY, neither through X-Forwarded-For nor the app's header", async () => {
    const url = await serve(false);
    expect(await seen(url, {})).toBe("127.0.0.1");
    expect(await seen(url, { "x-forwarded-for": "198.51.100.9" })).toBe("127.0.0.1");
    expect(await seen(url, { [CLIENT_ADDRESS_HEADER]: "198.51.100.10" })).toBe("127.0.0.1");
  });

  it("with DRAFTLINE_TRUST_PROXY, the proxy's left-most X-Forwarded-For entry is the address", async () => {
    const url = await serve(true);
    expect(await seen(url, { "x-forwarded-for": "198.51.100.9, 10.0.0.1" })).toBe("198.51.100.9");
    expect(await seen(url, { [CLIENT_ADDRESS_HEADER]: "198.51.100.10" })).toBe("127.0.0.1");
  });
});
