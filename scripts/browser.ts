/**
 * The browser the docs test and the runtime matrix drive through playwright-core: an installed Chromium,
 * Chrome or Edge, found where it usually lives (CHROME_PATH first). playwright-core downloads nothing; it
 * drives the browser at `executablePath`.
 */
import { existsSync } from "node:fs";
import { homedir } from "node:os";
import { basename, delimiter, join } from "node:path";
import type { Browser } from "playwright-core";

export interface FoundBrowser {
  /** "chromium", "chrome" or "edge", from the executable's name. */
  name: string;
  path: string;
}

/** The first browser found: $CHROME_PATH, then Chromium, Chrome and Edge in their usual places. */
export function findBrowser(): FoundBrowser | undefined {
  const path = [process.env.CHROME_PATH, ...usualPlaces()].find((candidate) => candidate && existsSync(candidate));
  if (!path) return undefined;
  const file = basename(path).toLowerCase();
  return { path, name: file.includes("chromium") ? "chromium" : file.includes("edge") ? "edge" : "chrome" };
}

/** What to do when no browser is found, for this platform: one instruction. */
export function browserMissing(): string {
  const install: Partial<Record<NodeJS.Platform, string>> = {
    linux: "install Chromium (Debian/Ubuntu: `sudo apt-get update && sudo apt-get install -y --no-install-recommends chromium`; `npm test` does this itself when run as root) or Google Chrome",
    darwin: "install Google Chrome, Chromium or Microsoft Edge into /Applications",
    win32: "install Google Chrome or Microsoft Edge",
  };
  const how = install[process.platform] ?? "install Chromium or Google Chrome";
  return `No Chromium, Chrome or Edge found for the browser tests: ${how}, or set CHROME_PATH to the browser's executable.`;
}

function usualPlaces(): string[] {
  if (process.platform === "darwin") {
    const apps = ["Chromium.app/Contents/MacOS/Chromium", "Google Chrome.app/Contents/MacOS/Google Chrome", "Microsoft Edge.app/Contents/MacOS/Microsoft Edge"];
    return ["/Applications", join(homedir(), "Applications")].flatMap((dir) => apps.map((app) => join(dir, app)));
  }
  if (process.platform === "win32") {
    const dirs = [process.env.LOCALAPPDATA, process.env.PROGRAMFILES, process.env["PROGRAMFILES(X86)"]].filter((dir): dir is string => !!dir);
    const apps = ["Chromium\\Application\\chrome.exe", "Google\\Chrome\\Application\\chrome.exe", "Microsoft\\Edge\\Application\\msedge.exe"];
    return dirs.flatMap((dir) => apps.map((app) => join(dir, app)));
  }
  const names = ["chromium", "chromium-browser", "google-chrome", "google-chrome-stable", "microsoft-edge", "microsoft-edge-stable"];
  const onPath = (process.env.PATH ?? "").split(delimiter).filter(Boolean).flatMap((dir) => names.map((name) => join(dir, name)));
  return [...onPath, "/opt/google/chrome/chrome", "/opt/microsoft/msedge/msedge"];
}

/** Headless, and able to reach nothing but 127.0.0.1 (and file:// pages); shared by the docs and the runtime matrix. */
export async function launchOfflineBrowser(browser: FoundBrowser): Promise<Browser> {
  const { chromium } = await import("playwright-core");
  return chromium.launch({
    executablePath: browser.path,
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
