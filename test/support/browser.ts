/**
 * Debian's Chromium for the browser tests, driven by playwright-core (no browser is downloaded).
 * Without /usr/bin/chromium a browser suite is skipped, with a line saying how to install it, except
 * under CI=true, where it fails: CI installs Chromium in .ci/run.
 */
import { existsSync } from "node:fs";

import { type Browser, chromium } from "playwright-core";

const CHROMIUM = "/usr/bin/chromium";
const hasChromium = existsSync(CHROMIUM);

/** `describe` when Chromium is installed; otherwise a failing test under CI=true, or a skipped suite. */
export function describeInBrowser(name: string, suite: () => void): void {
  if (hasChromium) {
    describe(name, suite);
    return;
  }
  if (process.env.CI === "true") {
    test(`${name}: Chromium is installed (required when CI=true)`, () => {
      throw new Error(`${CHROMIUM} is missing: the browser test cannot run; .ci/run installs Debian's chromium`);
    });
    return;
  }
  process.stderr.write(`skipping "${name}": ${CHROMIUM} is missing (install it with \`apt-get install chromium\`)\n`);
  describe.skip(name, suite);
}

export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: [
      "--no-sandbox",
      "--disable-gpu",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
      "--no-first-run",
      "--disable-quic",
    ],
  });
}
