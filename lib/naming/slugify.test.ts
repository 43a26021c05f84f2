import { describe, expect, it } from "vitest";
import { FEATURE_SLUG } from "./parse-name";
import { slugify } from "./slugify";

const SLUGS = [
  ["Added retry logic to order sync workflow", "retry-logic-order-sync"],
  ["Fix the login redirect for SSO users", "login-redirect-sso-users"],
  ["Updated and improved the checkout", "checkout"],
  ["Multi-tenant support", "multi-tenant-support"],
  ["API v2 migration", "api-v2-migration"],
  ["  Hotfix: auth  ", "hotfix-auth"],
  ["Café menü", "cafe-menu"],
  ["Don't retry the user's orders", "dont-retry-users-orders"],
  ["2 new endpoints for billing", "new-endpoints-billing"],
  ["Fix it", "fix-it"],
  ["Update", "update"],
  ["Supercalifragilisticexpialidocious internationalization", "supercalifragilisticexpialidocious"],
  ["x".repeat(50), "x".repeat(40)],
] as const;

describe("slugify", () => {
  it.each(SLUGS)("%j → %s", (text, slug) => {
    expect(slugify(text)).toBe(slug);
  });

  it.each(["", "   ", "!!! ???", "修复登录", "42", "2026 03 09"])("gives no slug for %j", (text) => {
    expect(slugify(text)).toBe("");
  });

  it.each(SLUGS)("makes a feature name of %j, at most 40 characters", (text) => {
    const slug = slugify(text);
    expect(slug).toMatch(FEATURE_SLUG);
    expect(slug.length).toBeLessThanOrEqual(40);
  });

  it("takes other limits", () => {
    expect(slugify("one two three four five six", { maxWords: 5 })).toBe("one-two-three-four-five");
    expect(slugify("one two three four five six", { maxLength: 9 })).toBe("one-two");
  });
});
