/**
 * Generated from spec/openapi.yaml (servers) by scripts/generate.ts.
 * Do not make direct changes to the file.
 */

export const servers = [
  {
    "url": "https://test.stytch.com",
    "projectIdPrefix": "project-test-"
  },
  {
    "url": "https://api.stytch.com",
    "projectIdPrefix": "project-live-"
  }
] as const;
