import { QueryClient } from "@tanstack/react-query";
import { describe, expect, it } from "vitest";
import type { VersionJson } from "@/lib/versions/version-json";
import { addCreatedVersion, versionKeys, type VersionPages } from "./queries";

function version(number: number): VersionJson {
  return {
    id: `v${number}`,
    number,
    name: `1.0.${number}`,
    description: "",
    origin: "manual",
    author: "Ada",
    fileCount: 1,
    createdAt: new Date(2026, 0, number).toISOString(),
  };
}

function cachedPages(): VersionPages {
  return {
    pages: [
      { items: [version(3), version(2)], nextBefore: 2, total: 3, health: [] },
      { items: [version(1)], nextBefore: null, total: 3, health: [] },
    ],
    pageParams: [null, 2],
  };
}

describe("addCreatedVersion", () => {
  it("puts the new version at the top of the unfiltered list and counts it, once", () => {
    const client = new QueryClient();
    client.setQueryData(versionKeys.list("p", ""), cachedPages());
    addCreatedVersion(client, "p", version(4));
    addCreatedVersion(client, "p", version(4));
    const data = client.getQueryData<VersionPages>(versionKeys.list("p", ""));
    expect(data?.pages[0]?.items.map((item) => item.number)).toEqual([4, 3, 2]);
    expect(data?.pages.map((page) => page.total)).toEqual([4, 4]);
  });

  it("marks searches stale instead of guessing whether they match", () => {
    const client = new QueryClient();
    client.setQueryData(versionKeys.list("p", ""), cachedPages());
    client.setQueryData(versionKeys.list("p", "retry"), cachedPages());
    addCreatedVersion(client, "p", version(4));
    expect(client.getQueryState(versionKeys.list("p", "retry"))?.isInvalidated).toBe(true);
    expect(client.getQueryState(versionKeys.list("p", ""))?.isInvalidated).toBe(false);
    expect(client.getQueryData<VersionPages>(versionKeys.list("p", "retry"))?.pages[0]?.items).toHaveLength(2);
  });

  it("marks filtered lists stale too, and treats filters left empty as the unfiltered list", () => {
    const client = new QueryClient();
    expect(versionKeys.list("p", "", { origin: undefined, author: "" })).toEqual(versionKeys.list("p", ""));
    client.setQueryData(versionKeys.list("p", ""), cachedPages());
    client.setQueryData(versionKeys.list("p", "", { environment: "production" }), cachedPages());
    addCreatedVersion(client, "p", version(4));
    expect(client.getQueryState(versionKeys.list("p", "", { environment: "production" }))?.isInvalidated).toBe(true);
    expect(client.getQueryState(versionKeys.list("p", ""))?.isInvalidated).toBe(false);
    expect(client.getQueryData<VersionPages>(versionKeys.list("p", ""))?.pages[0]?.items[0]?.number).toBe(4);
  });
});
