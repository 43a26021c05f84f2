import { originalPosition, type WorkflowSourceMap } from "./source-map-lines";

/**
 * Rewrites a QuickJS stack's frames in the bundle (`bundleName:line:column`) to the version's
 * files and lines they came from, so people see `workflows/order-sync.ts:95:11`.
 */
export function mapStack(stack: string, bundleName: string, map: WorkflowSourceMap): string {
  const frame = new RegExp(`${bundleName.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}:(\\d+)(?::(\\d+))?`, "g");
  return stack.replace(frame, (text, line: string, column: string | undefined) => {
    const position = originalPosition(map, Number(line), Number(column ?? 1));
    return position ? `${position.source}:${position.line}:${position.column}` : text;
  });
}
