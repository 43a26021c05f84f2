import { QueryClient } from "@tanstack/react-query";
import { describe, expect, it } from "vitest";
import { environmentKeys } from "@/components/environments/queries";
import { versionKeys } from "@/components/versions/queries";
import { executionKeys } from "./queries";

describe("executionKeys.invalidateAfterRunsFinished", () => {
  it("refreshes the environments (active version's rate, last healthy target), their histories and Version History's lists, of that project only", async () => {
    const client = new QueryClient();
    const keys = [
      environmentKeys.list("p"),
      environmentKeys.history("p", "e1"),
      versionKeys.list("p", ""),
      versionKeys.list("p", "sync"),
      versionKeys.authors("p"),
      executionKeys.list("p", "e1", {}),
      environmentKeys.settings("p", "e1"),
      environmentKeys.list("other"),
      versionKeys.list("other", ""),
    ];
    for (const key of keys) client.setQueryData(key, 1);
    await executionKeys.invalidateAfterRunsFinished(client, "p");
    expect(keys.map((key) => client.getQueryState(key)?.isInvalidated)).toEqual([true, true, true, true, false, false, false, false, false]);
  });
});
