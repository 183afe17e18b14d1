// End-to-end test of the search page in a real browser: Debian's headless Chromium driven by
// playwright-core, against a running `newsdesk serve` on the sample archive.
//   node search_page_test.mjs http://127.0.0.1:PORT [SCREENSHOT.png]
// Exits 0 when every step passed, 1 (with the failed step) otherwise.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';

const base = process.argv[2];
const screenshot = process.argv[3];
if (!base) {
  console.error('usage: node search_page_test.mjs BASE_URL [SCREENSHOT]');
  process.exit(2);
}
const QUERY = 'minister';   // 28 sample articles: three pages

const profile = mkdtempSync(join(tmpdir(), 'newsdesk-chromium-'));
const context = await chromium.launchPersistentContext(profile, {
  executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
  headless: true,
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
         '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  viewport: { width: 1280, height: 900 },
});

let step = 'start';
const problems = [];
try {
  const page = context.pages()[0] || await context.newPage();
  page.setDefaultTimeout(10_000);
  // Nothing may be fetched from elsewhere, and the page must run without errors (CSP included).
  page.on('request', (r) => {
    if (!r.url().startsWith(base) && !r.url().startsWith('data:')) problems.push(`request outside the server: ${r.url()}`);
  });
  page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
  page.on('console', (m) => { if (m.type() === 'error') problems.push(`console error: ${m.text()}`); });

  const api = async (params) => {
    const res = await fetch(`${base}/api/search?${new URLSearchParams(params)}`);
    assert.equal(res.status, 200, `api ${params}`);
    return res.json();
  };
  const searches = () => page.evaluate(() => Number(document.body.dataset.searches || 0));
  // Runs `action` and waits until the page has shown the search it started.
  const searched = async (action) => {
    const before = await searches();
    await action();
    await page.waitForFunction((n) => Number(document.body.dataset.searches || 0) > n, before);
  };
  // Loads a new document (goto, reload) and waits until it has shown its first search.
  const loaded = async (action) => {
    await action();
    await page.waitForFunction(() => Number(document.body.dataset.searches || 0) >= 1);
  };
  const total = async () => Number(await page.getAttribute('#status', 'data-total'));
  const hitIds = () => page.$$eval('#hits .hit', (hits) => hits.map((h) => h.dataset.id));
  const ranks = () => page.$$eval('#hits .hit', (hits) => hits.map((h) => Number(h.dataset.rank)));
  const query = () => new URL(page.url()).searchParams.get('q') || '';

  step = 'the page loads and lists every article';
  await loaded(() => page.goto(`${base}/`));
  assert.equal(await page.title(), 'newsdesk');
  const all = await api({ q: '', limit: '0' });
  assert.equal(await total(), all.total);
  assert.ok(await page.$('label[for=q]'), 'the search box has a label');

  step = 'the syntax help opens and its examples run';
  await page.click('#syntax-toggle');
  assert.equal(await page.getAttribute('#syntax-toggle', 'aria-expanded'), 'true');
  assert.ok(await page.isVisible('#syntax'));
  await searched(() => page.click('#syntax .example:text-is("date:2021")'));
  assert.equal(query(), 'date:2021');
  assert.equal(await total(), (await api({ q: 'date:2021', limit: '0' })).total);
  assert.ok(await page.isHidden('#syntax'));

  step = `typing a query shows the API's hits`;
  await page.fill('#q', QUERY);
  await searched(() => page.press('#q', 'Enter'));
  const expected = await api({ q: QUERY, limit: '10' });
  assert.equal(await total(), expected.total);
  assert.ok(expected.total > 20, 'the query finds more than two pages');
  assert.deepEqual(await hitIds(), expected.hits.map((h) => h.id));
  const titles = await page.$$eval('#hits .hit-title', (t) => t.map((x) => x.textContent));
  assert.deepEqual(titles, expected.hits.map((h) => h.title || '(no title)'));
  assert.ok(await page.$$eval('#hits .snippet mark', (m) => m.length) > 0, 'snippets mark the query words');
  assert.equal(query(), QUERY);

  step = 'the facets are shown with counts';
  for (const facet of ['speaker', 'country', 'source', 'year'])
    assert.ok(await page.$(`.facet-value[data-facet=${facet}]`), `a ${facet} value is listed`);
  const countryNames = await page.$$eval('.facet-value[data-facet=country] .facet-name', (n) => n.map((x) => x.textContent));
  assert.ok(countryNames.some((n) => /[a-z]{3}/.test(n)), 'countries are shown with names');
  if (screenshot) await page.screenshot({ path: screenshot, fullPage: false });

  step = 'clicking a speaker filters by it, with the count the facet showed';
  const speaker = page.locator('.facet-value[data-facet=speaker]').first();
  const name = await speaker.getAttribute('data-value');
  const count = Number(await speaker.getAttribute('data-count'));
  await searched(() => speaker.click());
  assert.equal(await total(), count);
  assert.equal(query(), `${QUERY} speaker:"${name}"`);
  const pressed = page.locator(`.facet-value[data-facet=speaker][data-value="${name}"]`);
  assert.equal(await pressed.getAttribute('aria-pressed'), 'true');

  step = 'clicking it again removes the filter';
  await searched(() => pressed.click());
  assert.equal(query(), QUERY);
  assert.equal(await total(), expected.total);

  step = 'clicking a year in the histogram filters by that year';
  const bar = page.locator('#histogram-bars .bar:not([disabled])').first();
  const year = await bar.getAttribute('data-year');
  const yearCount = Number(await bar.getAttribute('data-count'));
  await searched(() => bar.click());
  assert.equal(await total(), yearCount);
  assert.equal(query(), `${QUERY} date:${year}`);
  await searched(() => page.click(`.facet-value[data-facet=year][data-value="${year}"]`));
  assert.equal(query(), QUERY);

  step = 'a country filter works with the keyboard';
  const country = page.locator('.facet-value[data-facet=country]').first();
  const code = await country.getAttribute('data-value');
  const countryCount = Number(await country.getAttribute('data-count'));
  await country.focus();
  await searched(() => page.keyboard.press('Enter'));
  assert.equal(query(), `${QUERY} country:${code}`);
  assert.equal(await total(), countryCount);
  await searched(() => page.click(`.facet-value[data-facet=country][data-value="${code}"]`));
  assert.equal(query(), QUERY);

  step = 'paging';
  const firstPage = await hitIds();
  assert.ok(await page.isVisible('#pager'));
  assert.ok(await page.isDisabled('#prev'));
  await searched(() => page.click('#next'));
  assert.equal(new URL(page.url()).searchParams.get('page'), '2');
  assert.deepEqual(await ranks(), [11, 12, 13, 14, 15, 16, 17, 18, 19, 20]);
  const secondPage = await hitIds();
  assert.deepEqual(secondPage, (await api({ q: QUERY, limit: '10', offset: '10' })).hits.map((h) => h.id));
  assert.match(await page.textContent('#page-info'), /Page 2 of 3/);

  step = 'reloading keeps the state';
  await loaded(() => page.reload());
  assert.equal(await page.inputValue('#q'), QUERY);
  assert.deepEqual(await hitIds(), secondPage);
  assert.equal(await ranks().then((r) => r[0]), 11);

  step = 'the order is kept in the address too';
  await searched(() => page.selectOption('#sort', 'newest'));
  assert.equal(new URL(page.url()).searchParams.get('sort'), 'newest');
  assert.deepEqual(await hitIds(), (await api({ q: QUERY, sort: 'newest', limit: '10' })).hits.map((h) => h.id));
  await loaded(() => page.reload());
  assert.equal(await page.inputValue('#sort'), 'newest');

  step = 'going back through history restores earlier searches';
  await searched(() => page.goBack());
  assert.deepEqual(await hitIds(), secondPage);
  await searched(() => page.goBack());
  assert.deepEqual(await hitIds(), firstPage);

  step = 'reading an article in place';
  await page.click('#hits .hit >> nth=0 >> button.link');
  await page.waitForSelector('#hits .hit >> nth=0 >> .article-body p');

  step = 'no errors in the page';
  assert.deepEqual(problems, []);

  step = 'a bad query shows the parser message';
  await page.fill('#q', '"unclosed phrase');
  await searched(() => page.press('#q', 'Enter'));
  assert.ok(await page.isVisible('#error'));
  assert.match(await page.textContent('#error'), /position 1/);
  assert.equal(await page.$$eval('#hits .hit', (h) => h.length), 0);

  // Chromium reports the 400 itself; nothing else may go wrong.
  assert.deepEqual(problems.filter((p) => !/status of 400/.test(p)), []);
  console.log('search page: all steps passed');
} catch (e) {
  console.error(`search page test failed at: ${step}\n${e.stack || e}`);
  if (problems.length) console.error(problems.join('\n'));
  process.exitCode = 1;
} finally {
  await context.close();
  rmSync(profile, { recursive: true, force: true });
}
