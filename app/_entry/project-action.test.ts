import { afterEach, describe, expect, it, vi } from "vitest";
import { z } from "zod";
import type { ProjectActor } from "@/lib/auth/actor";
import { fail, ok, type Result } from "@/lib/result";
import { fakeDb, fakeProjectActor, KNOWN_PROJECT } from "./fake-db";
import { projectAction } from "./project-action";

vi.mock("@/lib/db/client", () => ({ getDb: async () => fakeDb }));
const ACTING: ProjectActor = { id: "user-1", name: "Ada", role: "builder" };
let resolved: Result<ProjectActor> = ok(ACTING);
vi.mock("./resolve-actor", () => ({ resolveProjectActor: async (_db: unknown, slug: string) => fakeProjectActor(slug, resolved) }));

afterEach(() => {
  vi.restoreAllMocks();
  resolved = ok(ACTING);
});

const schema = z.object({ name: z.string({ error: "Enter a name." }).min(1, "Enter a name.") });

describe("projectAction", () => {
  it("hands run the parsed input and the project the slug names", async () => {
    const run = vi.fn(async (context: { project: { id: string } }, input: { name: string }) => ok(`${context.project.id}:${input.name}`));
    const action = projectAction("edit", schema, run);
    await expect(action("known", { name: "x" })).resolves.toEqual({ ok: true, value: `${KNOWN_PROJECT.id}:x` });
    expect(run).toHaveBeenCalledWith(expect.objectContaining({ project: KNOWN_PROJECT, db: fakeDb, actor: ACTING }), { name: "x" });
  });

  it("refuses, without running, a member whose role may not do the operation, and anyone not signed in", async () => {
    const run = vi.fn();
    resolved = ok({ ...ACTING, role: "viewer" });
    await expect(projectAction("edit", schema, run)("known", { name: "x" })).resolves.toEqual({
      ok: false,
      error: { code: "forbidden", message: "Only a Builder, Release manager or Admin can change the draft or make versions." },
    });
    resolved = ok({ ...ACTING, role: "builder" });
    await expect(projectAction("administer", schema, run)("known", { name: "x" })).resolves.toMatchObject({ ok: false, error: { code: "forbidden" } });
    resolved = fail("unauthenticated", "Sign in to continue.");
    await expect(projectAction("read", schema, run)("known", { name: "x" })).resolves.toMatchObject({ ok: false, error: { code: "unauthenticated" } });
    expect(run).not.toHaveBeenCalled();
  });

  it("answers not_found for a slug that names no project, or cannot name one, without running", async () => {
    const run = vi.fn();
    const action = projectAction("edit", schema, run);
    for (const slug of ["no-such-project", "Bad Slug", "a\u0000b", 42, null]) {
      const result = await action(slug as string, { name: "x" });
      expect(result, String(slug)).toMatchObject({ ok: false, error: { code: "not_found" } });
    }
    expect(run).not.toHaveBeenCalled();
  });

  it("answers invalid with the message of each field the schema refuses, without running", async () => {
    const run = vi.fn();
    const action = projectAction("edit", schema, run);
    await expect(action("known", { name: "" })).resolves.toEqual({
      ok: false,
      error: { code: "invalid", message: "Enter a name.", fields: { name: "Enter a name." } },
    });
    // Not an object at all: a broken client, with no field to point at.
    const whole = await action("known", 42 as never);
    expect(whole).toMatchObject({ ok: false, error: { code: "invalid", message: expect.stringContaining("reload the page") } });
    expect(whole.ok ? null : whole.error.fields).toBeUndefined();
    expect(run).not.toHaveBeenCalled();
  });

  it("passes run's expected failures through with their codes", async () => {
    const action = projectAction("edit", schema, async () => ({ ok: false as const, error: { code: "conflict" as const, message: "Taken." } }));
    await expect(action("known", { name: "x" })).resolves.toEqual({ ok: false, error: { code: "conflict", message: "Taken." } });
  });

  it("logs a throw inside run with a reference and answers only that reference", async () => {
    const logged = vi.spyOn(console, "error").mockImplementation(() => {});
    const action = projectAction("edit", schema, async () => {
      throw new Error("relation \"versions\" does not exist");
    });
    const result = await action("known", { name: "x" });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    const { ref } = result.error;
    expect(ref).toMatch(/^[0-9a-f]{8}$/);
    expect(result.error).toEqual({ code: "unexpected", message: `Something went wrong (ref ${ref}).`, ref });
    expect(logged).toHaveBeenCalledTimes(1);
    expect(logged.mock.calls[0]!.join(" ")).toContain(ref!);
    expect(logged.mock.calls[0]).toContainEqual(expect.objectContaining({ message: "relation \"versions\" does not exist" }));
  });
});
