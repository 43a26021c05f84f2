import type { ApiOperation } from "@/lib/api/api-operation";
import * as draft from "./draft-operations";
import * as meta from "./meta-operations";
import * as release from "./release-operations";

export type NamedApiOperation = ApiOperation & { operationId: string };

/** Every operation of /api/v1, in the order the reference lists them, named as exported. */
export const API_OPERATIONS: readonly NamedApiOperation[] = [meta, draft, release].flatMap((group) =>
  Object.entries(group).map(([operationId, operation]: [string, ApiOperation]) => ({ ...operation, operationId })),
);
