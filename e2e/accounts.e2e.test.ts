import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { switchToEnglish, usePaydeskBrowser } from './support/session.ts';

// Browser-side expressions are passed as strings: this project compiles without the DOM library.

const e2e = usePaydeskBrowser();

/** Signs in and switches the interface to English, whatever language the profile holds. */
async function logIn(page: Page, email: string): Promise<void> {
  await e2e.logIn(page, email);
  await switchToEnglish(page);
}

const openSession = () => e2e.openSession();

describe('accounts', () => {
  it('lets an account manager find an account, create one and add a contact', async () => {
    const { context, page, problems } = await openSession();
    await logIn(page, 'amelia.hughes@paydesk.test');

    // Find Northbank by name and open it: its contacts come first.
    await page.getByTestId('nav-accounts').click();
    await page.getByTestId('accounts-table').waitFor();
    await page.getByTestId('accounts-search').fill('Northbank');
    await expect
      .poll(() => page.locator('[data-testid="account-row"]:not([data-account-name*="Northbank"])').count())
      .toBe(0);
    await page
      .getByTestId('account-row')
      .filter({ hasText: 'Northbank' })
      .first()
      .getByTestId('account-link')
      .click();
    await page.getByTestId('page-title').filter({ hasText: 'Northbank' }).waitFor();
    expect(await page.getByTestId('account-legal-name').textContent()).toBe('Northbank plc');
    await page.getByTestId('contacts-table').waitFor();
    expect(
      await page
        .locator('[data-testid="contact-row"][data-contact-email="hannah.clarke@northbank.test"]')
        .count(),
    ).toBe(1);

    // Staff see the internal tabs; opportunity values are formatted money.
    await page.getByTestId('account-tab-opportunities').click();
    await page.getByTestId('opportunities-table').waitFor();
    const pilot = page.getByTestId('opportunity-row').filter({ hasText: 'Request to Pay pilot' });
    expect(await pilot.getByTestId('opportunity-value').textContent()).toBe('£45,000.00');

    // Create a new account from the list and land on its page.
    await page.getByTestId('account-back').click();
    await page.getByTestId('account-new').click();
    await page.getByTestId('account-create-name').fill('Test Bank');
    await page.getByTestId('account-create-legal-name').fill('Test Bank Limited');
    await page.getByTestId('account-create-country').fill('gb');
    await page.getByTestId('account-create-kind').click();
    await page.getByRole('option', { name: 'Bank', exact: true }).click();
    await page.getByTestId('account-create-submit').click();
    await page.getByTestId('page-title').filter({ hasText: 'Test Bank' }).waitFor();
    expect(page.url()).toMatch(/\/accounts\/[0-9a-f-]{36}$/);
    expect(await page.getByTestId('account-country').textContent()).toBe('United Kingdom');
    await page.getByTestId('contacts-empty').waitFor();

    // Add its first contact.
    await page.getByTestId('contact-add').click();
    await page.getByTestId('contact-name').fill('Grace Okafor');
    await page.getByTestId('contact-job-title').fill('Head of Payments');
    await page.getByTestId('contact-email').fill('grace.okafor@testbank.test');
    await page.getByTestId('contact-phone').fill('+44 20 7946 0123');
    await page.getByTestId('contact-role-primary').click();
    await page.getByTestId('contact-submit').click();
    const row = page.locator('[data-testid="contact-row"][data-contact-email="grace.okafor@testbank.test"]');
    await row.waitFor();
    expect(await row.textContent()).toContain('Head of Payments');
    expect(await row.textContent()).toContain('Primary');

    expect(problems).toEqual([]);
    await context.close();
  });

  it('shows a customer their own account without notes or opportunities', async () => {
    const { context, page, problems } = await openSession();
    await logIn(page, 'customer@northbank.test');
    expect(await page.getByTestId('nav-accounts').count()).toBe(0);

    // The dashboard links a customer to their own account; the list stays closed to them.
    await page.getByTestId('dashboard-account').getByRole('link').click();
    await page.getByTestId('page-title').filter({ hasText: 'Northbank' }).waitFor();
    await page.getByTestId('contacts-table').waitFor();
    await page.getByTestId('account-tab-services').waitFor();
    expect(await page.getByTestId('account-tab-notes').count()).toBe(0);
    expect(await page.getByTestId('account-tab-opportunities').count()).toBe(0);
    expect(await page.getByTestId('contact-add').count()).toBe(0);
    expect(await page.getByTestId('account-segment').count()).toBe(0);
    expect(await page.getByTestId('account-back').count()).toBe(0);
    await page.goto(`${e2e.baseUrl}/accounts`);
    await page.getByTestId('forbidden').waitFor();

    expect(problems).toEqual([]);
    await context.close();
  });
});
