import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { launchChromium } from './chromium.ts';
import { startPaydesk, type RunningServer } from './paydesk-server.ts';

export const demoPassword = 'paydesk-demo-2026';

/**
 * How long `expect.poll` waits for the page to catch up with a change (vitest's default is 1 s): a
 * change's round trip and the refetch after it take longer than that on a busy machine.
 */
export const settled = { timeout: 15_000 };

/** The status the case page shows (its `data-status`, not the translated label). */
export const caseStatus = (page: Page) => page.getByTestId('case-status').getAttribute('data-status');

/** A fresh browser profile (no cookies, no storage) that records page errors and CSP violations. */
export async function openSession(
  browser: Browser,
  baseUrl: string,
  options: { clipboard?: boolean } = {},
): Promise<{ context: BrowserContext; page: Page; problems: string[] }> {
  const context = await browser.newContext({ viewport: { width: 1366, height: 900 }, locale: 'en-GB' });
  if (options.clipboard)
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: baseUrl });
  const page = await context.newPage();
  page.setDefaultTimeout(15_000);
  const problems: string[] = [];
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() === 'error' && /Content.Security.Policy/i.test(message.text())) {
      problems.push(`CSP: ${message.text()}`);
    }
  });
  return { context, page, problems };
}

/** Signs in through the login page as a demo user. */
export async function logIn(page: Page, baseUrl: string, email: string): Promise<void> {
  await page.goto(`${baseUrl}/`);
  await page.getByTestId('login-page').waitFor();
  await page.getByTestId('login-email').fill(email);
  await page.getByTestId('login-password').fill(demoPassword);
  await page.getByTestId('login-submit').click();
  await page.getByTestId('nav-dashboard').waitFor();
}

/** Switches the interface to English, whatever language the signed-in profile holds. */
export async function switchToEnglish(page: Page): Promise<void> {
  await page.getByTestId('language-switcher').click();
  await page.getByTestId('language-option-en').click();
  await page.getByTestId('nav-dashboard').filter({ hasText: 'Dashboard' }).waitFor();
}

export interface PaydeskBrowser {
  /** The server's address; valid once the file's hooks have run. */
  readonly baseUrl: string;
  openSession(options?: { clipboard?: boolean }): ReturnType<typeof openSession>;
  logIn(page: Page, email: string): Promise<void>;
}

/**
 * One real server and one Chromium per test file: registers the file's beforeAll/afterAll hooks and
 * hands back what the tests use.
 */
export function usePaydeskBrowser(): PaydeskBrowser {
  let server: RunningServer | undefined;
  let browser: Browser | undefined;
  beforeAll(async () => {
    server = await startPaydesk();
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });
  const started = () => {
    if (!server || !browser) throw new Error('the server and browser start in beforeAll');
    return { server, browser };
  };
  return {
    get baseUrl() {
      return started().server.baseUrl;
    },
    openSession: (options) => openSession(started().browser, started().server.baseUrl, options),
    logIn: (page, email) => logIn(page, started().server.baseUrl, email),
  };
}
