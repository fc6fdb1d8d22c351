// The search page in a real browser: indexes the bundled committee report, starts
// `parlsearch serve` on a free loopback port, and drives Debian's headless Chromium with
// Playwright through a search, a party filter, the URL state, back/forward and the language
// switch, the charts, the concordance and the downloads. Saves screenshots as
// <build-dir>/browser-test.png, browser-party-year.png and browser-concordance.png.
//
//   node page_test.mjs --parlsearch BUILD/parlsearch --source-dir SRC --build-dir BUILD
//
// Exits 0 when every check passes, 1 when one fails, and 77 (skipped) when Chromium or the
// npm packages (npm ci --prefix tests/browser) are not installed.

import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import { parseArgs } from 'node:util';

const SKIP = 77;
const CHROMIUM = process.env.PARLSEARCH_CHROMIUM || '/usr/bin/chromium';
const REPORT = 'corpus/samples/A-805-2_2023-2024_paradigm.txt';
const ROSTER = 'corpus/rosters/brussels-parliament-2019-2024.tsv';
const QUERY = 'interoperabiliteit';
const TIMEOUT_MS = 20_000;

const { values: options } = parseArgs({
  options: {
    parlsearch: { type: 'string' },
    'source-dir': { type: 'string' },
    'build-dir': { type: 'string' },
  },
});
for (const name of ['parlsearch', 'source-dir', 'build-dir']) {
  if (!options[name]) {
    console.error(`usage: node page_test.mjs --parlsearch BIN --source-dir DIR --build-dir DIR`);
    process.exit(2);
  }
}

if (!existsSync(CHROMIUM)) {
  console.log(`SKIP: ${CHROMIUM} is not installed (apt-get install chromium)`);
  process.exit(SKIP);
}
let chromium;
let axeSource;
try {
  ({ chromium } = await import('playwright-core'));
  const require = createRequire(import.meta.url);
  axeSource = await readFile(require.resolve('axe-core/axe.min.js'), 'utf8');
} catch (error) {
  if (error.code !== 'ERR_MODULE_NOT_FOUND' && error.code !== 'MODULE_NOT_FOUND') throw error;
  console.log('SKIP: playwright-core or axe-core is not installed ' +
    '(npm ci --prefix tests/browser)');
  process.exit(SKIP);
}

// Debates of several parties over five years that speak of interoperability, as JSON Lines:
// translation pairs, a party silent in some years.
function datedDebates() {
  const parties = ['Groen', 'Ecolo', 'MR', 'Vooruit', 'PS'];
  const lines = [];
  let n = 0;
  parties.forEach((party, p) => {
    for (let year = 2019; year <= 2023; year++) {
      const times = (p + year) % 4;
      for (let i = 0; i < times; i++, n++) {
        const common = {
          doc: `D-${year}`, pair: `dated-${n}`, speaker: `Lid ${party}`, party,
          date: `${year}-0${1 + (i % 9)}-15`, page: 1 + i, section: 'Digitale overheid',
        };
        lines.push(JSON.stringify({ ...common, id: `dated-nl-${n}`, lang: 'nl',
          text: `De ${QUERY} van de systemen, punt ${n}.` }));
        lines.push(JSON.stringify({ ...common, id: `dated-fr-${n}`, lang: 'fr',
          text: `L'interopérabilité des systèmes, point ${n}.` }));
      }
    }
  });
  return `${lines.join('\n')}\n`;
}

// Runs the command to its end; rejects with its output when it fails.
function run(command, args) {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (chunk) => { output += chunk; });
    child.stderr.on('data', (chunk) => { output += chunk; });
    child.on('error', reject);
    child.on('close', (code) => {
      if (code === 0) resolve(output);
      else reject(new Error(`${command} ${args.join(' ')} exited with ${code}:\n${output}`));
    });
  });
}

// Starts `parlsearch serve --port 0` and resolves with the server and the URL it prints.
function serve(binary, database) {
  return new Promise((resolve, reject) => {
    const server = spawn(binary, ['serve', '--db', database, '--host', '127.0.0.1', '--port', '0',
      '--threads', '4'], { stdio: ['ignore', 'ignore', 'pipe'] });
    let log = '';
    const timer = setTimeout(() => {
      server.kill('SIGTERM');
      reject(new Error(`parlsearch serve printed no address within ${TIMEOUT_MS} ms:\n${log}`));
    }, TIMEOUT_MS);
    server.stderr.setEncoding('utf8');
    server.stderr.on('data', (chunk) => {
      log += chunk;
      const match = /^parlsearch: serving .* on (http:\/\/127\.0\.0\.1:\d+\/)$/m.exec(log);
      if (match) {
        clearTimeout(timer);
        resolve({ server, url: match[1], log: () => log });
      }
    });
    server.on('error', (error) => {
      clearTimeout(timer);
      reject(error);
    });
    server.on('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`parlsearch serve exited with ${code} before serving:\n${log}`));
    });
  });
}

function stop(server) {
  return new Promise((resolve) => {
    if (server.exitCode !== null || server.signalCode !== null) {
      resolve();
      return;
    }
    const timer = setTimeout(() => server.kill('SIGKILL'), 5000);
    server.once('exit', () => {
      clearTimeout(timer);
      resolve();
    });
    server.kill('SIGTERM');
  });
}

let passed = 0;
async function check(name, body) {
  await body();
  passed++;
  console.log(`ok ${passed} - ${name}`);
}

// Waits until the page shows the search that the URL holds.
async function searchShown(page) {
  await page.waitForFunction(() => document.body.dataset.state === 'ready' &&
    document.querySelector('#results').getAttribute('aria-busy') === 'false');
}

// The accessibility rules of axe-core (WCAG 2.x A and AA) that the page breaks. axe runs
// through the DevTools protocol, so the page's Content-Security-Policy stays in force.
async function accessibilityViolations(page) {
  if (!(await page.evaluate(() => typeof window.axe !== 'undefined'))) {
    await page.evaluate(axeSource);
  }
  const result = await page.evaluate(() => window.axe.run(document, {
    runOnly: {
      type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'],
    },
    resultTypes: ['violations'],
  }));
  return result.violations.map((violation) => {
    const where = violation.nodes.map((node) => node.target).join(', ');
    return `${violation.id} (${violation.impact}): ${where}`;
  });
}

function params(page) {
  return new URL(page.url()).searchParams;
}

const buildDir = path.resolve(options['build-dir']);
const sourceDir = path.resolve(options['source-dir']);
await mkdir(path.join(buildDir, 'test-tmp'), { recursive: true });
const workDir = await mkdtemp(path.join(buildDir, 'test-tmp', 'browser-'));
const database = path.join(workDir, 'index');
const screenshot = path.join(buildDir, 'browser-test.png');
const partyYearScreenshot = path.join(buildDir, 'browser-party-year.png');
const concordanceScreenshot = path.join(buildDir, 'browser-concordance.png');
let server = null;
let serverLog = () => '';
let browser = null;
let failed = false;

try {
  await run(options.parlsearch, ['index', '--db', database,
    '--roster', path.join(sourceDir, ROSTER), path.join(sourceDir, REPORT)]);
  const dated = path.join(workDir, 'dated.jsonl');
  await writeFile(dated, datedDebates());
  await run(options.parlsearch, ['index', '--db', database, '--format', 'jsonl', dated]);
  const served = await serve(options.parlsearch, database);
  server = served.server;
  serverLog = served.log;
  const base = served.url;

  browser = await chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync',
      '--disable-dev-shm-usage'],
  });
  const context = await browser.newContext({
    viewport: { width: 1280, height: 1000 }, locale: 'nl-BE',
  });
  const page = await context.newPage();
  page.setDefaultTimeout(TIMEOUT_MS);

  // Everything the page loads comes from the server itself, without errors (a CSP violation
  // is reported as a console error).
  const problems = [];
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(`console: ${message.text()}`);
  });
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  page.on('request', (request) => {
    const url = request.url();
    if (!url.startsWith(base) && !url.startsWith('data:')) problems.push(`foreign request: ${url}`);
  });
  page.on('requestfailed', (request) => {
    problems.push(`request failed: ${request.url()} ${request.failure()?.errorText}`);
  });

  await check('the page loads with its form and labelled search box', async () => {
    const response = await page.goto(base);
    assert.equal(response.status(), 200);
    assert.match(response.headers()['content-security-policy'] || '', /default-src 'self'/);
    await page.waitForSelector('form#search #q');
    assert.equal(await page.locator('label[for="q"]').count(), 1);
    assert.equal(await page.locator('html').getAttribute('lang'), 'nl');
    assert.deepEqual(await accessibilityViolations(page), []);
  });

  await check(`searching "${QUERY}" shows hits beside translations, with <mark>`, async () => {
    await page.fill('#q', QUERY);
    await page.press('#q', 'Enter');
    await searchShown(page);
    assert.equal(params(page).get('q'), QUERY);
    const hits = page.locator('#results li.hit');
    assert.ok(await hits.count() > 0, 'no hits');
    const total = await page.textContent('[aria-live="polite"] #total');
    assert.match(total, /\d+ resultaten? voor/);
    assert.ok(await page.locator('#results li.hit .original mark').count() > 0, 'no <mark> shown');
    const first = hits.first();
    const translation = first.locator('.side.translation .text');
    assert.ok((await translation.textContent()).trim().length > 20, 'no translation text');
    assert.equal(await first.locator('.side.translation').getAttribute('lang'), 'fr');
    const left = await first.locator('.side.original').boundingBox();
    const right = await first.locator('.side.translation').boundingBox();
    assert.ok(right.x >= left.x + left.width - 1, 'the translation is not beside the paragraph');
    assert.ok(Math.abs(right.y - left.y) < 5, 'the two sides do not start on one line');
    for (const field of ['.speaker', '.party', '.doc', '.page', '.section']) {
      assert.ok(await first.locator(field).count() === 1, `the first hit has no ${field}`);
    }
  });

  let party = '';
  let partyCount = 0;
  await check('clicking a party facet value shows only that party, in the URL too', async () => {
    const button = page.locator('[data-facet="party"] button[data-value]').first();
    party = await button.getAttribute('data-value');
    partyCount = Number((await button.locator('.facet-count').textContent()).trim());
    assert.equal(await button.getAttribute('aria-pressed'), 'false');
    await button.click();
    await searchShown(page);
    assert.deepEqual(params(page).getAll('party'), [party]);
    assert.equal(params(page).get('q'), QUERY);
    const parties = await page.locator('#results li.hit .party').allTextContents();
    assert.equal(await page.locator('#results li.hit').count(), parties.length,
      'a hit shows no party');
    assert.ok(parties.length > 0, 'no hits after filtering');
    assert.equal(parties.length, Math.min(partyCount, 10));
    for (const shown of parties) assert.equal(shown, party);
    const pressed = page.locator(`[data-facet="party"] button[data-value="${party}"]`);
    assert.equal(await pressed.getAttribute('aria-pressed'), 'true');
    assert.ok(await page.locator('[data-facet="party"] button[aria-pressed="false"]').count() > 0,
      'the other parties can no longer be added');
  });

  await check('the filtered search breaks no accessibility rule (axe-core)', async () => {
    assert.deepEqual(await accessibilityViolations(page), []);
  });

  await check('the screenshot of the filtered search is saved', async () => {
    await page.screenshot({ path: screenshot, fullPage: true });
  });

  await check('back shows every party again; forward restores the filter', async () => {
    // The first number of "1.234 resultaten voor …, 1–10".
    const totalShown = async () =>
      Number((await page.textContent('#total')).match(/[\d.]+/)[0].replaceAll('.', ''));
    const filtered = await page.locator('#results li.hit').count();
    const filteredTotal = await totalShown();
    await page.goBack();
    await page.waitForFunction(() => !new URL(location.href).searchParams.has('party'));
    await searchShown(page);
    assert.ok(await totalShown() > filteredTotal);
    await page.goForward();
    await page.waitForFunction(() => new URL(location.href).searchParams.has('party'));
    await searchShown(page);
    assert.equal(await page.locator('#results li.hit').count(), filtered);
    assert.equal(await totalShown(), filteredTotal);
  });

  await check('a shared URL restores the search and its filter', async () => {
    const fresh = await context.newPage();
    const url = `${base}?q=${encodeURIComponent(QUERY)}&party=${encodeURIComponent(party)}`;
    await fresh.goto(url);
    await searchShown(fresh);
    assert.equal(await fresh.inputValue('#q'), QUERY);
    const parties = await fresh.locator('#results li.hit .party').allTextContents();
    assert.ok(parties.length > 0);
    for (const shown of parties) assert.equal(shown, party);
    await fresh.close();
  });

  await check('a bar of the party chart filters on its party', async () => {
    await page.goto(`${base}?q=${encodeURIComponent(QUERY)}`);
    await searchShown(page);
    const bar = page.locator(`#chart-party a.bar[data-value="${party}"]`);
    assert.match(await bar.getAttribute('aria-label'), new RegExp(party));
    await bar.focus();
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => new URL(location.href).searchParams.has('party'));
    await searchShown(page);
    assert.deepEqual(params(page).getAll('party'), [party]);
    for (const shown of await page.locator('#results li.hit .party').allTextContents()) {
      assert.equal(shown, party);
    }
  });

  await check('the party-by-year chart is a panel per party, its table the API\'s counts',
    async () => {
      await page.goto(`${base}?q=${encodeURIComponent(QUERY)}`);
      await searchShown(page);
      const api = await (await page.request.get(
        `${base}api/search?q=${encodeURIComponent(QUERY)}&facets=party:year&limit=0`)).json();
      const table = api.facets['party:year'];
      const parties = Object.keys(table);
      assert.ok(parties.length >= 5, `parties by year: ${parties}`);
      const figure = page.locator('#chart-party-year');
      assert.equal(await figure.locator('.multiple').count(), Math.min(parties.length, 12));
      for (const party of parties.slice(0, 12)) {
        const panel = figure.locator(`.multiple[data-party="${party}"]`);
        assert.equal(await panel.locator('a.bar').count(), Object.keys(table[party]).length,
          party);
      }
      await figure.locator('.chart-table summary').click();
      for (const party of parties) {
        for (const [year, count] of Object.entries(table[party])) {
          const cell = figure.locator(`tr[data-party="${party}"] td[data-year="${year}"]`);
          assert.equal((await cell.textContent()).trim(), String(count), `${party} ${year}`);
        }
      }
      await figure.scrollIntoViewIfNeeded();
      await figure.screenshot({ path: partyYearScreenshot });
      const csv = await (await page.request.get(
        new URL(await page.getAttribute('#download-counts', 'href'), page.url()).toString())).text();
      assert.ok(csv.startsWith('party,year,hits\r\n'), csv.slice(0, 40));
      const rows = csv.trim().split('\r\n').length - 1;
      assert.equal(rows, parties.reduce((sum, party) => sum + Object.keys(table[party]).length, 0));
    });

  await check('a column of a party\'s panel filters on the party and the year', async () => {
    const panels = await page.locator('#chart-party-year .multiple').count();
    const bar = page.locator('#chart-party-year .multiple a.bar').first();
    const [party, year] = (await bar.getAttribute('data-value')).split(', ');
    const api = await (await page.request.get(
      `${base}api/search?q=${encodeURIComponent(QUERY)}&facets=party:year&limit=0`)).json();
    await bar.focus();
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => new URL(location.href).searchParams.has('from'));
    await searchShown(page);
    assert.deepEqual(params(page).getAll('party'), [party]);
    assert.equal(params(page).get('from'), `${year}-01-01`);
    assert.equal(params(page).get('to'), `${year}-12-31`);
    const total = await (await page.request.get(
      `${base}api/search?q=${encodeURIComponent(QUERY)}&party=${encodeURIComponent(party)}` +
      `&from=${year}-01-01&to=${year}-12-31&limit=0`)).json();
    assert.equal(total.total.value, api.facets['party:year'][party][year]);
    for (const shown of await page.locator('#results li.hit .party').allTextContents()) {
      assert.equal(shown, party);
    }
    // Every party's panel stays, its years too: the chart is counted without those filters.
    assert.equal(await page.locator('#chart-party-year .multiple').count(), panels);
    assert.equal(await page.locator('#chart-party-year a.bar.selected').count(), 1);
    assert.deepEqual(await accessibilityViolations(page), []);
  });

  await check('the FR switch translates the interface and is kept in the URL', async () => {
    await page.click('[data-ui-lang="fr"]');
    assert.equal(params(page).get('ui'), 'fr');
    assert.equal(await page.locator('html').getAttribute('lang'), 'fr');
    assert.equal((await page.textContent('label[for="q"]')).trim(), 'Rechercher dans les débats');
    assert.match(await page.textContent('#total'), /résultats? pour/);
  });

  await check('the full paragraph and its context come from /api/paragraphs', async () => {
    const hit = page.locator('#results li.hit').first();
    await hit.locator('.context-toggle').click();
    await hit.locator('.pair.context').waitFor();
    assert.equal(await hit.locator('.context-toggle').getAttribute('aria-expanded'), 'true');
    assert.ok(await hit.locator('.pair.context .original .full mark').count() > 0);
  });

  await check('a misspelt word shows the corrected word\'s hits, and a link to the typed one', async () => {
    await page.goto(`${base}?q=gegevensbeschermnig`);
    await searchShown(page);
    await page.locator('#corrected').waitFor();
    assert.match(await page.textContent('#corrected strong'), /gegevensbescherming/);
    assert.ok(await page.locator('#results li.hit').count() > 0);
    await page.click('#corrected-link');
    await page.waitForFunction(() => new URL(location.href).searchParams.get('exact') === '1');
    await page.locator('#suggestion').waitFor();
    assert.equal(await page.locator('#results li.hit').count(), 0);
    assert.equal(await page.locator('#corrected').isHidden(), true);
  });

  await check('the download links export every hit of the search and its filters', async () => {
    await page.goto(`${base}?q=${encodeURIComponent(QUERY)}&party=${encodeURIComponent(party)}`);
    await searchShown(page);
    await page.locator('#downloads').waitFor();
    const href = await page.getAttribute('#download-csv', 'href');
    const url = new URL(href, page.url());
    assert.equal(url.pathname.endsWith('/api/export'), true);
    assert.equal(url.searchParams.get('q'), QUERY);
    assert.deepEqual(url.searchParams.getAll('party'), [party]);
    assert.equal(url.searchParams.get('format'), 'csv');
    const response = await page.request.get(url.toString());
    assert.equal(response.status(), 200);
    const body = await response.text();
    assert.ok(body.startsWith('id,document,'));
    const jsonl = new URL(await page.getAttribute('#download-jsonl', 'href'), page.url());
    const lines = (await (await page.request.get(jsonl.toString())).text()).trim().split('\n');
    assert.ok(lines.length > 0);
    for (const line of lines) assert.equal(JSON.parse(line).party, party);
  });

  await check('a paragraph\'s page (as a feed entry links to) shows it in its context', async () => {
    const feed = await (await page.request.get(
      `${base}api/search.atom?q=${encodeURIComponent(QUERY)}&limit=1`)).text();
    const link = feed.match(/<link rel="alternate" type="text\/html" href="([^"]+paragraph=[^"]+)"/);
    assert.ok(link, 'no entry links to a page');
    const url = new URL(link[1].replaceAll('&amp;', '&'));
    const id = url.searchParams.get('paragraph');
    await page.goto(`${base}${url.search}`);
    await page.locator('#results li.hit .pair.context').waitFor();
    assert.equal(await page.locator('#results li.hit').count(), 1);
    assert.equal(await page.getAttribute('#results li.hit', 'data-id'), id);
    assert.ok((await page.textContent('#results li.hit .pair.context .original .full')).length > 10);
    await page.click('#back-to-search');
    await page.waitForFunction(() => !new URL(location.href).searchParams.has('paragraph'));
    await searchShown(page);
    assert.ok(await page.locator('#results li.hit').count() > 1);
    // A paragraph no longer indexed: the browser logs the 404, the page says what it means.
    const before = problems.length;
    await page.goto(`${base}?paragraph=no-such-paragraph`);
    await page.locator('#error').waitFor();
    assert.match(await page.textContent('#error'), /niet \(meer\) in de index/);
    const logged = problems.splice(before);
    assert.ok(logged.every((problem) => problem.includes('404')), logged.join('\n'));
  });

  await check('the concordance toggle lists each found word between its contexts', async () => {
    await page.goto(`${base}?q=${encodeURIComponent(QUERY)}`);
    await searchShown(page);
    await page.click('#kwic-toggle');
    await page.waitForFunction(() => new URL(location.href).searchParams.get('kwic') === '1');
    await page.locator('#concordance tbody tr').first().waitFor();
    assert.equal(await page.getAttribute('#kwic-toggle', 'aria-pressed'), 'true');
    assert.equal(await page.locator('#results').isHidden(), true);
    const rows = page.locator('#concordance tbody tr');
    // Each hit's two sides have the word once at least.
    assert.ok(await rows.count() >= 2 * await page.locator('#results li.hit').count());
    const words = await page.locator('#concordance .kwic-word').allTextContents();
    for (const word of words) assert.match(word.toLowerCase(), /interop/);
    // The words stand in one column: their cells start at one x.
    const xs = new Set();
    for (let i = 0; i < Math.min(5, await rows.count()); i++) {
      xs.add(Math.round((await rows.nth(i).locator('.kwic-word').boundingBox()).x));
    }
    assert.equal(xs.size, 1);
    assert.deepEqual(await accessibilityViolations(page), []);
    await page.locator('#results-section').screenshot({ path: concordanceScreenshot });
    await page.click('#kwic-toggle');
    await page.waitForFunction(() => !new URL(location.href).searchParams.has('kwic'));
    await searchShown(page);
    assert.equal(await page.locator('#concordance').isHidden(), true);
    assert.ok(await page.locator('#results li.hit').count() > 0);
  });

  await check('the related-words toggle asks for them and lists those the API gives', async () => {
    // French words, Dutch side: the index's pairs relate Dutch words to them.
    const query = 'protection des données';
    await page.goto(`${base}?q=${encodeURIComponent(query)}&lang=nl`);
    await searchShown(page);
    assert.equal(await page.locator('#related').isHidden(), true);
    assert.equal(await page.getAttribute('#related-toggle', 'aria-pressed'), 'false');
    const requested = page.waitForRequest((request) =>
      request.url().includes('api/search') && new URL(request.url()).searchParams.get('related') === '1');
    await page.click('#related-toggle');
    await requested;
    await page.waitForFunction(() => new URL(location.href).searchParams.get('related') === '1');
    await page.locator('#related').waitFor();
    await searchShown(page);
    assert.equal(await page.getAttribute('#related-toggle', 'aria-pressed'), 'true');
    const api = await (await page.request.get(
      `${base}api/search?q=${encodeURIComponent(query)}&lang=nl&related=1`)).json();
    const words = Object.entries(api.related).sort((a, b) => b[1] - a[1]).map(([word]) => word);
    assert.ok(words.length > 0, JSON.stringify(api.related));
    assert.equal(await page.textContent('#related .expansions'), words.join(', '));
    assert.deepEqual(await accessibilityViolations(page), []);
    await page.click('#related-toggle');
    await page.waitForFunction(() => !new URL(location.href).searchParams.has('related'));
    await searchShown(page);
    assert.equal(await page.locator('#related').isHidden(), true);
  });

  await check('the page loaded nothing from elsewhere and logged no errors', async () => {
    assert.deepEqual(problems, []);
  });
} catch (error) {
  failed = true;
  console.error(`not ok - ${error.stack || error}`);
  console.error(`parlsearch serve's log:\n${serverLog()}`);
} finally {
  if (browser) await browser.close();
  if (server) await stop(server);
  await rm(workDir, { recursive: true, force: true });
}

console.log(failed ? `${passed} passed, 1 failed` : `${passed} passed, 0 failed`);
process.exit(failed ? 1 : 0);
