import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { buildCabinet, serveCabinet, type CabinetServer } from '../../scripts/stack/cabinet';
import { freePort } from '../../scripts/stack/processes';
import { TEST_STATE_ENV } from '../setup/test-stack';
import { uniqueClientAddress } from '../support/addresses';
import { startHarness, type Harness } from '../support/harness';

/** Debian's Chromium, installed by scripts/ensure-chromium.sh (run by scripts/test.sh). */
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** What a cabinet spec drives: the service, the cabinet served as `npm run up` serves it, a browser. */
export interface CabinetStack {
  h: Harness;
  cabinet: CabinetServer;
  browser: Browser;
  /** Milliseconds of each part, printed when the spec ends. */
  timings: Record<string, number>;
  /** Names the step a scenario is at: a spec that times out says where it stood. */
  step(name: string): void;
  close(): Promise<void>;
}

/**
 * Builds the cabinet (Vite, about 2 s, while the harness starts), serves it on a free loopback port
 * that is also the API's CABINET_URL (so e-mailed links lead there) with /v1 proxied to this
 * spec's API, and launches headless Chromium.
 */
export async function startCabinetStack(name: string): Promise<CabinetStack> {
  if (!existsSync(CHROMIUM_PATH)) throw new Error(`no Chromium at ${CHROMIUM_PATH}: run scripts/ensure-chromium.sh (npm test does)`);
  const timings: Record<string, number> = {};
  const dir = join(dirname(process.env[TEST_STATE_ENV]!), `cabinet-${name}`);
  const port = await freePort();
  const started = Date.now();
  const built = buildCabinet(dir).then(() => (timings.viteBuildMs = Date.now() - started));
  const [h] = await Promise.all([startHarness({ CABINET_URL: `http://127.0.0.1:${port}`, CODE_RESEND_COOLDOWN_MS: '3000' }), built]);
  const cabinet = await serveCabinet({ dir, port, apiUrl: h.baseUrl });
  const launching = Date.now();
  const browser = await chromium.launch({
    executablePath: CHROMIUM_PATH,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'],
    timeout: 30_000,
  });
  timings.chromiumLaunchMs = Date.now() - launching;
  let step = 'started';
  return {
    h,
    cabinet,
    browser,
    timings,
    step: (next) => void (step = next),
    async close() {
      console.log(
        `cabinet ${name}: ${Object.entries(timings)
          .map(([k, v]) => `${k} ${v}`)
          .join(', ')}; last step: ${step}`,
      );
      await browser.close();
      await cabinet.close();
      await h.close();
    },
  };
}

/**
 * One person's browser: Russian by default, short timeouts, and a client address of its own
 * (the cabinet's proxy passes X-Forwarded-For on; the harness trusts it from loopback), so
 * per-address limits never mix with other specs of the run.
 */
export async function personBrowser(browser: Browser): Promise<BrowserContext> {
  const context = await browser.newContext({ locale: 'ru-RU', acceptDownloads: true, extraHTTPHeaders: { 'x-forwarded-for': uniqueClientAddress() } });
  context.setDefaultTimeout(15_000);
  context.setDefaultNavigationTimeout(15_000);
  return context;
}

export const smsBox = (phone: string) => `${phone.replace(/\D/g, '')}@sms.localhost`;

export async function status(page: Page, testId: string): Promise<string | null> {
  const section = page.getByTestId(testId);
  await section.waitFor();
  return section.getAttribute('data-status');
}

/**
 * Presses a button that sends an SMS code. The API sends a phone codes no faster than its resend
 * cooldown, across flows (a sign-in code a moment ago counts): then the page shows the 429's wait
 * on the button, and the person presses it again once it is enabled.
 */
export async function pressUntilSent(page: Page, testId: string): Promise<void> {
  const button = page.getByTestId(testId);
  await button.click();
  const sent = page.getByTestId('code-countdown');
  await Promise.race([sent.waitFor(), page.getByTestId('problem').waitFor()]);
  if (await sent.isVisible()) return;
  await page.getByTestId('resend-countdown').waitFor();
  await expect(button.isDisabled()).resolves.toBe(true);
  await page.locator(`[data-testid="${testId}"]:enabled`).waitFor();
  await button.click();
  await sent.waitFor();
}

export async function download(page: Page, testId: string): Promise<{ name: string; bytes: Buffer }> {
  const [file] = await Promise.all([page.waitForEvent('download'), page.getByTestId(testId).click()]);
  const path = await file.path();
  return { name: file.suggestedFilename(), bytes: readFileSync(path) };
}
