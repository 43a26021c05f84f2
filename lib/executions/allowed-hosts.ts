/**
 * The hosts a run may fetch from: those of the environment's settings whose values are http(s)
 * URLs ("https://erp.example.com/api" allows erp.example.com on any port). Nothing else.
 */
export function allowedHostsOf(settings: Record<string, string>): string[] {
  const hosts = new Set<string>();
  for (const value of Object.values(settings)) {
    const text = value.trim();
    if (!/^https?:\/\//i.test(text)) continue;
    try {
      hosts.add(new URL(text).hostname.toLowerCase());
    } catch {
      // Not a URL after all: it allows nothing.
    }
  }
  return [...hosts].sort();
}
