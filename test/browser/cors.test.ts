/**
 * CORS in a real browser: a page served from another origin (a second loopback server, on its own
 * port) queries the API with `fetch` — a JSON POST, so Chromium sends a preflight first. It gets the
 * answer only from a service whose CORS_ORIGINS lists the page's origin; from one that lists another
 * origin, or none, the browser refuses the call, and the query itself never reaches the service.
 * Without Chromium, see test/support/browser.ts.
 */
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";

import type { Browser, Page } from "playwright-core";

import type { App } from "../../src/app";
import { describeInBrowser, launchChromium } from "../support/browser";
import { capturingLogger, startTestServer } from "../support/server";

jest.setTimeout(60_000);

/** The other team's front end: one page whose `ask(url)` posts a query and reports what came back. */
const PAGE = `<!doctype html>
<html><head><meta charset="utf-8"><title>Front end</title></head><body>
<script>
  window.ask = async url => {
    try {
      const response = await fetch(url, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ query: '{ country(code: "JO") { name capital { name } } }' }),
      });
      return { status: response.status, requestId: response.headers.get("x-request-id") !== null, body: await response.json() };
    } catch (error) {
      return { error: String(error) };
    }
  };
</script>
</body></html>`;

describeInBrowser("a page on another origin calling the API", () => {
  let pageServer: Server;
  let pageOrigin: string;
  let browser: Browser;
  let page: Page;
  const services: App[] = [];

  /** A service allowing `origins`, and the request lines it logs. */
  async function service(origins: string | undefined) {
    const { logger, lines } = capturingLogger();
    const app = await startTestServer(origins === undefined ? {} : { CORS_ORIGINS: origins }, undefined, logger);
    services.push(app);
    const requests = () =>
      lines.filter(line => line.msg === "request").map(line => `${String(line.method)} ${String(line.status)}`);
    return { url: app.url, requests };
  }

  const ask = (url: string) =>
    page.evaluate(target => (window as unknown as { ask(u: string): Promise<unknown> }).ask(target), url);

  beforeAll(async () => {
    pageServer = createServer((_req, res) => {
      res.writeHead(200, { "content-type": "text/html; charset=utf-8" }).end(PAGE);
    });
    await new Promise<void>(done => pageServer.listen(0, "127.0.0.1", done));
    pageOrigin = `http://127.0.0.1:${(pageServer.address() as AddressInfo).port}`;
    browser = await launchChromium();
    page = await browser.newPage();
    await page.goto(`${pageOrigin}/`);
  });

  afterAll(async () => {
    await browser?.close();
    await Promise.all(services.map(app => app.stop()));
    await new Promise<void>(done => pageServer.close(() => done()));
  });

  test("succeeds when the service allows the page's origin", async () => {
    const api = await service(`https://app.example.com,${pageOrigin}`);
    expect(new URL(api.url).origin).not.toBe(pageOrigin);
    expect(await ask(api.url)).toEqual({
      status: 200,
      requestId: true,
      body: {
        data: { country: { name: "Jordan", capital: { name: "Amman" } } },
        extensions: { cost: { requested: 4, actual: 4, limit: 25000 } },
      },
    });
    expect(api.requests()).toEqual(["OPTIONS 204", "POST 200"]);
  });

  test("fails when the service allows only other origins: the preflight is refused, the query never sent", async () => {
    const api = await service("https://app.example.com");
    expect(await ask(api.url)).toEqual({ error: "TypeError: Failed to fetch" });
    expect(api.requests()).toEqual(["OPTIONS 403"]);
  });

  test("fails when the service allows no origin (the default)", async () => {
    const api = await service(undefined);
    expect(await ask(api.url)).toEqual({ error: "TypeError: Failed to fetch" });
    expect(api.requests()).toEqual(["OPTIONS 405"]);
  });
});
