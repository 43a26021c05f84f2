import { QueryObserver } from "@tanstack/react-query";
import { describe, expect, it } from "vitest";
import { AppQueryClient } from "./app-query-client";

/** A server whose answers say how many changes it had seen when it read, each answer released by the test. */
function server() {
  let changes = 0;
  const pending: Array<() => void> = [];
  return {
    change: () => (changes += 1),
    read: () =>
      new Promise<number>((resolve) => {
        const seen = changes;
        pending.push(() => resolve(seen));
      }),
    answerAll: () => pending.splice(0).forEach((answer) => answer()),
  };
}

describe("AppQueryClient", () => {
  it("an invalidation during a first load reads again after the change, instead of keeping what the load read before it", async () => {
    const client = new AppQueryClient({ defaultOptions: { queries: { retry: false } } });
    const api = server();
    const observer = new QueryObserver(client, { queryKey: ["settings"], queryFn: api.read });
    const unsubscribe = observer.subscribe(() => {});
    await Promise.resolve();
    api.change();
    const invalidated = client.invalidateQueries({ queryKey: ["settings"] });
    await new Promise((resolve) => setTimeout(resolve, 0));
    api.answerAll();
    await invalidated;
    expect(client.getQueryData(["settings"])).toBe(1);
    expect(observer.getCurrentResult()).toMatchObject({ status: "success", data: 1 });
    unsubscribe();
    client.clear();
  });

  it("leaves a loaded query's refetch to React Query, and other queries alone", async () => {
    const client = new AppQueryClient({ defaultOptions: { queries: { retry: false } } });
    const api = server();
    client.setQueryData(["loaded"], 0);
    const other = new QueryObserver(client, { queryKey: ["other"], queryFn: api.read });
    const unsubscribe = other.subscribe(() => {});
    await Promise.resolve();
    api.change();
    const invalidated = client.invalidateQueries({ queryKey: ["loaded"] });
    await new Promise((resolve) => setTimeout(resolve, 0));
    api.answerAll();
    await invalidated;
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(client.getQueryData(["other"])).toBe(0);
    unsubscribe();
    client.clear();
  });
});
