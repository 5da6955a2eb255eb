import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { test } from "node:test";
import { fileURLToPath } from "node:url";
import { diffSurfaces, formatChanges, surfaceOf } from "../scripts/codegen/api-surface.ts";
import { loadSpec } from "../scripts/codegen/spec.ts";

const fixture = (name: string) => loadSpec(new URL(`./fixtures/spec-changes/${name}.yaml`, import.meta.url));
const report = (after: string) => formatChanges(diffSurfaces(surfaceOf(fixture("before")), surfaceOf(fixture(after))));

test("compatible changes are listed as non-breaking: a minor version", () => {
  assert.equal(
    report("after-compatible"),
    [
      "Public API changes (compared with the committed generated/):",
      "  ok        server https://eu.example.com added",
      "  ok        Request.channel: new optional field (string)",
      "  ok        Response.created_at: new optional field (string)",
      "  ok        Response.is_admin: now required (was optional)",
      '  ok        Locale: new known value "sv"',
      "0 breaking, 5 non-breaking → a minor version.",
    ].join("\n"),
  );
});

test("breaking changes are marked for each side of the wire: a major version", () => {
  assert.equal(
    report("after-breaking"),
    [
      "Public API changes (compared with the committed generated/):",
      "  BREAKING  server https://test.example.com removed",
      "  BREAKING  Request.organization_id: new required field (string)",
      "  BREAKING  Response.is_admin: field removed (was optional boolean)",
      "  BREAKING  Response.member_id: type changed from string to integer",
      "  BREAKING  Response.nickname: now optional (was required)",
      '  BREAKING  Locale: value "es" removed',
      '  BREAKING  Status: new value "suspended"',
      "7 breaking, 0 non-breaking → a major version.",
    ].join("\n"),
  );
});

test("a field moved into a shared component of the same type, and a new operation's required fields, break no one", () => {
  assert.equal(
    report("after-shared"),
    [
      "Public API changes (compared with the committed generated/):",
      "  ok        POST /check: new operation (check)",
      "  ok        CheckRequest.code: new required field (string)",
      "  ok        CheckRequest.member_id: new required field (string)",
      "0 breaking, 3 non-breaking → a minor version.",
    ].join("\n"),
  );
});

test("operations and parameters: added, removed and changed, each with its rule", () => {
  const operations = (name: string) => loadSpec(new URL(`./fixtures/spec-changes/${name}.yaml`, import.meta.url));
  assert.equal(
    formatChanges(diffSurfaces(surfaceOf(operations("operations-before")), surfaceOf(operations("operations-after")))),
    [
      "Public API changes (compared with the committed generated/):",
      "  BREAKING  DELETE /members/{member_id}: operation removed (was deleteMember)",
      "  BREAKING  GET /members/{member_id}: operationId changed from getMember to getMemberById",
      "  ok        GET /organizations/{organization_id}: new operation (getOrganization)",
      "  ok        POST /send: now idempotent: 5xx, timeouts and lost connections are retried by default",
      "  BREAKING  DELETE /members/{member_id} path member_id: parameter removed (was required string)",
      "  BREAKING  GET /members/{member_id} query cursor: now required (was optional)",
      "  BREAKING  GET /members/{member_id} query expand: parameter removed (was optional string)",
      "  ok        GET /members/{member_id} query fields: new optional parameter (string)",
      "  BREAKING  GET /members/{member_id} query limit: type changed from integer to string",
      "  ok        GET /members/{member_id} query locale: now optional (was required)",
      "  BREAKING  GET /members/{member_id} query organization_id: new required parameter (string)",
      "  ok        GET /organizations/{organization_id} path organization_id: new required parameter (string)",
      "7 breaking, 5 non-breaking → a major version.",
    ].join("\n"),
  );
});

test("no change, no noise", () => {
  assert.equal(report("before"), "Public API: no changes.");
});

test("`npm run generate -- --check` fails on drift and prints the same report", () => {
  const root = fileURLToPath(new URL("..", import.meta.url));
  const work = mkdtempSync(join(tmpdir(), "spec-report-"));
  try {
    cpSync(join(root, "generated"), join(work, "generated"), { recursive: true });
    const spec = readFileSync(join(root, "spec/openapi.yaml"), "utf8");
    const anchor = "    Member:\n";
    assert.ok(spec.includes(anchor));
    const [head, tail] = [spec.slice(0, spec.indexOf(anchor)), spec.slice(spec.indexOf(anchor))];
    const withNickname = head + tail.replace(/\n {6}properties:\n/, "\n      properties:\n        nickname:\n          type: string\n          description: A nickname.\n");
    writeFileSync(join(work, "openapi.yaml"), withNickname);
    const run = spawnSync(process.execPath, ["--import", "tsx", join(root, "scripts/generate.ts"), "--check", "--spec", join(work, "openapi.yaml"), "--out", join(work, "generated")], { encoding: "utf8", cwd: root });
    assert.equal(run.status, 1, run.stderr);
    assert.match(run.stderr, /generated\/ is stale: api-surface\.json differs; stytch\.ts differs/);
    assert.match(run.stderr, /ok {8}Member\.nickname: new optional field \(string\)/);
    assert.match(run.stderr, /0 breaking, 1 non-breaking → a minor version\./);
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
});
