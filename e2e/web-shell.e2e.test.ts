import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { usePaydeskBrowser } from './support/session.ts';

// Browser-side expressions are passed as strings: this project compiles without the DOM library.

const e2e = usePaydeskBrowser();

const openSession = () => e2e.openSession({ clipboard: true });
const logIn = (page: Page, email: string) => e2e.logIn(page, email);

describe('web shell', () => {
  it('shows a translated error for wrong credentials', async () => {
    const { context, page, problems } = await openSession();
    await page.goto(`${e2e.baseUrl}/login`);
    await page.getByTestId('login-email').fill('l1.agent@paydesk.test');
    await page.getByTestId('login-password').fill('not-the-password');
    await page.getByTestId('login-submit').click();
    const error = page.getByTestId('login-error');
    await error.waitFor();
    expect(await error.textContent()).toContain('The e-mail address or password is incorrect.');
    expect(problems).toEqual([]);
    await context.close();
  });

  it('takes an agent through navigation, language, API tokens and logout', async () => {
    const { context, page, problems } = await openSession();
    await logIn(page, 'l1.agent@paydesk.test');

    // Role-aware navigation: an agent works cases, and has no administration.
    await page.getByTestId('nav-cases').waitFor();
    expect(await page.getByTestId('nav-admin').count()).toBe(0);
    expect(await page.getByTestId('nav-contracts').count()).toBe(0);
    expect(await page.getByTestId('page-title').textContent()).toContain('Lucía Hernández');

    // The interface follows the language stored on the profile; start from English.
    await page.getByTestId('language-switcher').click();
    await page.getByTestId('language-option-en').click();
    await page
      .getByTestId('nav-cases')
      .filter({ hasText: /^Cases$/ })
      .waitFor();

    // Switching to Polish relabels the navigation at once and is saved to the profile.
    await page.getByTestId('language-switcher').click();
    const saved = page.waitForResponse(
      (response) =>
        response.url().endsWith('/api/me') &&
        response.request().method() === 'PATCH' &&
        response.request().postData() === JSON.stringify({ language: 'pl' }),
    );
    await page.getByTestId('language-option-pl').click();
    expect((await saved).status()).toBe(200);
    await page.getByTestId('nav-cases').filter({ hasText: 'Zgłoszenia' }).waitFor();
    expect(await page.evaluate('document.documentElement.lang')).toBe('pl');

    await page.reload();
    await page.getByTestId('nav-cases').filter({ hasText: 'Zgłoszenia' }).waitFor();
    expect(await page.getByTestId('nav-dashboard').textContent()).toBe('Pulpit');

    // Profile: create a token; its secret is shown once, with a warning and a copy button.
    await page.getByTestId('user-menu').click();
    await page.getByTestId('menu-profile').click();
    await page.waitForURL(/\/profile$/);
    await page.getByTestId('api-tokens').waitFor();

    const tokenName = `e2e token ${Date.now()}`;
    await page.getByTestId('token-name').fill(tokenName);
    await page.getByTestId('token-scope-write').check();
    await page.getByTestId('token-expiry').fill('30');
    await page.getByTestId('token-create').click();

    const secretBox = page.getByTestId('token-secret');
    await secretBox.waitFor();
    const secret = (await secretBox.textContent())?.trim() ?? '';
    expect(secret.length).toBeGreaterThan(16);
    await page.getByTestId('token-secret-warning').waitFor();
    await page.getByTestId('token-secret-copy').click();
    expect(await page.evaluate('navigator.clipboard.readText()')).toBe(secret);
    await page.getByTestId('token-secret-done').click();
    await secretBox.waitFor({ state: 'detached' });

    const row = page.locator(`[data-testid="token-row"][data-token-name="${tokenName}"]`);
    await row.waitFor();
    expect(await row.getByTestId('token-status').getAttribute('data-status')).toBe('active');
    const rowText = (await row.textContent()) ?? '';
    expect(rowText).toContain('Odczyt'); // read
    expect(rowText).toContain('Zapis'); // write

    // Shown once: after a reload the token is listed, its secret is nowhere on the page.
    await page.reload();
    await row.waitFor();
    expect(await page.content()).not.toContain(secret);

    // Revoke, after confirming.
    await row.getByTestId('token-revoke').click();
    await page.getByTestId('token-revoke-confirm').click();
    await row.locator('[data-testid="token-status"][data-status="revoked"]').waitFor();
    expect(await row.getByTestId('token-revoke').count()).toBe(0);

    // A wrong current password is reported beside that field, in the interface language.
    await page.getByTestId('password-current').fill('not-my-password');
    await page.getByTestId('password-new').fill('a-long-enough-new-passphrase');
    await page.getByTestId('password-confirm').fill('a-long-enough-new-passphrase');
    await page.getByTestId('password-submit').click();
    await page.getByText('Obecne hasło jest nieprawidłowe.').waitFor();

    // Log out: back at the login page, and the session is really gone.
    await page.getByTestId('user-menu').click();
    await page.getByTestId('logout').click();
    await page.getByTestId('login-page').waitFor();
    expect(new URL(page.url()).pathname).toBe('/login');
    await page.goto(`${e2e.baseUrl}/profile`);
    await page.getByTestId('login-page').waitFor();

    expect(problems).toEqual([]);
    await context.close();
  });

  it('shows administration to an admin, with the user list page by page', async () => {
    const { context, page, problems } = await openSession();
    // The demo has too few users for a second page of 50: ask for pages of 5 instead.
    await page.route('**/api/users?*', (route) => {
      const url = new URL(route.request().url());
      url.searchParams.set('limit', '5');
      return route.continue({ url: url.toString() });
    });
    await logIn(page, 'admin@paydesk.test');

    const admin = page.getByTestId('nav-admin');
    await admin.waitFor();
    await admin.click();
    await page.getByTestId('nav-admin-users').click();
    await page.waitForURL(/\/admin\/users$/);
    const rows = page.getByTestId('user-row');
    await rows.nth(4).waitFor();
    expect(await rows.count()).toBe(5);

    // "Load more" until the server says there is no next page.
    const loadMore = page.getByTestId('users-load-more');
    for (let clicks = 0; (await loadMore.count()) > 0; clicks += 1) {
      expect(clicks).toBeLessThan(20);
      const before = await rows.count();
      await loadMore.click();
      await expect
        .poll(async () => (await rows.count()) > before || (await loadMore.count()) === 0, {
          timeout: 10_000,
        })
        .toBe(true);
    }
    const emails = await rows.evaluateAll((elements) =>
      elements.map((element) => element.getAttribute('data-user-email')),
    );
    expect(emails.length).toBeGreaterThan(5);
    expect(new Set(emails).size).toBe(emails.length);
    expect(emails).toContain('l1.agent@paydesk.test');
    expect(emails).toContain('customer@northbank.test');

    expect(problems).toEqual([]);
    await context.close();
  });

  it('shows a customer their organisation and keeps operator areas closed', async () => {
    const { context, page, problems } = await openSession();
    await logIn(page, 'customer@northbank.test');

    expect(await page.getByTestId('dashboard-account').textContent()).toBe('Northbank');
    await page.getByTestId('nav-cases').waitFor();
    expect(await page.getByTestId('nav-accounts').count()).toBe(0);
    expect(await page.getByTestId('nav-admin').count()).toBe(0);

    await page.goto(`${e2e.baseUrl}/accounts`);
    await page.getByTestId('forbidden').waitFor();
    await page.goto(`${e2e.baseUrl}/admin/users`);
    await page.getByTestId('forbidden').waitFor();

    expect(problems).toEqual([]);
    await context.close();
  });

  // Last, so that its failed sign-ins cannot slow down the flows above.
  it('tells a locked-out person how many minutes to wait', async () => {
    const { context, page, problems } = await openSession();
    await page.goto(`${e2e.baseUrl}/login`);
    await page.getByTestId('login-email').fill('ops@northbank.test');
    await page.getByTestId('login-password').fill('not-the-password');
    const error = page.getByTestId('login-error');
    let message = '';
    for (let attempt = 0; attempt < 10 && !message.includes('Try again in'); attempt += 1) {
      const answered = page.waitForResponse((response) => response.url().endsWith('/api/auth/login'));
      await page.getByTestId('login-submit').click();
      await answered;
      await error.waitFor();
      message = (await error.textContent()) ?? '';
    }
    expect(message).toMatch(/^Too many failed attempts\. Try again in \d+ minutes?\.$/);
    expect(problems).toEqual([]);
    await context.close();
  });
});
