import { z } from "zod";
import { describe, expect, it } from "vitest";
import { parseApiBody, parseApiQuery } from "./parse-api-input";

const schema = z.object({ name: z.string().min(1, "Name it."), count: z.number().optional(), mode: z.enum(["a", "b"]).optional() });

describe("parsing the token API's input", () => {
  it("words what the schema does not, naming the field: never zod's defaults", () => {
    expect(parseApiBody(schema, "{}", "application/json")).toEqual({ ok: false, error: { code: "invalid", message: "Send `name`.", fields: { name: "Send `name`." } } });
    expect(parseApiBody(schema, '{"name":"x","count":"1"}', "application/json")).toMatchObject({ error: { message: "`count` must be a number." } });
    expect(parseApiBody(schema, '{"name":"x","mode":"c"}', "application/json")).toMatchObject({ error: { message: '`mode` must be one of "a", "b".' } });
    expect(parseApiBody(schema, '{"name":""}', "application/json")).toMatchObject({ error: { message: "Name it." } });
    expect(parseApiQuery(schema, new URLSearchParams())).toMatchObject({ error: { message: "Send `name`." } });
  });

  it("wants a JSON object with a JSON content type, and no body where none is taken", () => {
    for (const text of ['"text"', "[]", "null", "3"]) expect(parseApiBody(schema, text, "application/json")).toMatchObject({ error: { message: "Send the request body as a JSON object." } });
    expect(parseApiBody(schema, "{", "application/json")).toMatchObject({ error: { message: "The request body is not valid JSON." } });
    expect(parseApiBody(schema, '{"name":"x"}', "text/plain")).toMatchObject({ error: { code: "invalid" } });
    expect(parseApiBody(undefined, "{}", "application/json")).toMatchObject({ error: { message: "This call takes no request body." } });
    expect(parseApiBody(schema, '{"name":"x"}', "application/json")).toEqual({ ok: true, value: { name: "x" } });
  });
});
