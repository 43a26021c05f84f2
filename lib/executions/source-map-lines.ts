/** The parts of an esbuild source map needed to point a stack frame back at a version's file. */
export interface WorkflowSourceMap {
  sources: string[];
  mappings: string;
}

export interface SourcePosition {
  source: string;
  /** 1-based, as editors count. */
  line: number;
  column: number;
}

const BASE64 = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

type Segment = [generatedColumn: number, source: number, line: number, column: number];

/**
 * Where a 1-based line and column of the bundle came from: the last mapping at or before that
 * column on that line (source maps' own rule), or undefined for code esbuild wrote itself.
 */
export function originalPosition(map: WorkflowSourceMap, line: number, column: number): SourcePosition | undefined {
  const segments = decodeLine(map.mappings, line - 1);
  let found: Segment | undefined;
  for (const segment of segments) {
    if (segment[0] > column - 1) break;
    found = segment;
  }
  const source = found ? map.sources[found[1]] : undefined;
  if (!found || source === undefined) return undefined;
  return { source, line: found[2] + 1, column: found[3] + 1 };
}

/** Decodes every line up to `wanted`, since sources, lines and columns are relative across lines. */
function decodeLine(mappings: string, wanted: number): Segment[] {
  let source = 0;
  let line = 0;
  let column = 0;
  const lines = mappings.split(";");
  for (let index = 0; index <= wanted && index < lines.length; index++) {
    const segments: Segment[] = [];
    let generated = 0;
    for (const text of (lines[index] ?? "").split(",")) {
      const fields = decodeVlq(text);
      if (fields.length < 4) continue;
      generated += fields[0] ?? 0;
      source += fields[1] ?? 0;
      line += fields[2] ?? 0;
      column += fields[3] ?? 0;
      segments.push([generated, source, line, column]);
    }
    if (index === wanted) return segments;
  }
  return [];
}

function decodeVlq(text: string): number[] {
  const values: number[] = [];
  let value = 0;
  let shift = 0;
  for (const char of text) {
    const digit = BASE64.indexOf(char);
    if (digit < 0) return [];
    value += (digit & 31) << shift;
    if (digit & 32) {
      shift += 5;
      continue;
    }
    values.push(value & 1 ? -(value >>> 1) : value >>> 1);
    value = 0;
    shift = 0;
  }
  return values;
}
