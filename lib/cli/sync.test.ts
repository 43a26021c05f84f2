import { createHash } from "node:crypto";
import { mkdtemp, readFile, rm, unlink, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { ApiClient } from "./client";
import { CliError } from "./errors";
import { pull, push, status } from "./sync";

/** The draft as the API serves it: revisions that grow with each write, If-Match checked. */
class FakeDraft {
  files = new Map<string, { content: string; revision: number }>();
  private nextRevision = 1;
  calls: string[] = [];
  readonly server = "http://draftline.test";

  write(file: string, content: string) {
    this.files.set(file, { content, revision: this.nextRevision++ });
  }

  async json<T>(method: string, route: string, options: { body?: unknown } = {}): Promise<T> {
    return (await (await this.send(method, route, options)).json()) as T;
  }

  async send(method: string, route: string, options: { query?: Record<string, unknown>; body?: unknown; headers?: Record<string, string> } = {}): Promise<Response> {
    const file = options.query?.path as string | undefined;
    this.calls.push(`${method} ${route.replace(/^\/projects\/[^/]+/, "")}${file ? ` ${file}` : ""}`);
    const answer = (body: unknown) => Response.json(body);
    if (method === "GET" && route.endsWith("/files")) {
      return answer({
        files: [...this.files].map(([name, stored]) => ({ path: name, revision: stored.revision, contentHash: createHash("sha256").update(stored.content).digest("hex") })),
      });
    }
    if (method === "GET") return answer({ path: file, ...this.files.get(file!)! });
    if (method === "PUT") {
      const stored = this.files.get(file!);
      if (!stored || options.headers?.["if-match"] !== `"${stored.revision}"`) throw new CliError(`${file} changed since it was read`, "precondition_failed");
      this.write(file!, (options.body as { content: string }).content);
      return answer({ revision: this.files.get(file!)!.revision });
    }
    if (method === "POST") {
      const body = options.body as { path: string; content: string };
      if (this.files.has(body.path)) throw new CliError(`${body.path} exists`, "conflict");
      this.write(body.path, body.content);
      return answer({ path: body.path, revision: this.files.get(body.path)!.revision });
    }
    this.files.delete(file!);
    return answer({ deleted: file });
  }
}

let dir: string;
let server: FakeDraft;
const client = () => server as unknown as ApiClient;
const quiet = { force: false, progress: () => {} };
const local = (file: string) => path.join(dir, ...file.split("/"));

beforeEach(async () => {
  dir = await mkdtemp(path.join(tmpdir(), "draftline-sync-"));
  server = new FakeDraft();
  server.write("README.md", "# Hello\n");
  server.write("src/main.ts", "export const main = 1;\n");
});

afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe("pull, status and push", () => {
  it("pulls every file and then sees no change on either side", async () => {
    expect(await pull(client(), "demo", dir, quiet)).toMatchObject({ files: 2, removed: [] });
    expect(await readFile(local("src/main.ts"), "utf8")).toBe("export const main = 1;\n");
    expect(await status(client(), dir)).toEqual({
      project: "demo",
      local: { modified: [], added: [], deleted: [] },
      server: { modified: [], added: [], deleted: [] },
    });
  });

  it("uploads only the files changed here: a write with If-Match, a create, a delete", async () => {
    await pull(client(), "demo", dir, quiet);
    await writeFile(local("README.md"), "# Hello again\n");
    await writeFile(local("notes.md"), "new\n");
    await unlink(local("src/main.ts"));
    server.calls = [];
    expect(await push(client(), dir, quiet)).toMatchObject({ modified: ["README.md"], added: ["notes.md"], deleted: ["src/main.ts"] });
    expect(server.calls.filter((call) => !call.startsWith("GET"))).toEqual(["PUT /files/content README.md", "POST /files", "DELETE /files/content src/main.ts"]);
    expect([...server.files.keys()].sort()).toEqual(["README.md", "notes.md"]);
    expect(server.files.get("README.md")!.content).toBe("# Hello again\n");
    // The state follows: nothing is left to push, and the next edit is written over the new revision.
    expect(await push(client(), dir, quiet)).toMatchObject({ modified: [], added: [], deleted: [] });
    await writeFile(local("README.md"), "# Third\n");
    await push(client(), dir, quiet);
    expect(server.files.get("README.md")!.content).toBe("# Third\n");
  });

  it("refuses to push a file the server changed since the pull, listing it, and changes nothing", async () => {
    await pull(client(), "demo", dir, quiet);
    server.write("README.md", "# Changed in the browser\n");
    await writeFile(local("README.md"), "# Changed here\n");
    await writeFile(local("other.md"), "fine\n");
    const refused = await push(client(), dir, quiet).catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(CliError);
    expect(refused).toMatchObject({ code: "conflict", details: { files: ["README.md"] } });
    expect((refused as Error).message).toContain("README.md");
    expect(server.files.get("README.md")!.content).toBe("# Changed in the browser\n");
    expect(server.files.has("other.md")).toBe(false);
    expect((await status(client(), dir)).server.modified).toEqual(["README.md"]);
  });

  it("overwrites the server's change with --force", async () => {
    await pull(client(), "demo", dir, quiet);
    server.write("README.md", "# Changed in the browser\n");
    await writeFile(local("README.md"), "# Mine\n");
    expect(await push(client(), dir, { ...quiet, force: true })).toMatchObject({ overwritten: ["README.md"] });
    expect(server.files.get("README.md")!.content).toBe("# Mine\n");
  });

  it("does not pull over local changes, nor into a folder that is not empty, unless forced", async () => {
    await writeFile(local("stray.txt"), "x");
    await expect(pull(client(), "demo", dir, quiet)).rejects.toMatchObject({ code: "not_empty" });
    await rm(local("stray.txt"));
    await pull(client(), "demo", dir, quiet);
    await writeFile(local("README.md"), "# Unpushed\n");
    await expect(pull(client(), "demo", dir, quiet)).rejects.toMatchObject({ code: "local_changes", details: { files: ["README.md"] } });
    expect(await readFile(local("README.md"), "utf8")).toBe("# Unpushed\n");
    server.files.delete("src/main.ts");
    expect(await pull(client(), "demo", dir, { ...quiet, force: true })).toMatchObject({ removed: ["src/main.ts"] });
    expect(await readFile(local("README.md"), "utf8")).toBe("# Hello\n");
  });

  it("refuses a file that is not UTF-8 text", async () => {
    await pull(client(), "demo", dir, quiet);
    await writeFile(local("logo.png"), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0xff, 0xfe]));
    await expect(push(client(), dir, quiet)).rejects.toMatchObject({ code: "invalid" });
  });

  it("refuses to pull another project into a pulled folder", async () => {
    await pull(client(), "demo", dir, quiet);
    await expect(pull(client(), "other", dir, quiet)).rejects.toThrow(/holds the project "demo"/);
  });
});
