import assert from "node:assert/strict";
import { existsSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { join, resolve } from "node:path";

/**
 * The packed package as `npm run pack:consumer` leaves it: npm's listing of the tarball, and an app folder
 * with the tarball installed, where "stytch-b2b-sms" resolves as it does in a user's app. The package-level
 * tests (test/package/) use these; the behaviour tests import src/ and never the package.
 */
export const CONSUMER_DIR = resolve(".build/consumer");
export const INSTALLED_DIR = join(CONSUMER_DIR, "node_modules", "stytch-b2b-sms");
export const LISTING_FILE = resolve(".build/pack/listing.json");

/** What `npm pack --json` says about the tarball. */
export interface PackListing {
  files: { path: string; size: number }[];
  size: number;
  unpackedSize: number;
  entryCount: number;
}

/** The tarball's listing; fails with what to run when the package has not been packed. */
export function packListing(): PackListing {
  assert.ok(existsSync(LISTING_FILE) && existsSync(INSTALLED_DIR), "the package is not packed: run `npm run pack:consumer`");
  return (JSON.parse(readFileSync(LISTING_FILE, "utf8")) as [PackListing])[0];
}

/** `require` as the consumer app sees it: "stytch-b2b-sms" is the installed tarball. */
export const requirePacked = createRequire(join(CONSUMER_DIR, "package.json"));
