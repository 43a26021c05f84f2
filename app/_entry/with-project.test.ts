import { afterEach, describe, expect, it, vi } from "vitest";
import type { ProjectActor } from "@/lib/auth/actor";
import { fail, ok, type Result } from "@/lib/result";
import { fakeDb, fakeProjectActor, KNOWN_PROJECT } from "./fake-db";
import { withProject } from "./with-project";

vi.mock("@/lib/db/client", () => ({ getDb: async () => fakeDb }));
const ACTING: ProjectActor = { id: "user-1", name: "Ada", role: "admin" };
let resolved: Result<ProjectActor> = ok(ACTING);
vi.mock("./resolve-actor", () => ({ resolveProjectActor: async (_db: unknown, slug: string) => fakeProjectActor(slug, resolved) }));

afterEach(() => {
  vi.restoreAllMocks();
  resolved = ok(ACTING);
});

function call(handler: ReturnType<typeof withProject<{ slug: string }>>, slug: string) {
  return handler(new Request(`http://localhost/api/projects/${slug}/things`), { params: Promise.resolve({ slug }) });
}

describe("withProject", () => {
  it("hands the handler the project the slug names", async () => {
    const handler = withProject("read", async ({ project, params }) => Response.json({ id: project.id, slug: params.slug }));
    const response = await call(handler, "known");
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ id: KNOWN_PROJECT.id, slug: "known" });
  });

  it("answers 404 JSON for an unknown or impossible slug, without running the handler", async () => {
    const run = vi.fn();
    const handler = withProject("read", run);
    for (const slug of ["no-such-project", "Bad%20Slug"]) {
      const response = await call(handler, slug);
      expect(response.status, slug).toBe(404);
      expect(await response.json(), slug).toMatchObject({ error: { code: "not_found" } });
    }
    expect(run).not.toHaveBeenCalled();
  });

  it("answers 401 JSON to a request without a session, without running the handler", async () => {
    const run = vi.fn();
    resolved = fail("unauthenticated", "Sign in to continue.");
    const response = await call(withProject("read", run), "known");
    expect(response.status).toBe(401);
    expect(await response.json()).toEqual({ error: { code: "unauthenticated", message: "Sign in to continue." } });
    expect(run).not.toHaveBeenCalled();
  });

  it("answers a throw with 500 JSON carrying the reference it was logged under", async () => {
    const logged = vi.spyOn(console, "error").mockImplementation(() => {});
    const handler = withProject("read", async () => {
      throw new TypeError("Cannot read properties of undefined (reading 'id')");
    });
    const response = await call(handler, "known");
    expect(response.status).toBe(500);
    const body = (await response.json()) as { error: { code: string; message: string; ref: string } };
    expect(body.error.ref).toMatch(/^[0-9a-f]{8}$/);
    expect(body).toEqual({ error: { code: "unexpected", message: `Something went wrong (ref ${body.error.ref}).`, ref: body.error.ref } });
    expect(JSON.stringify(body)).not.toContain("Cannot read");
    expect(logged).toHaveBeenCalledTimes(1);
    expect(logged.mock.calls[0]!.join(" ")).toContain(body.error.ref);
  });
});
