import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { type BrowserContext, chromium, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildIfStale, redsim, temporaryDirectory } from '../cli/commands/sweep-cli-support.js';

/** Debian's chromium (CI installs it with `apt-get install -y chromium`). */
const chromiumPath = process.env['REDSIM_CHROMIUM'] ?? '/usr/bin/chromium';
const chromiumArgs = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

interface OpenedPage {
  readonly page: Page;
  readonly errors: string[];
  readonly requests: string[];
}

interface Report {
  readonly directory: string;
  readonly completedOps: number;
  readonly effectiveFaults: number;
  readonly summary: { readonly checks: Record<string, Record<string, unknown>> };
}

function reportOf(reports: string, scenario: string, seed: number): Report {
  const directory = join(reports, scenario, `seed-${seed}`);
  const ops = readFileSync(join(directory, 'history.jsonl'), 'utf8')
    .trim()
    .split('\n')
    .map((line) => JSON.parse(line) as { process: unknown; type: string });
  const faultRows = readFileSync(join(directory, 'faults.csv'), 'utf8').trim().split('\n').slice(1);
  const effectiveColumn = 6;
  return {
    directory,
    completedOps: ops.filter((op) => op.process !== 'nemesis' && op.type !== 'invoke').length,
    effectiveFaults: faultRows.filter((row) => row.split(',')[effectiveColumn] === '1').length,
    summary: JSON.parse(readFileSync(join(directory, 'summary.json'), 'utf8')) as Report['summary'],
  };
}

describe('timeline.html in headless Chromium', () => {
  const reports = temporaryDirectory('timeline');
  let context: BrowserContext;
  let staleRead: Report;
  let killed: Report;

  beforeAll(async () => {
    buildIfStale();
    expect(existsSync(chromiumPath), `${chromiumPath} is missing: apt-get install -y chromium`).toBe(true);
    redsim('replay', 'planted-stale-read', '--seed', '1', '--reports-dir', reports);
    redsim('replay', 'single-node-kill-no-persistence', '--seed', '1', '--reports-dir', reports);
    staleRead = reportOf(reports, 'planted-stale-read', 1);
    killed = reportOf(reports, 'single-node-kill-no-persistence', 1);
    context = await chromium.launchPersistentContext(temporaryDirectory('chromium-profile'), { executablePath: chromiumPath, headless: true, args: chromiumArgs, viewport: { width: 1500, height: 1000 } });
  }, 300_000);

  afterAll(async () => {
    await context?.close();
  });

  async function open(report: Report): Promise<OpenedPage> {
    const page = await context.newPage();
    const errors: string[] = [];
    const requests: string[] = [];
    page.on('console', (message) => {
      if (message.type() === 'error' || message.type() === 'warning') errors.push(message.text());
    });
    page.on('pageerror', (error) => errors.push(String(error)));
    page.on('request', (request) => requests.push(request.url()));
    await page.goto(pathToFileURL(join(report.directory, 'timeline.html')).href);
    return { page, errors, requests };
  }

  it('draws every completed op, highlights the linearizability window, loads nothing else and logs no error', async () => {
    const { page, errors, requests } = await open(staleRead);
    expect(await page.locator('#plot .op').count()).toBe(staleRead.completedOps);
    const windowOperations = staleRead.summary.checks['linearizable']?.['windowOperations'];
    expect(await page.locator('#plot rect.violating').count()).toBe(windowOperations);
    expect(await page.locator('tr.violation-row').count()).toBe(windowOperations);
    expect(await page.locator('#plot .fault-band').count()).toBe(0);
    expect(requests.filter((url) => !url.startsWith('file:'))).toEqual([]);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('shades the fault windows, marks the lost writes, zooms and explains an op on hover', async () => {
    const { page, errors } = await open(killed);
    expect(await page.locator('#plot .op').count()).toBe(killed.completedOps);
    expect(await page.locator('#plot .fault-band').count()).toBe(killed.effectiveFaults);
    expect(killed.effectiveFaults).toBe(2);
    expect(await page.locator('#plot rect.violating').count()).toBe(killed.summary.checks['set']?.['lostCount']);
    const nodeSpans = await page.locator('#plot svg.span').count();
    expect(nodeSpans).toBeGreaterThanOrEqual(3);
    const band = page.locator('#plot .fault-band').first();
    const widthBefore = Number(await band.getAttribute('width'));
    await page.click('#zoom-in');
    expect(Number(await band.getAttribute('width'))).toBeCloseTo(widthBefore * 2, 0);
    await page.click('#zoom-fit');
    // Neighbouring bars overlap at this zoom: hover where the first one is, whichever bar is on top there.
    await page.locator('#plot rect.violating').first().hover({ force: true });
    const tooltip = page.locator('#tooltip');
    expect(await tooltip.isVisible()).toBe(true);
    expect(await tooltip.textContent()).toMatch(/^add \S+ {2}→ {2}ok[\s\S]*VIOLATION: acknowledged add missing from the final read/);
    const screenshot = join(reports, 'timeline.png');
    await page.screenshot({ path: screenshot, fullPage: false });
    expect(statSync(screenshot).size).toBeGreaterThan(20_000);
    expect(errors).toEqual([]);
    await page.close();
  });
});
