import { seriousViolations } from "./axe";
import { BASE_URL } from "./base-url";
import { expect, test } from "./fixtures";
import { AccountPage } from "./pages/account";
import { SAMPLE_PROJECT } from "./pages/workspace";

/** A script's call: the token, JSON, and no Origin (no browser is involved). */
function api(token: string, path: string, init: { method?: string; body?: unknown; headers?: Record<string, string> } = {}) {
  return fetch(`${BASE_URL}/api/v1${path}`, {
    method: init.method ?? "GET",
    headers: { authorization: `Bearer ${token}`, ...(init.body ? { "content-type": "application/json" } : {}), ...init.headers },
    body: init.body ? JSON.stringify(init.body) : undefined,
  });
}

test("a token made in the account page lists versions and deploys to staging through the API, once per Idempotency-Key, until revoked", async ({ workspace, page }) => {
  const account = new AccountPage(page);
  await workspace.open();
  await account.openFromMenu();
  let token = "";
  for (const width of [1440, 768, 390]) {
    await page.setViewportSize({ width, height: 900 });
    if (width !== 1440) await page.goto("/account");
    const dialog = await account.startToken(`deploy script ${width}`);
    expect(await seriousViolations(page), `Create token dialog at ${width}px`).toEqual([]);
    const created = await account.finishToken(dialog);
    expect(created).toMatch(/^dl_[A-Za-z0-9_-]{43}$/);
    // The page re-reads its list behind the dialog; axe looks once it has.
    await expect(page).toHaveTitle("Account · Draftline");
    expect(await seriousViolations(page), `the new token at ${width}px`).toEqual([]);
    expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth), `no sideways scrolling at ${width}px`).toBe(true);
    await page.getByRole("dialog", { name: "Your new token" }).getByRole("button", { name: "Done" }).click();
    await expect(account.token(`deploy script ${width}`)).toContainText("All your projects");
    // Shown once: the list holds only the token's first characters.
    await expect(account.tokens).not.toContainText(created);
    token ||= created;
  }

  await account.tokens.getByRole("link", { name: "API" }).click();
  await expect(page.getByRole("heading", { name: "API reference", level: 1 })).toBeVisible();
  await expect(page.getByRole("region", { name: "Deploy a version, or the latest draft as a new version" })).toContainText("Idempotency-Key");
  expect(await seriousViolations(page), "the API reference").toEqual([]);
  await page.goto("/account");

  const created = await api(token, `/projects/${SAMPLE_PROJECT}/versions`, { method: "POST", body: { name: "From a script", description: "made with a token" } });
  expect(created.status, await created.clone().text()).toBe(201);
  const versions = await api(token, `/projects/${SAMPLE_PROJECT}/versions?limit=5&search=script`);
  expect(versions.status).toBe(200);
  const { items } = (await versions.json()) as { items: Array<{ id: string; name: string }> };
  expect(items.map((item) => item.name)).toEqual(["From a script"]);

  const { environments } = (await (await api(token, `/projects/${SAMPLE_PROJECT}/environments`)).json()) as {
    environments: Array<{ id: string; name: string; activeVersion: { id: string } | null }>;
  };
  const staging = environments.find((environment) => environment.name === "staging")!;
  const target = items.find((item) => item.id !== staging.activeVersion?.id)!;
  const deploy = () =>
    api(token, `/projects/${SAMPLE_PROJECT}/environments/${staging.id}/deployments`, {
      method: "POST",
      body: { versionId: target.id },
      headers: { "idempotency-key": `e2e-${target.id}` },
    });
  const deployed = await deploy();
  expect(deployed.status, await deployed.clone().text()).toBe(201);
  expect(await deployed.json()).toMatchObject({ outcome: "deployed", environment: { name: "staging" }, version: { id: target.id } });
  const retried = await deploy();
  expect(retried.status).toBe(201);
  expect(retried.headers.get("idempotent-replayed")).toBe("true");
  expect(retried.headers.get("access-control-allow-origin")).toBeNull();

  const history = (await (await api(token, `/projects/${SAMPLE_PROJECT}/environments/${staging.id}/history?limit=3`)).json()) as { entries?: unknown[] };
  expect(JSON.stringify(history)).toContain(target.id);

  await page.reload();
  await account.token("deploy script 1440").getByRole("button", { name: "Revoke deploy script 1440" }).click();
  await expect(account.token("deploy script 1440")).toContainText("Revoked");
  const refused = await api(token, `/projects/${SAMPLE_PROJECT}/versions`);
  expect(refused.status).toBe(401);
  expect(await refused.json()).toMatchObject({ error: { code: "unauthenticated" } });
});
