/**
 * True when a Content-Type header names JSON: the media type is exactly `application/json`
 * (any case), optionally followed by parameters such as `; charset=utf-8`. Other types that
 * merely start with the same letters (`application/json-patch+json`, `application/jsonx`) are not.
 */
export function isJsonContentType(header: string | null | undefined): boolean {
  if (!header) return false;
  const mediaType = header.split(";", 1)[0] ?? "";
  return mediaType.trim().toLowerCase() === "application/json";
}
