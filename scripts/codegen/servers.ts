import type { Spec } from "./spec.ts";

interface ServerObject {
  url: string;
  description?: string;
  "x-project-id-prefix"?: string;
}

/** The spec's `servers`, each tagged with the project id prefix (`x-project-id-prefix`) that selects it. */
export function generateServers(spec: Spec, source = "spec/openapi.yaml"): string {
  const servers = ((spec.servers ?? []) as ServerObject[]).map((server) => {
    const prefix = server["x-project-id-prefix"];
    if (!prefix) throw new Error(`spec: server ${server.url} needs x-project-id-prefix (e.g. project-test-)`);
    return { url: server.url, projectIdPrefix: prefix };
  });
  return [
    "/**",
    ` * Generated from ${source} (servers) by scripts/generate.ts.`,
    " * Do not make direct changes to the file.",
    " */",
    "",
    `export const servers = ${JSON.stringify(servers, null, 2)} as const;`,
    "",
  ].join("\n");
}
