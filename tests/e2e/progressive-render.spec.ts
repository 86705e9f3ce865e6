/**
 * A page half-arrived holds still: a browser paints what it has parsed, and
 * a slow network (or a busy phone) stops the HTML at any point, so what a
 * reader already sees must not move when the rest arrives. Each test serves
 * a page in two parts, split just before a landmark of its layout, sends the
 * second once the browser has painted the first, and expects nothing to have
 * moved.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { expect, test, type Page } from '@playwright/test';
import { layoutShifts, recordLayoutShifts } from './layout-shifts';
import { articlePath, liveBlogPath } from './seed';

const SPLIT_HEADER = 'x-split-before';
const REST_PATH = '/__send-the-rest';

let server: Server;
let origin: string;
let sendTheRest: (() => void) | undefined;

// Passes every request to the site, and sends an HTML page's text in two
// parts: up to the first `x-split-before` marker, then the rest when
// REST_PATH is requested (a page without the marker is sent whole, and the
// test fails on the missing split).
async function relay(request: IncomingMessage, response: ServerResponse, baseURL: string): Promise<void> {
  if (request.url === REST_PATH) {
    response.writeHead(sendTheRest ? 204 : 409).end();
    sendTheRest?.();
    sendTheRest = undefined;
    return;
  }
  const upstream = await fetch(new URL(request.url!, baseURL));
  const type = upstream.headers.get('content-type') ?? '';
  const body = Buffer.from(await upstream.arrayBuffer());
  response.writeHead(upstream.status, { 'content-type': type, 'cache-control': 'no-store' });
  const marker = request.headers[SPLIT_HEADER];
  const at = typeof marker === 'string' && type.startsWith('text/html') ? body.indexOf(marker) : -1;
  if (at <= 0) return void response.end(body);
  response.write(body.subarray(0, at));
  sendTheRest = () => response.end(body.subarray(at));
}

test.beforeAll(async ({ baseURL }) => {
  server = createServer((request, response) => void relay(request, response, baseURL!));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

test.afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

test.beforeEach(async ({ page }) => {
  // The live blog's JSON is not fetched: what moves must be the HTML's doing.
  await page.route('**/updates.json', (route) => route.abort());
  await recordLayoutShifts(page, { whole: false });
});

// The desktop project's widths for the wide layouts; the phone project's screen for its own.
const cases: { path: string; widths: number[]; before: string[] }[] = [
  { path: '/', widths: [1280, 1920], before: ['class="front-secondary"', 'class="front-live"'] },
  { path: articlePath, widths: [1280], before: ['class="story-rail', 'class="story-body', '<h2'] },
  {
    path: liveBlogPath,
    widths: [1280],
    before: ['class="prose summary"', 'data-key-events', 'id="update-mission-silent"', 'id="update-un-watch-reacts"'],
  },
];

for (const { path, widths, before } of cases) {
  for (const marker of before) {
    test(`${path}, arriving in two parts split before ${marker}: nothing moves`, async ({ page }, testInfo) => {
      const screens = testInfo.project.name === 'phone' ? [page.viewportSize()!.width] : widths;
      for (const width of screens) {
        await test.step(`at ${width} px`, () => arriveInTwoParts(page, path, marker, width));
      }
    });
  }
}

async function arriveInTwoParts(page: Page, path: string, marker: string, width: number): Promise<void> {
  await page.setViewportSize({ width, height: page.viewportSize()!.height });
  await page.setExtraHTTPHeaders({ [SPLIT_HEADER]: marker });
  await page.goto(`${origin}${path}`, { waitUntil: 'commit' });
  // The reader sees the first part alone; then the rest arrives.
  await page.waitForFunction(() => performance.getEntriesByName('first-contentful-paint').length > 0);
  expect((await fetch(`${origin}${REST_PATH}`)).status, `the page was sent in two parts at ${marker}`).toBe(204);
  await page.waitForLoadState('load');
  expect(await layoutShifts(page)).toEqual([]);
}
