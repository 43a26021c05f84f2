import { describe, expect, it } from "vitest";
import { needsConfirmation } from "./needs-confirmation";

describe("needsConfirmation", () => {
  it("asks for production only", () => {
    expect(needsConfirmation("production")).toBe(true);
    expect(needsConfirmation(" Production ")).toBe(true);
    expect(needsConfirmation("staging")).toBe(false);
    expect(needsConfirmation("production-eu")).toBe(false);
  });
});
