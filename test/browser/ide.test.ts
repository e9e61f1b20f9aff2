/**
 * The GraphQL IDE in a real browser: Debian's Chromium, driven by playwright-core, opens the
 * service's root (redirected to /graphql), waits for GraphiQL, runs the first example tab
 * (`BilateralSummary`) with the execute button and reads the answer from the result panel. Every
 * request the page makes must stay on the service's own origin (the IDE inlines all its assets).
 *
 * A screenshot of the answer is saved outside the checkout (the temporary folder), or to
 * IDE_SCREENSHOT when set: `npm run docs:screenshot` refreshes docs/ide.png that way.
 * Without Chromium, see test/support/browser.ts.
 */
import { mkdirSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";

import type { Browser, BrowserContext, Locator, Page, Response } from "playwright-core";

import type { App } from "../../src/app";
import { describeInBrowser, launchChromium } from "../support/browser";
import { startTestServer } from "../support/server";

const SCREENSHOT = process.env.IDE_SCREENSHOT
  ? resolve(process.env.IDE_SCREENSHOT)
  : join(tmpdir(), "bilateral-graph-ide.png");

jest.setTimeout(60_000);

/** Text with all whitespace removed: the result editor soft-wraps long lines wherever it likes. */
const squash = (text: string): string => text.replace(/\s+/g, "");

/** Waits until the element's rendered text contains every one of `needles` (whitespace ignored). */
async function waitForText(locator: Locator, needles: readonly string[], timeoutMs = 15_000): Promise<string> {
  const deadline = Date.now() + timeoutMs;
  let text = "";
  for (;;) {
    text = await locator.innerText({ timeout: timeoutMs });
    const missing = needles.filter(needle => !squash(text).includes(squash(needle)));
    if (missing.length === 0) return text;
    if (Date.now() > deadline) {
      throw new Error(`timed out waiting for ${JSON.stringify(missing)} in:\n${text}`);
    }
    await new Promise(resolve => setTimeout(resolve, 100));
  }
}

/**
 * Scrolls an editor panel down with the mouse wheel (a few lines a turn) until every one
 * of `needles` has been on screen (whitespace ignored); fails once the panel stops scrolling.
 */
async function scrollUntilSeen(page: Page, panel: Locator, needles: readonly string[]): Promise<void> {
  const unseen = new Set(needles);
  let text = squash(await panel.innerText());
  await panel.hover();
  for (let step = 0; step < 300; step += 1) {
    for (const needle of unseen) if (text.includes(squash(needle))) unseen.delete(needle);
    if (unseen.size === 0) return;
    await page.mouse.wheel(0, 400);
    const before = text;
    for (let poll = 0; poll < 20 && text === before; poll += 1) {
      await new Promise(resolve => setTimeout(resolve, 50));
      text = squash(await panel.innerText());
    }
    if (text === before) break; // the end of the panel
  }
  throw new Error(`never saw ${JSON.stringify([...unseen])} in the panel; its end reads:\n${await panel.innerText()}`);
}

function operationNameOf(response: Response): unknown {
  try {
    const body = response.request().postDataJSON() as { operationName?: unknown } | null;
    return body?.operationName;
  } catch {
    return undefined;
  }
}

interface SeenRequest {
  readonly method: string;
  readonly url: string;
  readonly resourceType: string;
}

describeInBrowser("GraphiQL in a real browser", () => {
  let app: App | undefined;
  let browser: Browser | undefined;
  let context: BrowserContext;
  let page: Page;
  let origin: string;
  let graphqlUrl: string;
  const requests: SeenRequest[] = [];
  const graphqlResponses: Response[] = [];
  const consoleMessages: string[] = [];
  const pageErrors: string[] = [];

  beforeAll(async () => {
    app = await startTestServer();
    graphqlUrl = app.url;
    origin = new URL(app.url).origin;
    expect(origin).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);

    browser = await launchChromium();
    context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    page = await context.newPage();
    page.on("request", request => {
      requests.push({ method: request.method(), url: request.url(), resourceType: request.resourceType() });
    });
    page.on("response", response => {
      if (response.url() === graphqlUrl && response.request().method() === "POST") graphqlResponses.push(response);
    });
    page.on("console", message => consoleMessages.push(`${message.type()}: ${message.text()}`));
    page.on("pageerror", error => pageErrors.push(error.message));
  });

  afterAll(async () => {
    await browser?.close();
    await app?.stop();
  });

  test("GET / redirects to /graphql, which renders GraphiQL with the example tabs", async () => {
    const response = await page.goto(`${origin}/`, { waitUntil: "load" });
    expect(response?.status()).toBe(200);
    expect(page.url()).toBe(graphqlUrl);
    expect(response?.request().redirectedFrom()?.url()).toBe(`${origin}/`);
    expect(await response?.headerValue("content-type")).toMatch(/^text\/html/);

    await page.getByRole("button", { name: "Execute query (Ctrl-Enter)" }).waitFor({ state: "visible" });
    const tabs = page.getByRole("tablist", { name: "Select active operation" });
    await waitForText(tabs, ["BilateralSummary", "CountryToAwardAndBack", "Search"]);
    await page.getByRole("tab", { name: /BilateralSummary/, selected: true }).waitFor({ state: "visible" });
    await waitForText(page.getByRole("region", { name: "Operation Editor" }), [
      "query BilateralSummary {",
      'bilateralRelations(countries: ["KZ", "JO"]) {',
    ]);
  });

  test("the execute button runs BilateralSummary and the result panel shows the answer", async () => {
    const answered = page.waitForResponse(
      response =>
        response.url() === graphqlUrl &&
        response.request().method() === "POST" &&
        operationNameOf(response) === "BilateralSummary",
    );
    await page.getByRole("button", { name: "Execute query (Ctrl-Enter)" }).click();
    const response = await answered;

    // A JSON POST, so it passes Apollo's CSRF prevention and is answered 200 with data and no errors.
    const request = response.request();
    expect(request.method()).toBe("POST");
    expect(request.headers()["content-type"]).toMatch(/^application\/json\b/);
    expect(response.status()).toBe(200);
    const body = (await response.json()) as Record<string, unknown>;
    expect(body).not.toHaveProperty("errors");
    expect(body).toMatchObject({
      data: {
        bilateralRelations: {
          latestMeeting: { date: "2025-08-27", city: { name: "Astana" } },
          flightRoutes: {
            nodes: [
              {
                operator: { name: "Royal Jordanian Airlines" },
                origin: { name: "Amman" },
                destination: { name: "Almaty" },
                plannedYear: 2026,
              },
            ],
          },
        },
      },
    });

    // The result panel is an editor that renders only the lines in view: check the top first…
    const result = page.getByRole("region", { name: "Result Window" });
    await waitForText(result, [
      '"title": "Tokayev–Abdullah II talks in Astana"',
      '"date": "2025-08-27"',
      '"title": "Increase bilateral trade turnover to $500 million"',
      '"formatted": "$500,000,000.00"',
    ]);
    mkdirSync(dirname(SCREENSHOT), { recursive: true });
    await page.mouse.move(1270, 795); // off the execute button, so no tooltip covers the picture
    await page.screenshot({ path: SCREENSHOT });

    // …then scroll the panel down to the flight route, the last field of the data.
    await scrollUntilSeen(page, result, [
      '"operator": { "name": "Royal Jordanian Airlines" }',
      '"origin": { "name": "Amman" }',
      '"destination": { "name": "Almaty" }',
      '"plannedYear": 2026',
    ]);
  });

  test("every request the page made went to the service itself, and all were answered", () => {
    const offOrigin = requests.filter(({ url }) => {
      const parsed = new URL(url);
      if (parsed.protocol === "data:") return false;
      // blob: URLs (GraphiQL's inlined web workers) carry the origin that created them.
      return parsed.origin !== origin;
    });
    expect(offOrigin).toEqual([]);

    // The document at /, its redirect target, then JSON POSTs (schema introspection, the operation).
    expect(requests.slice(0, 2)).toEqual([
      { method: "GET", url: `${origin}/`, resourceType: "document" },
      { method: "GET", url: graphqlUrl, resourceType: "document" },
    ]);
    expect(graphqlResponses.length).toBeGreaterThanOrEqual(2);
    for (const response of graphqlResponses) {
      expect({ url: response.url(), status: response.status() }).toEqual({ url: graphqlUrl, status: 200 });
    }
    expect(pageErrors).toEqual([]);
    expect(consoleMessages.filter(message => message.startsWith("error:"))).toEqual([]);
  });
});
