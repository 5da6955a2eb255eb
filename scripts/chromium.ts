import type { Browser } from "playwright-core";

export const CHROMIUM = "/usr/bin/chromium";

/** Headless Chromium that can reach nothing but 127.0.0.1 (and file:// pages); shared by the docs and the runtime matrix. */
export async function launchOfflineChromium(): Promise<Browser> {
  const { chromium } = await import("playwright-core");
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: [
      "--headless",
      "--no-sandbox",
      "--disable-gpu",
      "--disable-quic",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
      // Without this Chromium looks up Google hosts in the background; everything but 127.0.0.1 fails to resolve.
      "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1",
    ],
  });
}
