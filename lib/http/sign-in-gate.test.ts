import { describe, expect, it } from "vitest";
import { refuseSignedOut } from "./sign-in-gate";

describe("refuseSignedOut", () => {
  it("leaves the token API to its own check, and still turns other JSON routes and pages away", () => {
    expect(refuseSignedOut(new Request("http://127.0.0.1:3000/api/v1/projects"))).toBeNull();
    expect(refuseSignedOut(new Request("http://127.0.0.1:3000/api/projects/p/files"))?.status).toBe(401);
    expect(refuseSignedOut(new Request("http://127.0.0.1:3000/account"))?.status).toBe(307);
  });

  it("lets a signed-out call to the HTTP trigger through to its own token check", () => {
    const hook = new Request("http://127.0.0.1:3000/hooks/order-sync/development/order-sync", { method: "POST", headers: { authorization: "Bearer dlh_x" } });
    expect(refuseSignedOut(hook)).toBeNull();
  });

  it("lets a signed-out call to the sample's stub shop and ERP through to their own token check", () => {
    expect(refuseSignedOut(new Request("http://127.0.0.1:3000/sample-api/shop/admin/api/orders.json"))).toBeNull();
    expect(refuseSignedOut(new Request("http://127.0.0.1:3000/sample-api/erp/api/v2/sales-orders", { method: "POST" }))).toBeNull();
    expect(refuseSignedOut(new Request("http://127.0.0.1:3000/sample-apix"))?.status).toBe(307);
  });

  it("still answers 401 on JSON routes and redirects pages to sign in", () => {
    const route = refuseSignedOut(new Request("http://127.0.0.1:3000/api/projects/order-sync/environments"));
    expect(route?.status).toBe(401);
    const page = refuseSignedOut(new Request("http://127.0.0.1:3000/projects/order-sync/hooks/x"));
    expect(page?.status).toBe(307);
    expect(page?.headers.get("location")).toBe("http://127.0.0.1:3000/sign-in?next=%2Fprojects%2Forder-sync%2Fhooks%2Fx");
  });
});
