import { describe, expect, it } from "vitest";
import { isJsonContentType } from "./is-json-content-type";

describe("isJsonContentType", () => {
  it.each([
    "application/json",
    "application/json; charset=utf-8",
    "application/json;charset=UTF-8",
    "Application/JSON",
    "  application/json  ; charset=utf-8",
  ])("accepts %j", (header) => {
    expect(isJsonContentType(header)).toBe(true);
  });

  it.each([
    null,
    undefined,
    "",
    "application/json-patch+json",
    "application/jsonx",
    "application/json+ld",
    "application/ld+json",
    "text/json",
    "text/plain",
    "text/plain; application/json",
    "multipart/form-data; boundary=application/json",
    "application/x-www-form-urlencoded",
  ])("refuses %j", (header) => {
    expect(isJsonContentType(header)).toBe(false);
  });
});
