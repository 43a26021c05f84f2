import { fail, ok, type Result } from "@/lib/result";
import type { IntegrationConfig } from "./integration-config";

export interface RunSetting {
  key: string;
  /** The real value: a secret already decrypted. */
  value: string;
  isSecret: boolean;
}

export interface RunEnvRequest {
  /** The environment's name ("development"), which picks integration.yaml's `environments.<name>`. */
  environment: string;
  settings: readonly RunSetting[];
  config: Pick<IntegrationConfig, "connections" | "environments">;
  /** Where this server reaches itself (`${app.url}`), when known in this process. */
  appUrl?: string;
}

/** `${…}` and what it names; anything else between `${` and `}` is refused, never passed on. */
type Reference = { kind: "connection"; key: string } | { kind: "secret"; key: string } | { kind: "app" };

const TEMPLATE = /\$\{([^}]*)\}/g;
const CONNECTION = /^connections\.([A-Za-z_][\w-]*)\.([A-Za-z_][\w.-]*)$/;
const SECRET = /^secrets\.([A-Za-z_][\w.-]*)$/;
const FORMS = "${connections.<name>.<field>}, ${secrets.<KEY>} or ${app.url}";

/**
 * What a run gets as `context.env`: the environment's settings (secrets decrypted), then each
 * variable integration.yaml's `connections:` declares, its `${…}` templates filled in:
 * `${connections.shop.url}` from the environment's setting `shop.url`, else from
 * `environments.<environment>.shop.url` in integration.yaml (the setting wins);
 * `${secrets.SHOP_API_TOKEN}` from the environment's secret SHOP_API_TOKEN only (a plain setting of
 * that name is refused: what a template calls a secret must be stored as one); `${app.url}` as
 * where this server reaches itself. Values are filled in once: a `${…}` inside a setting's value
 * stays as written, and integration.yaml's environment values may use only `${app.url}`.
 * Anything missing fails with every problem named, the environment included.
 */
export function resolveRunEnv(request: RunEnvRequest): Result<Record<string, string>> {
  const settings = new Map(request.settings.map((setting) => [setting.key, setting]));
  const yamlValues = request.config.environments[request.environment]?.values ?? {};
  const problems: string[] = [];
  const env: Record<string, string> = Object.fromEntries(request.settings.map((setting) => [setting.key, setting.value]));

  const fill = (template: string, where: string, allowed: ReadonlySet<Reference["kind"]>): string | undefined => {
    const unclosed = template.replace(TEMPLATE, "").indexOf("${");
    if (unclosed >= 0) {
      problems.push(`${where} has a \`\${\` without its closing \`}\``);
      return undefined;
    }
    let complete = true;
    const filled = template.replace(TEMPLATE, (_, inner: string) => {
      const found = lookUp(inner.trim(), where, allowed);
      if (found === undefined) complete = false;
      return found ?? "";
    });
    return complete ? filled : undefined;
  };

  const lookUp = (inner: string, where: string, allowed: ReadonlySet<Reference["kind"]>): string | undefined => {
    const reference = parseReference(inner);
    if (!reference) {
      problems.push(`${where} refers to \${${shorten(inner)}}, which is none of ${FORMS}`);
      return undefined;
    }
    if (!allowed.has(reference.kind)) {
      problems.push(`${where} may refer only to \${app.url}, not \${${inner}}`);
      return undefined;
    }
    if (reference.kind === "app") {
      if (request.appUrl) return request.appUrl;
      problems.push(`${where} refers to \${app.url}, but this server does not know its own address (it is known once it listens on a port)`);
      return undefined;
    }
    const setting = settings.get(reference.key);
    if (reference.kind === "secret") {
      if (setting?.isSecret) return setting.value;
      problems.push(
        setting
          ? `${where} asks for the secret ${reference.key}, but ${reference.key} is a plain setting in ${request.environment}: make it a secret on the Environments page`
          : `${where} asks for the secret ${reference.key}, which ${request.environment} does not have: add it as a secret on the Environments page`,
      );
      return undefined;
    }
    // A setting is taken as written: its value is never searched for templates.
    if (setting) return setting.value;
    const fromYaml = yamlValues[reference.key];
    if (fromYaml !== undefined) {
      return fill(fromYaml, `integration.yaml's environments.${request.environment}.${reference.key}`, APP_ONLY);
    }
    problems.push(
      `${where} needs ${reference.key}, which ${request.environment} does not have: add a setting ${reference.key} on the Environments page, or ${reference.key} under environments.${request.environment} in integration.yaml`,
    );
    return undefined;
  };

  for (const [connection, variables] of Object.entries(request.config.connections)) {
    for (const [name, template] of Object.entries(variables)) {
      const filled = fill(template, `integration.yaml's connections.${connection}.${name}`, ANY);
      if (filled !== undefined) env[name] = filled;
    }
  }
  if (problems.length > 0) {
    return fail("invalid", `The run could not start in ${request.environment}: ${problems.join("; ")}.`);
  }
  return ok(env);
}

const ANY: ReadonlySet<Reference["kind"]> = new Set(["connection", "secret", "app"]);
const APP_ONLY: ReadonlySet<Reference["kind"]> = new Set(["app"]);

function parseReference(inner: string): Reference | undefined {
  if (inner === "app.url") return { kind: "app" };
  const connection = CONNECTION.exec(inner);
  if (connection) return { kind: "connection", key: `${connection[1]}.${connection[2]}` };
  const secret = SECRET.exec(inner);
  if (secret) return { kind: "secret", key: secret[1]! };
  return undefined;
}

function shorten(text: string): string {
  return text.length > 60 ? `${text.slice(0, 60)}…` : text;
}
