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

  it('lets an administrator edit an account, work an opportunity and end a subscription', async () => {
    const { context, page, problems } = await openSession();
    await logIn(page, 'admin@paydesk.test');

    // A second account manager to hand the account to.
    const csrf = (await context.cookies()).find((cookie) => cookie.name === 'pd_csrf')?.value ?? '';
    const created = await page.request.post(`${e2e.baseUrl}/api/users`, {
      data: {
        email: 'oliver.grant@paydesk.test',
        displayName: 'Oliver Grant',
        role: 'account_manager',
        password: 'a-long-and-unguessable-passphrase-2026',
      },
      headers: { 'x-csrf-token': csrf },
    });
    expect(created.status()).toBe(201);
    const found = await page.request.get(`${e2e.baseUrl}/api/accounts?search=Pennine`);
    const { items } = (await found.json()) as { items: { id: string }[] };
    await page.goto(`${e2e.baseUrl}/accounts/${items[0]?.id ?? ''}`);
    await page.getByTestId('page-title').filter({ hasText: 'Pennine Building Society' }).waitFor();
    expect(await page.getByTestId('account-owner').textContent()).toBe('Amelia Hughes');

    // Segment and owner, in the edit dialog.
    await page.getByRole('button', { name: 'Edit account' }).click();
    const dialog = page.getByRole('dialog', { name: 'Edit account' });
    await dialog.getByRole('textbox', { name: 'Segment' }).click();
    await page.getByRole('option', { name: 'Strategic' }).click();
    await dialog.getByRole('textbox', { name: 'Account owner' }).click();
    await page.getByRole('option', { name: 'Oliver Grant' }).click();
    await dialog.getByRole('button', { name: 'Save account' }).click();
    await dialog.waitFor({ state: 'detached' });
    await expect.poll(() => page.getByTestId('account-owner').textContent()).toBe('Oliver Grant');
    expect(await page.getByTestId('account-segment').textContent()).toBe('Strategic');

    // An opportunity moves on: its status and next step, in place.
    await page.getByRole('tab', { name: 'Opportunities' }).click();
    const title = 'Bacs Direct Debit for mortgage collections';
    const opportunity = page.getByTestId('opportunity-row').filter({ hasText: title });
    await opportunity.getByRole('textbox', { name: `Status of ${title}` }).click();
    await page.getByRole('option', { name: 'In progress' }).click();
    await expect.poll(() => opportunity.getAttribute('data-status')).toBe('in_progress');
    await opportunity.getByRole('button', { name: `Edit the next step of ${title}` }).click();
    await opportunity.getByRole('textbox', { name: `Next step of ${title}` }).fill('Board decision in May');
    await opportunity.getByRole('button', { name: 'Save next step' }).click();
    await expect
      .poll(() => opportunity.getByTestId('opportunity-next-step').textContent())
      .toBe('Board decision in May');

    // A subscription ends, after a confirmation.
    await page.getByRole('tab', { name: 'Services' }).click();
    const atm = page.locator('[data-testid="subscription-row"][data-service-code="link_atm"]');
    await atm.getByRole('button', { name: /^Remove / }).click();
    await page
      .getByRole('dialog', { name: 'Remove service' })
      .getByRole('button', { name: 'Remove service' })
      .click();
    await atm.waitFor({ state: 'detached' });
    expect(await page.getByTestId('subscription-row').count()).toBe(2);

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
