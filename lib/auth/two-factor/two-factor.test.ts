import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CLIENT_ADDRESS_HEADER } from "@/lib/auth/client-address";
import { createAuth, type Auth } from "@/lib/auth/create-auth";
import { DEMO_PASSWORD, DEMO_USERS, seedDemoUsers } from "@/lib/auth/seed-demo-users";
import { createTestDb } from "@/lib/db/test-db";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { createProject } from "@/lib/projects/create-project";
import { SAMPLE_PROJECT } from "@/lib/projects/sample-project";
import { value } from "@/lib/testing/harness";
import { totpCode, totpSecret } from "@/lib/testing/totp";
import { confirmTwoFactor } from "./confirm-two-factor";
import { disableTwoFactor } from "./disable-two-factor";
import { startTwoFactor } from "./start-two-factor";
import { twoFactorEnabled } from "./two-factor-enabled";

const ORIGIN = "http://127.0.0.1:3000";
let connection: Awaited<ReturnType<typeof createTestDb>>;
let db: PrismaClient;
let auth: Auth;
const person = DEMO_USERS.find((user) => user.role === "release_manager")!;

function post(path: string, body: unknown, cookie = "") {
  return auth.handler(
    new Request(`${ORIGIN}/api/auth${path}`, {
      method: "POST",
      headers: { "content-type": "application/json", origin: ORIGIN, host: "127.0.0.1:3000", [CLIENT_ADDRESS_HEADER]: "203.0.113.9", cookie },
      body: JSON.stringify(body),
    }),
  );
}

/** The cookies a response sets, as a Cookie header. */
function cookies(response: Response): string {
  return response.headers
    .getSetCookie()
    .map((line) => line.split(";", 1)[0]!)
    .filter((pair) => !pair.endsWith("="))
    .join("; ");
}

beforeAll(async () => {
  connection = await createTestDb();
  db = connection.prisma;
  auth = createAuth(db, { secret: "b".repeat(43), origins: { publicOrigin: null, trustProxy: false } });
  value(await createProject(db, { ...SAMPLE_PROJECT, environments: ["development"] }));
  await seedDemoUsers(db);
});

afterAll(() => connection.close());

describe("two-factor sign-in", () => {
  let secret = "";
  let backupCodes: string[] = [];

  it("is turned on by the password, then a code from the app; the log says so", async () => {
    const session = new Headers({ cookie: cookies(await post("/sign-in/email", { email: person.email, password: DEMO_PASSWORD })), origin: ORIGIN, host: "127.0.0.1:3000" });
    const user = await db.user.findUniqueOrThrow({ where: { email: person.email } });
    const actor = { id: user.id, name: user.name };

    expect(await startTwoFactor(auth, { password: "not the password", headers: session })).toMatchObject({ ok: false, error: { code: "invalid", fields: { password: "The password is wrong." } } });
    const setup = value(await startTwoFactor(auth, { password: DEMO_PASSWORD, headers: session }));
    secret = setup.secret;
    backupCodes = setup.backupCodes;
    expect(totpSecret(setup.totpUri)).toBe(secret);
    expect(setup.qrSvg).toMatch(/^<svg[\s\S]*<\/svg>$/);
    expect(backupCodes.length).toBeGreaterThan(0);
    expect(await twoFactorEnabled(db, user.id)).toBe(false);

    const wrong = totpCode(secret) === "000000" ? "111111" : "000000";
    expect(await confirmTwoFactor(db, auth, { actor, code: wrong, headers: session })).toMatchObject({ ok: false, error: { code: "invalid" } });
    expect(await twoFactorEnabled(db, user.id)).toBe(false);
    value(await confirmTwoFactor(db, auth, { actor, code: totpCode(secret), headers: session }));
    expect(await twoFactorEnabled(db, user.id)).toBe(true);
    expect(await db.auditEvent.findFirstOrThrow({ where: { kind: "two_factor.enabled" } })).toMatchObject({ actorId: user.id, projectId: null });
    // The code check that turned it on is no sign-in.
    expect(await db.auditEvent.count({ where: { kind: "sign_in", actorId: user.id } })).toBe(1);
  });

  it("then signing in asks for a code after the password, and a right one (or a backup code) finishes it", async () => {
    const first = await post("/sign-in/email", { email: person.email, password: DEMO_PASSWORD });
    expect(await first.json()).toMatchObject({ twoFactorRedirect: true });
    expect(cookies(first)).not.toMatch(/draftline\.session_token=/);
    const pending = cookies(first);

    expect((await post("/two-factor/verify-totp", { code: "12345" }, pending)).ok).toBe(false);
    const signedIn = await post("/two-factor/verify-totp", { code: totpCode(secret) }, pending);
    expect(signedIn.status).toBe(200);
    expect(cookies(signedIn)).toMatch(/draftline\.session_token=/);

    const again = cookies(await post("/sign-in/email", { email: person.email, password: DEMO_PASSWORD }));
    const withBackup = await post("/two-factor/verify-backup-code", { code: backupCodes[0] }, again);
    expect(withBackup.status).toBe(200);
    const user = await db.user.findUniqueOrThrow({ where: { email: person.email } });
    const signIns = await db.auditEvent.findMany({ where: { kind: "sign_in", actorId: user.id }, orderBy: { id: "asc" } });
    expect(signIns.at(-1)?.summary).toMatchObject({ method: "password and second factor" });
  });

  it("is turned off by the password, and the log says so", async () => {
    const pending = cookies(await post("/sign-in/email", { email: person.email, password: DEMO_PASSWORD }));
    const session = new Headers({ cookie: cookies(await post("/two-factor/verify-totp", { code: totpCode(secret) }, pending)), origin: ORIGIN, host: "127.0.0.1:3000" });
    const user = await db.user.findUniqueOrThrow({ where: { email: person.email } });
    const actor = { id: user.id, name: user.name };
    expect(await disableTwoFactor(db, auth, { actor, password: "wrong password", headers: session })).toMatchObject({ ok: false, error: { code: "invalid" } });
    value(await disableTwoFactor(db, auth, { actor, password: DEMO_PASSWORD, headers: session }));
    expect(await twoFactorEnabled(db, user.id)).toBe(false);
    expect(await db.auditEvent.count({ where: { kind: "two_factor.disabled", actorId: user.id } })).toBe(1);
    expect(await (await post("/sign-in/email", { email: person.email, password: DEMO_PASSWORD })).json()).not.toMatchObject({ twoFactorRedirect: true });
  });
});
