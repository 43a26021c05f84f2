import type { ApiOperation } from "@/lib/api/api-operation";
import * as draft from "./draft-operations";
import * as release from "./release-operations";

/** Every operation of /api/v1, in the order the reference lists them. */
export const API_OPERATIONS: readonly ApiOperation[] = [...Object.values(draft), ...Object.values(release)];
