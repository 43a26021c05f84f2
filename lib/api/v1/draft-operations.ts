import { z } from "zod";
import { apiOperation } from "@/lib/api/api-operation";
import { draftPathSchema } from "@/lib/drafts/schemas";

const pathQuery = z.object({ path: draftPathSchema.describe("The file's path in the draft, such as src/main.ts.") });

export const listProjects = apiOperation({
  method: "GET",
  path: "/projects",
  access: "account",
  summary: "List your projects",
  description: "The projects the token may act in, with your role in each (a token made for one project lists only that one).",
  success: { status: 200, description: "`{ projects: [{ id, slug, name, role }] }`" },
});

export const listDraftFiles = apiOperation({
  method: "GET",
  path: "/projects/{slug}/files",
  access: "read",
  summary: "List the draft's files",
  success: { status: 200, description: "`{ files: [{ path, revision, size }] }`, without contents." },
});

export const createDraftFile = apiOperation({
  method: "POST",
  path: "/projects/{slug}/files",
  access: "edit",
  summary: "Create a file in the draft",
  body: z.object({ path: draftPathSchema, content: z.string({ error: "The content must be text." }).default("") }),
  success: { status: 201, description: "The new file's path and revision." },
  errors: { 409: "A file or folder already has that path." },
});

export const readDraftFile = apiOperation({
  method: "GET",
  path: "/projects/{slug}/files/content",
  access: "read",
  summary: "Read a draft file",
  description: "The `ETag` header carries the file's revision: send it back as `If-Match` to write the file.",
  query: pathQuery,
  success: { status: 200, description: "`{ path, content, revision }`, with `ETag: \"<revision>\"`." },
});

export const writeDraftFile = apiOperation({
  method: "PUT",
  path: "/projects/{slug}/files/content",
  access: "edit",
  summary: "Write a draft file",
  description: "Replaces the file's content if it still has the revision `If-Match` names; else 412 and nothing changes.",
  query: pathQuery,
  body: z.object({ content: z.string({ error: "The content must be text." }) }),
  headers: [{ name: "If-Match", description: "The ETag the file was read with.", required: true }],
  success: { status: 200, description: "`{ revision }`, with the new `ETag`." },
  errors: { 412: "The file changed since it was read (its current revision is in the error).", 428: "No If-Match was sent." },
});

export const deleteDraftPath = apiOperation({
  method: "DELETE",
  path: "/projects/{slug}/files/content",
  access: "edit",
  summary: "Delete a file or folder from the draft",
  query: pathQuery,
  success: { status: 200, description: "What was deleted." },
});

export const renameDraftPath = apiOperation({
  method: "POST",
  path: "/projects/{slug}/files/rename",
  access: "edit",
  summary: "Rename or move a file or folder in the draft",
  body: z.object({ from: draftPathSchema, to: draftPathSchema }),
  success: { status: 200, description: "The paths that moved." },
  errors: { 409: "Something already has the new path." },
});
