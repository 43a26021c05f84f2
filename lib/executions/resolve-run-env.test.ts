import { describe, expect, it } from "vitest";
import { failure, value } from "@/lib/testing/harness";
import { serverAppUrl } from "./app-url";
import { allowedHostsOf } from "./allowed-hosts";
import { resolveRunEnv, type RunEnvRequest, type RunSetting } from "./resolve-run-env";

const CONNECTIONS = {
  shop: { SHOP_API_URL: "${connections.shop.url}", SHOP_API_TOKEN: "${secrets.SHOP_API_TOKEN}" },
  erp: { ERP_API_URL: "${connections.erp.url}/v2", ERP_API_TOKEN: "${secrets.ERP_API_TOKEN}" },
};

const secret = (key: string, value: string): RunSetting => ({ key, value, isSecret: true });
const plain = (key: string, value: string): RunSetting => ({ key, value, isSecret: false });

function request(settings: RunSetting[], overrides: Partial<RunEnvRequest> = {}): RunEnvRequest {
  return {
    environment: "development",
    settings,
    config: {
      connections: CONNECTIONS,
      environments: {
        development: { values: { "shop.url": "${app.url}/sample-api/shop", "erp.url": "https://erp-sandbox.example.com" }, extra: {} },
        production: { values: { "shop.url": "https://shop.example.com" }, extra: {} },
      },
    },
    appUrl: "http://127.0.0.1:3000",
    ...overrides,
  };
}

const TOKENS = [secret("SHOP_API_TOKEN", "shop-s3cret"), secret("ERP_API_TOKEN", "erp-s3cret")];

describe("resolveRunEnv", () => {
  it("fills connection variables from integration.yaml's environment values and the environment's secrets, beside its settings", () => {
    const env = value(resolveRunEnv(request([...TOKENS, plain("GREETING", "hello")])));
    expect(env).toEqual({
      SHOP_API_TOKEN: "shop-s3cret",
      ERP_API_TOKEN: "erp-s3cret",
      GREETING: "hello",
      SHOP_API_URL: "http://127.0.0.1:3000/sample-api/shop",
      ERP_API_URL: "https://erp-sandbox.example.com/v2",
    });
    expect(allowedHostsOf(env)).toEqual(["127.0.0.1", "erp-sandbox.example.com"]);
  });

  it("lets the environment's setting win over integration.yaml's value, plain or secret", () => {
    const env = value(resolveRunEnv(request([...TOKENS, plain("shop.url", "https://my-shop.test"), secret("erp.url", "https://user:pw@erp.test")])));
    expect(env.SHOP_API_URL).toBe("https://my-shop.test");
    expect(env.ERP_API_URL).toBe("https://user:pw@erp.test/v2");
  });

  it("names every missing key and the environment instead of running with an empty value", () => {
    const error = failure(resolveRunEnv(request([secret("SHOP_API_TOKEN", "x")], { environment: "staging" })));
    expect(error.code).toBe("invalid");
    expect(error.message).toContain("The run could not start in staging:");
    expect(error.message).toContain(
      "integration.yaml's connections.shop.SHOP_API_URL needs shop.url, which staging does not have: add a setting shop.url on the Environments page, or shop.url under environments.staging in integration.yaml",
    );
    expect(error.message).toContain("integration.yaml's connections.erp.ERP_API_TOKEN asks for the secret ERP_API_TOKEN, which staging does not have");
    expect(error.message).not.toContain("SHOP_API_TOKEN, which");
  });

  it("refuses a plain setting where a template asks for a secret", () => {
    const error = failure(resolveRunEnv(request([plain("SHOP_API_TOKEN", "in-clear"), secret("ERP_API_TOKEN", "x")])));
    expect(error.message).toContain("asks for the secret SHOP_API_TOKEN, but SHOP_API_TOKEN is a plain setting in development: make it a secret");
    expect(error.message).not.toContain("in-clear");
  });

  it("never expands a template inside a value it filled in: settings are taken as written", () => {
    const env = value(
      resolveRunEnv(
        request([
          secret("SHOP_API_TOKEN", "${secrets.ERP_API_TOKEN}"),
          secret("ERP_API_TOKEN", "erp-s3cret"),
          plain("shop.url", "https://shop.test/${app.url}"),
        ]),
      ),
    );
    expect(env.SHOP_API_TOKEN).toBe("${secrets.ERP_API_TOKEN}");
    expect(env.SHOP_API_URL).toBe("https://shop.test/${app.url}");
  });

  it("lets integration.yaml's environment values refer only to ${app.url}, so no value can pull a secret into a URL", () => {
    const config = request(TOKENS).config;
    const leaky = { ...config, environments: { development: { values: { "shop.url": "https://evil.test/?t=${secrets.ERP_API_TOKEN}", "erp.url": "https://erp.test" }, extra: {} } } };
    const error = failure(resolveRunEnv(request(TOKENS, { config: leaky })));
    expect(error.message).toContain("integration.yaml's environments.development.shop.url may refer only to ${app.url}, not ${secrets.ERP_API_TOKEN}");
  });

  it("refuses unknown, nested and unclosed references", () => {
    const run = (template: string) =>
      failure(resolveRunEnv(request(TOKENS, { config: { connections: { x: { VALUE: template } }, environments: {} } }))).message;
    expect(run("${env.HOME}")).toContain("refers to ${env.HOME}, which is none of ${connections.<name>.<field>}, ${secrets.<KEY>} or ${app.url}");
    expect(run("${secrets.${connections.shop.url}}")).toContain("refers to ${secrets.${connections.shop.url}, which is none of");
    expect(run("${secrets.SHOP_API_TOKEN")).toContain("has a `${` without its closing `}`");
    expect(run("${connections.shop}")).toContain("which is none of");
    expect(run("${" + "x".repeat(500) + "}")).not.toContain("x".repeat(100));
  });

  it("keeps a literal $ and text around templates", () => {
    const env = value(resolveRunEnv(request(TOKENS, { config: { connections: { x: { VALUE: "cost $5 at ${app.url}/x {y}" } }, environments: {} } })));
    expect(env.VALUE).toBe("cost $5 at http://127.0.0.1:3000/x {y}");
  });

  it("fails ${app.url} where the server's address is not known", () => {
    const error = failure(resolveRunEnv(request(TOKENS, { appUrl: undefined })));
    expect(error.message).toContain("integration.yaml's environments.development.shop.url refers to ${app.url}, but this server does not know its own address");
  });

  it("runs as before without connections: the settings alone", () => {
    expect(value(resolveRunEnv({ environment: "production", settings: [plain("A", "1")], config: { connections: {}, environments: {} } }))).toEqual({ A: "1" });
  });
});

describe("serverAppUrl", () => {
  it("is the loopback at the port Next listens on, or the one interface DRAFTLINE_HOST names", () => {
    expect(serverAppUrl({ PORT: "3000" })).toBe("http://127.0.0.1:3000");
    expect(serverAppUrl({ PORT: "3330", DRAFTLINE_HOST: "0.0.0.0" })).toBe("http://127.0.0.1:3330");
    expect(serverAppUrl({ PORT: "8080", DRAFTLINE_HOST: "192.168.1.20" })).toBe("http://192.168.1.20:8080");
    expect(serverAppUrl({ PORT: "8080", DRAFTLINE_HOST: "fd00::1" })).toBe("http://[fd00::1]:8080");
    expect(serverAppUrl({})).toBeUndefined();
    expect(serverAppUrl({ PORT: "nope" })).toBeUndefined();
  });
});
