import type { Browser, BrowserContext, Page } from 'playwright-core';

export const demoPassword = 'paydesk-demo-2026';

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
