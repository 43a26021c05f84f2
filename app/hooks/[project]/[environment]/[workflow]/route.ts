import { unstable_rethrow } from "next/navigation";
import { reportUnexpected } from "@/app/_entry/report-unexpected";
import { getDb } from "@/lib/db/client";
import { isActive } from "@/lib/executions/execution-json";
import { MAX_INPUT_BYTES } from "@/lib/executions/schemas";
import { wakeExecutionWorker } from "@/lib/executions/server-execution-worker";
import { triggerByHook } from "@/lib/executions/trigger-by-hook";
import { waitForExecution } from "@/lib/executions/wait-for-execution";
import { errorResponse } from "@/lib/http/respond";
import { decodeUtf8 } from "@/lib/http/read-utf8-body";

/** The longest `?wait=` a caller may ask for, in seconds. */
const MAX_WAIT_SECONDS = 30;
const TOO_LARGE = { code: "too_large", message: `The input is larger than ${MAX_INPUT_BYTES / 1024} KB.` } as const;

type Params = { project: string; environment: string; workflow: string };

/**
 * The HTTP trigger, called by other systems (no session, no Origin: proxy.ts lets /hooks/ through
 * and the environment's token authenticates): the JSON body is the run's input. Answers 202
 * `{ executionId }`, or with `?wait=<seconds>` (up to 30) the finished execution, if it finishes in time.
 */
export async function POST(request: Request, { params }: { params: Promise<Params> }): Promise<Response> {
  try {
    const { project, environment, workflow } = await params;
    if (Number(request.headers.get("content-length") ?? 0) > MAX_INPUT_BYTES) return errorResponse(TOO_LARGE);
    const bytes = new Uint8Array(await request.arrayBuffer());
    if (bytes.byteLength > MAX_INPUT_BYTES) return errorResponse(TOO_LARGE);
    const text = decodeUtf8(bytes);
    if (!text.ok) return errorResponse(text.error);
    let input: unknown;
    try {
      input = text.value.trim() === "" ? undefined : JSON.parse(text.value);
    } catch {
      return errorResponse({ code: "invalid", message: "The body is not valid JSON; send the run's input as JSON, or nothing." });
    }
    const authorization = request.headers.get("authorization") ?? "";
    const token = /^Bearer\s+(\S+)$/i.exec(authorization)?.[1] ?? null;
    const db = await getDb();
    const queued = await triggerByHook(db, { projectSlug: project, environmentName: environment, workflow, token, input });
    if (!queued.ok) return errorResponse(queued.error);
    wakeExecutionWorker();
    const wait = Math.min(Math.max(Number(new URL(request.url).searchParams.get("wait")) || 0, 0), MAX_WAIT_SECONDS);
    if (wait > 0) {
      const finished = await waitForExecution(db, queued.value.id, wait * 1000);
      if (finished && !isActive(finished.status)) return Response.json({ executionId: finished.id, execution: finished });
    }
    return Response.json({ executionId: queued.value.id }, { status: 202 });
  } catch (error) {
    unstable_rethrow(error);
    return errorResponse(reportUnexpected(error, `POST ${new URL(request.url).pathname}`));
  }
}
