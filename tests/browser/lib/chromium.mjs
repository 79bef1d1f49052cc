// Debian's chromium driven by playwright-core (never `playwright install`): a fresh profile per launch, and a
// screenshot helper that saves every page into artifacts/screenshots/ and names the file in the test output.
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

export const CHROMIUM = process.env.GATEHOUSE_CHROMIUM ?? '/usr/bin/chromium';

/** The flags every run uses: headless, no sandbox (containers run as root), nothing phoning home. */
export const CHROMIUM_ARGS = Object.freeze([
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  // Cognito allows plain-http callbacks only on localhost; the test's callback server listens on 127.0.0.1.
  '--host-resolver-rules=MAP localhost 127.0.0.1',
]);

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', '..');
export const SCREENSHOT_DIR = path.join(root, 'artifacts', 'screenshots');

/**
 * Launches chromium with a fresh user-data-dir (removed by close()). `viewport` defaults to a phone-sized
 * 390x844, so the pages are checked in the layout most users see.
 */
export async function launch({ viewport = { width: 390, height: 844 } } = {}) {
  const profile = mkdtempSync(path.join(tmpdir(), 'gatehouse-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    args: [...CHROMIUM_ARGS],
    viewport,
  });
  return {
    context,
    async newPage() {
      return context.newPage();
    },
    async close() {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

/**
 * Saves a full-page screenshot as artifacts/screenshots/[<GATEHOUSE_SCREENSHOT_PREFIX>-]<suite>-<name>.png (the
 * prefix keeps the SQLite and PostgreSQL runs apart) and reports the path through the test context, so the test
 * output lists every screenshot. Returns the path.
 */
export async function screenshot(t, page, suite, name) {
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  const prefix = process.env.GATEHOUSE_SCREENSHOT_PREFIX ? `${process.env.GATEHOUSE_SCREENSHOT_PREFIX}-` : '';
  const file = path.join(SCREENSHOT_DIR, `${prefix}${suite}-${name}.png`);
  await page.screenshot({ path: file, fullPage: true });
  t.diagnostic(`screenshot: ${path.relative(root, file)}`);
  return file;
}
