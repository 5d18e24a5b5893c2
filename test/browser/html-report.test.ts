/**
 * End-to-end test of the HTML report in a real browser: generates the report of three
 * nato-russia documents with the CLI, opens it in Debian's Chromium through playwright-core and
 * checks what a reader sees and can do (tree, click-to-citation, hover, no network, no JS).
 */
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { type Browser, chromium, type Locator, type Page } from 'playwright-core';

const run = promisify(execFile);
/** The compiled test lives in dist/test/browser/: the repo root is three levels up. */
const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const INPUTS = [
  'examples/nato-russia/001_91a7594f1c02de45.txt',
  'examples/nato-russia/000_31f6c2312a741652.txt',
  'examples/nato-russia/002_8e4e4f2d4b117ffc.txt',
];
const ORIGINAL = INPUTS[0]!;

interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** Polls `check` until it returns true (smooth scrolling takes a moment); false on timeout. */
async function eventually(check: () => Promise<boolean>, timeoutMs = 3000): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (await check()) return true;
    if (Date.now() > deadline) return false;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

function inside(inner: Box, outer: Box): boolean {
  return (
    inner.height > 0 &&
    inner.y >= outer.y - 1 &&
    inner.y + inner.height <= outer.y + outer.height + 1 &&
    inner.x >= outer.x - 1 &&
    inner.x + inner.width <= outer.x + outer.width + 1
  );
}

/** Whether an element is visible to the reader: inside the viewport and inside its scroll box. */
async function onScreen(page: Page, element: Locator, scrollBox: Locator): Promise<boolean> {
  const size = page.viewportSize();
  const box = await element.boundingBox();
  const container = await scrollBox.boundingBox();
  if (size === null || box === null || container === null) return false;
  return inside(box, { x: 0, y: 0, ...size }) && inside(box, container);
}

async function classesOf(element: Locator): Promise<string[]> {
  return ((await element.getAttribute('class')) ?? '').split(/\s+/);
}

describe('HTML report in Chromium', () => {
  let dir = '';
  let url = '';
  let browser: Browser | null = null;

  /** Why Chromium could not be launched: every test then fails with it (never skips). */
  let launchError: string | null = null;

  function chrome(): Browser {
    if (launchError !== null) assert.fail(launchError);
    assert.ok(browser !== null, 'Chromium was not launched');
    return browser;
  }

  /** Opens the report in a fresh context, recording every request, console error and page error. */
  async function open(javaScriptEnabled = true) {
    const context = await chrome().newContext({ javaScriptEnabled, viewport: { width: 1280, height: 800 } });
    const page = await context.newPage();
    const requests: string[] = [];
    const errors: string[] = [];
    page.on('request', (request) => requests.push(request.url()));
    page.on('console', (message) => {
      if (message.type() === 'error') errors.push(`console: ${message.text()}`);
    });
    page.on('pageerror', (error) => errors.push(`page error: ${error.message}`));
    await page.goto(url, { waitUntil: 'load' });
    return { context, page, requests, errors };
  }

  before(async () => {
    const install =
      "install Debian's chromium (apt-get install -y --no-install-recommends chromium) " +
      'or set CHROMIUM_PATH to a Chromium binary';
    if (!existsSync(CHROMIUM)) {
      launchError = `Chromium not found at ${CHROMIUM}: ${install}.`;
      return;
    }
    dir = await mkdtemp(join(tmpdir(), 'wiretrace-browser-'));
    const report = join(dir, 'report.html');
    await run(process.execPath, ['bin/wiretrace.js', 'trace', ...INPUTS, '--html', report], { cwd: ROOT });
    assert.ok(existsSync(report), 'the CLI wrote no report');
    url = pathToFileURL(report).href;
    browser = await chromium
      .launch({
        executablePath: CHROMIUM,
        args: [
          '--headless',
          '--no-sandbox',
          '--disable-gpu',
          '--disable-background-networking',
          '--disable-component-update',
          '--no-first-run',
          '--disable-sync',
        ],
      })
      .catch((error: unknown) => {
        launchError = `Chromium at ${CHROMIUM} did not start (${String(error)}): ${install}.`;
        return null;
      });
  });

  after(async () => {
    await browser?.close();
    if (dir !== '') await rm(dir, { recursive: true, force: true });
  });

  it('loads nothing but itself and logs no errors', async () => {
    const { context, page, requests, errors } = await open();
    // Exercise the script too, so errors in its handlers would show.
    await page.locator('#s1-e2 a.cite-link').first().click();
    await page.locator('#s1-e2-copy-text mark[data-peer]').first().hover();
    await context.close();
    assert.deepEqual(requests, [url]);
    assert.deepEqual(errors, []);
  });

  it('draws the family tree: one node per document, the root labelled as original', async () => {
    const { context, page } = await open();
    const svg = page.locator('#s1 svg.tree');
    assert.equal(await svg.count(), 1);
    const box = await svg.boundingBox();
    assert.ok(box !== null && box.width > 0 && box.height > 0, 'the SVG is laid out');
    const nodes = svg.locator('g.node');
    assert.equal(await nodes.count(), 3);
    assert.deepEqual(
      (await nodes.evaluateAll((all) => all.map((g) => g.getAttribute('data-input')))).sort(),
      [...INPUTS].sort(),
    );
    const root = svg.locator('g.node.root');
    assert.equal(await root.count(), 1);
    assert.equal(await root.getAttribute('data-input'), ORIGINAL);
    assert.match((await root.locator('.root-tag').textContent()) ?? '', /^original · \d+% sure$/);
    assert.ok(await root.locator('rect').isVisible());
    await context.close();
  });

  it('a click on a change scrolls to and flashes its citation in both columns', async () => {
    const { context, page } = await open();
    const change = page.locator('#s1-e2 ol.changes > li', { hasText: 'Antony' });
    assert.equal(await change.count(), 1, 'one “Antony” → “Anthony” change in the 002 section');
    const changeId = await change.getAttribute('id');
    assert.ok(changeId !== null);
    const srcBox = page.locator('#s1-e2-src-text');
    const copyBox = page.locator('#s1-e2-copy-text');
    const srcCite = srcBox.locator(`span.cite[data-c~="${changeId}"]`);
    const copyCite = copyBox.locator(`span.cite[data-c~="${changeId}"]`);
    assert.equal(await srcCite.textContent(), 'Antony');
    assert.equal(await copyCite.textContent(), 'Anthony');
    assert.ok(!(await onScreen(page, srcCite, srcBox)), 'the citation starts off screen');
    assert.ok(!(await classesOf(srcCite)).includes('flash'));

    await change.locator('a.cite-link').first().click();

    const shown = await eventually(
      async () => (await onScreen(page, srcCite, srcBox)) && (await onScreen(page, copyCite, copyBox)),
    );
    assert.ok(shown, 'both citations are scrolled into view');
    assert.ok((await classesOf(srcCite)).includes('flash'), 'source citation flashes');
    assert.ok((await classesOf(copyCite)).includes('flash'), 'copy citation flashes');
    // The script handles the click itself: the page does not jump to the #anchor.
    assert.equal(new URL(page.url()).hash, '');
    await context.close();
  });

  it('a click on a change citing removed page chrome unfolds the removed blocks and flashes the cited one', async () => {
    const { context, page } = await open();
    const change = page.locator('#s1-e2 ol.changes > li', { hasText: 'ALSO READ' });
    assert.equal(await change.count(), 1, 'one teaser-added change in the 002 section');
    const folded = page.locator('details#s1-e2-copy-removed');
    assert.equal(await folded.count(), 1);
    assert.equal(await folded.getAttribute('open'), null, 'starts folded');

    await change.locator('a.cite-link').first().click();

    const opened = await eventually(async () => (await folded.getAttribute('open')) !== null);
    assert.ok(opened, 'the removed blocks unfold');
    const flashing = folded.locator('li.flash');
    assert.equal(await flashing.count(), 1);
    assert.match((await flashing.textContent()) ?? '', /teaser.*ALSO READ/);
    await context.close();
  });

  it('hovering a passage in the copy highlights its counterpart in the source', async () => {
    const { context, page } = await open();
    const mark = page.locator('#s1-e2-copy-text mark[data-peer]').first();
    const peerId = await mark.getAttribute('data-peer');
    assert.ok(peerId !== null);
    const peer = page.locator(`[id="${peerId}"]`);
    assert.equal(await peer.count(), 1);
    assert.equal(await page.locator(`#s1-e2-src-text [id="${peerId}"]`).count(), 1, 'peer is in the source');
    assert.ok(!(await classesOf(peer)).includes('peer'));

    await mark.hover();
    assert.ok((await classesOf(mark)).includes('peer'), 'hovered mark is outlined');
    assert.ok((await classesOf(peer)).includes('peer'), 'counterpart is outlined');
    const outline = await peer.evaluate(
      (element) => element.ownerDocument.defaultView?.getComputedStyle(element).outlineStyle,
    );
    assert.equal(outline, 'solid');

    await page.locator('h1').hover();
    assert.ok(!(await classesOf(peer)).includes('peer'), 'outline goes when the mouse leaves');
    await context.close();
  });

  it('is readable with JavaScript disabled', async () => {
    const { context, page, requests } = await open(false);
    const src = page.locator('#s1-e2-src-text');
    const copy = page.locator('#s1-e2-copy-text');
    assert.ok(await src.isVisible());
    assert.ok(await copy.isVisible());
    assert.match((await src.textContent()) ?? '', /Antony Blinken/);
    assert.match((await copy.textContent()) ?? '', /Anthony Blinken/);
    const changes = page.locator('#s1-e2 ol.changes > li');
    assert.ok((await changes.count()) > 5);
    assert.ok(await changes.first().isVisible());
    assert.ok(await page.locator('#s1 svg.tree g.node').first().isVisible());
    // Without the script, a change link is a plain jump to the source citation's anchor.
    const link = page.locator('#s1-e2 ol.changes > li', { hasText: 'Antony' }).locator('a.cite-link').first();
    const href = (await link.getAttribute('href')) ?? '';
    await link.click();
    assert.equal(new URL(page.url()).hash, href);
    assert.deepEqual(requests, [url]);
    await context.close();
  });
});
