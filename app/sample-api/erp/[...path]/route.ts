import { unstable_rethrow } from "next/navigation";
import { reportUnexpected } from "@/app/_entry/report-unexpected";
import { errorResponse } from "@/lib/http/respond";
import { answerSampleErp } from "@/lib/sample-api/answer-sample-api";

/**
 * The stub ERP the sample project's workflows write to (lib/sample-api): no session and no
 * Origin (proxy.ts lets /sample-api/ through, as for other systems' calls), the sample's ERP
 * token instead; it keeps only a bounded memory, in this process, of what it was sent.
 */
export async function POST(request: Request, { params }: { params: Promise<{ path: string[] }> }): Promise<Response> {
  try {
    return await answerSampleErp(request, (await params).path.join("/"));
  } catch (error) {
    unstable_rethrow(error);
    return errorResponse(reportUnexpected(error, "POST /sample-api/erp"));
  }
}
