import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { switchToEnglish, usePaydeskBrowser } from './support/session.ts';

// Browser-side expressions are passed as strings: this project compiles without the DOM library.

const e2e = usePaydeskBrowser();

async function logIn(page: Page, email: string): Promise<void> {
  await e2e.logIn(page, email);
  await switchToEnglish(page);
}

/** Opens the contracts tab of a Northbank account page the person can reach. */
async function openNorthbankContracts(page: Page): Promise<void> {
  await page.getByTestId('account-tab-contracts').click();
  await page.locator('[data-testid="contract-row"][data-reference="MSA-NB-2024"]').waitFor();
}

async function openContract(page: Page, reference: string): Promise<void> {
  await page
    .locator(`[data-testid="contract-row"][data-reference="${reference}"]`)
    .getByTestId('contract-link')
    .click();
  await page.getByTestId('contract-reference').filter({ hasText: reference }).waitFor();
}

const statusOf = (page: Page) => page.getByTestId('contract-status').first().getAttribute('data-status');

describe('contracts', () => {
  it('lets an account manager draft, set the SLA of and activate a contract, file its signed copy and read an amendment’s diff', async () => {
    const { context, page, problems } = await e2e.openSession();
    await logIn(page, 'amelia.hughes@paydesk.test');

    await page.getByTestId('nav-accounts').click();
    await page.getByTestId('accounts-search').fill('Northbank');
    await page
      .getByTestId('account-row')
      .filter({ hasText: 'Northbank' })
      .first()
      .getByTestId('account-link')
      .click();
    await page.getByTestId('page-title').filter({ hasText: 'Northbank' }).waitFor();
    await openNorthbankContracts(page);

    // A new contract starts as a draft from the default terms.
    await page.getByTestId('contract-new').click();
    await page.getByTestId('contract-create-reference').fill('E2E-NB-2027');
    await page.getByTestId('contract-create-title').fill('Northbank card services');
    await page.getByTestId('contract-create-start').fill('2027-01-01');
    await page.getByTestId('contract-create-end').fill('2027-12-31');
    await page.getByTestId('contract-create-submit').click();
    await page.getByTestId('page-title').filter({ hasText: 'Northbank card services' }).waitFor();
    expect(page.url()).toMatch(/\/contracts\/[0-9a-f-]{36}$/);
    expect(await statusOf(page)).toBe('draft');

    // The Standard policy: P1 resolution from 4h to 2h, on UK business hours.
    const standard = page.locator('[data-testid="contract-policy"][data-policy-name="Standard"]');
    const resolution = standard.getByTestId('sla-target-P1-resolution');
    expect(await resolution.getAttribute('data-minutes')).toBe('240');
    await resolution.fill('2h');
    await standard.getByTestId('sla-policy-calendar').click();
    await page.getByRole('option', { name: 'UK business hours', exact: true }).click();
    await page.getByTestId('contract-draft-save').click();
    await page.getByTestId('contract-saved').waitFor();
    expect(await resolution.getAttribute('data-minutes')).toBe('120');

    // Activated, it is read-only: the saved targets and calendar show.
    await page.getByTestId('contract-action-activate').click();
    await page.getByTestId('contract-transition-confirm').click();
    await page.locator('[data-testid="contract-status"][data-status="active"]').waitFor();
    const view = page.locator('[data-testid="contract-policy-view"][data-policy-name="Standard"]');
    expect(await view.getByTestId('sla-view-P1-resolution').getAttribute('data-minutes')).toBe('120');
    expect(await view.getByTestId('sla-view-calendar').textContent()).toBe('UK business hours');
    expect(await page.getByTestId('contract-draft-form').count()).toBe(0);
    await page.getByTestId('contract-action-amend').waitFor();

    // The signed copy: uploaded as it is, listed, downloadable, removable.
    await page.getByTestId('contract-tab-documents').click();
    await page.getByTestId('contract-documents-empty').waitFor();
    await page.locator('input[type="file"]').setInputFiles({
      name: 'Signed card services.pdf',
      mimeType: 'application/pdf',
      buffer: Buffer.from('%PDF-1.7\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n'),
    });
    const document = page.locator(
      '[data-testid="contract-document-row"][data-file-name="Signed card services.pdf"]',
    );
    const href = await document.getByTestId('contract-document-download').getAttribute('href');
    const download = await page.request.get(`${e2e.baseUrl}${href ?? ''}`);
    expect(download.headers()['content-type']).toBe('application/pdf');
    await document.getByTestId('contract-document-remove').click();
    await page.getByTestId('contract-document-remove-confirm').click();
    await page.getByTestId('contract-documents-empty').waitFor();

    // MSA-NB-2024 was amended once: version 2 brought P1 resolution down from 4 h to 2 h.
    await page.getByTestId('contract-account').click();
    await page.getByTestId('page-title').filter({ hasText: 'Northbank' }).waitFor();
    await openNorthbankContracts(page);
    await openContract(page, 'MSA-NB-2024');
    await page.getByTestId('contract-tab-versions').click();
    await page.locator('[data-testid="contract-version-row"][data-version="2"]').click();
    const change = page
      .locator('[data-testid="contract-diff"][data-version="2"]')
      .locator('[data-testid="contract-diff-row"][data-path$="targets.P1.resolution"]');
    await change.waitFor();
    expect(await change.getByTestId('contract-diff-before').textContent()).toBe('4 h');
    expect(await change.getByTestId('contract-diff-after').textContent()).toBe('2 h');

    expect(problems).toEqual([]);
    await context.close();
  });

  it('shows a customer’s administrator their contract read-only and takes their change request', async () => {
    const { context, page, problems } = await e2e.openSession();
    await logIn(page, 'customer@northbank.test');
    expect(await page.getByTestId('nav-contracts').count()).toBe(0);

    await page.getByTestId('dashboard-account').getByRole('link').click();
    await page.getByTestId('page-title').filter({ hasText: 'Northbank' }).waitFor();
    await openNorthbankContracts(page);
    expect(await page.getByTestId('contract-new').count()).toBe(0);
    await openContract(page, 'MSA-NB-2024');

    await page.getByTestId('contract-terms-view').waitFor();
    expect(await page.locator('[data-testid^="contract-action-"]').count()).toBe(0);
    expect(await page.getByTestId('contract-draft-form').count()).toBe(0);

    await page.getByTestId('contract-tab-changeRequests').click();
    await page.getByTestId('change-request-title').fill('Add Request to Pay to the agreement');
    await page.getByTestId('change-request-description').fill('We start the pilot in March.');
    await page.getByTestId('change-request-submit').click();
    const row = page.locator(
      '[data-testid="change-request-row"][data-title="Add Request to Pay to the agreement"]',
    );
    await row.waitFor();
    expect(await row.getByTestId('change-request-status').textContent()).toBe('Requested');
    // Deciding is for the account managers; withdrawing their own request is the customer's.
    expect(await row.getByTestId('change-request-approve').count()).toBe(0);
    await row.getByTestId('change-request-withdraw').waitFor();

    expect(problems).toEqual([]);
    await context.close();
  });
});
