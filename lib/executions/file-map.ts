/** A version's files by path ("workflows/order-sync.ts"), as the sandbox reads them. */
export type FileMap = ReadonlyMap<string, string>;

export function toFileMap(files: ReadonlyArray<{ path: string; content: string }>): FileMap {
  return new Map(files.map((file) => [file.path, file.content]));
}
