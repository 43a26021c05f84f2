import { unstable_rethrow } from "next/navigation";
import { reportUnexpected } from "@/app/_entry/report-unexpected";
import { errorResponse } from "@/lib/http/respond";
import { answerSampleShop } from "@/lib/sample-api/answer-sample-api";

/**
 * The stub web shop the sample project's workflows read (lib/sample-api): no session (proxy.ts
 * lets /sample-api/ through), the sample's shop token instead; it only reads computed data.
 */
export async function GET(request: Request, { params }: { params: Promise<{ path: string[] }> }): Promise<Response> {
  try {
    return answerSampleShop(request, (await params).path.join("/"));
  } catch (error) {
    unstable_rethrow(error);
    return errorResponse(reportUnexpected(error, "GET /sample-api/shop"));
  }
}
