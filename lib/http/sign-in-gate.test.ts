import { describe, expect, it } from "vitest";
import { refuseSignedOut } from "./sign-in-gate";

describe("refuseSignedOut", () => {
  it("leaves the token API to its own check, and still turns other JSON routes and pages away", () => {
    expect(refuseSignedOut(new Request("http://127.0.0.1:3000/api/v1/projects"))).toBeNull();
    expect(refuseSignedOut(new Request("http://127.0.0.1:3000/api/projects/p/files"))?.status).toBe(401);
    expect(refuseSignedOut(new Request("http://127.0.0.1:3000/account"))?.status).toBe(307);
  });
});
