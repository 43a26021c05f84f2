import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { exposureWarning, nextArguments } from "./next-server.mjs";

describe("npm run dev and npm start", () => {
  const scripts = JSON.parse(readFileSync(path.join(import.meta.dirname, "..", "package.json"), "utf8")).scripts as Record<string, string>;

  it.each(["dev", "start"])("%s goes through the loopback wrapper", (name) => {
    expect(scripts[name]).toBe(`node scripts/next-server.mjs ${name}`);
  });
});

describe("nextArguments", () => {
  it.each(["dev", "start"] as const)("listens on 127.0.0.1 by default for next %s", (command) => {
    expect(nextArguments(command, [], {})).toEqual([command, "-H", "127.0.0.1"]);
    expect(nextArguments(command, ["-p", "4000"], { DRAFTLINE_HOST: "" })).toEqual([command, "-H", "127.0.0.1", "-p", "4000"]);
  });

  it("listens elsewhere only when DRAFTLINE_HOST says so", () => {
    expect(nextArguments("start", ["-p", "4000"], { DRAFTLINE_HOST: "0.0.0.0" })).toEqual(["start", "-H", "0.0.0.0", "-p", "4000"]);
  });

  it.each([
    [["-H", "::"]],
    [["--hostname", "0.0.0.0", "-p", "4000"]],
    [["--hostname=192.168.1.20"]],
  ])("leaves an explicit hostname in %j as it is", (options) => {
    expect(nextArguments("dev", options, { DRAFTLINE_HOST: "10.0.0.1" })).toEqual(["dev", ...options]);
  });
});

describe("exposureWarning", () => {
  it.each(["127.0.0.1", "::1", "localhost"])("stays quiet on %s", (host) => {
    expect(exposureWarning(host)).toBeNull();
  });

  it("says what listening on every interface exposes, and what to set", () => {
    expect(exposureWarning("0.0.0.0")).toBe(
      "Draftline listens on 0.0.0.0: other machines that reach this interface get its sign-in page. Set DRAFTLINE_ORIGIN to the address people use (https, so session cookies are Secure).",
    );
  });
});
