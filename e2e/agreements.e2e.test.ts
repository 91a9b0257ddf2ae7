import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { switchToEnglish, usePaydeskBrowser } from './support/session.ts';

const e2e = usePaydeskBrowser();

/** Signs in and switches the interface to English, whatever language the profile holds. */
async function logIn(page: Page, email: string): Promise<void> {
  await e2e.logIn(page, email);
  await switchToEnglish(page);
}

describe('operational agreements', () => {
  it('lets an analyst add a vendor and its underpinning contract, P1 resolved within 4h on the UK calendar', async () => {
    const { context, page, problems } = await e2e.openSession();
    await logIn(page, 'analyst@paydesk.test');

    // SLA → Agreements opens on the demo OLAs, one per team.
    await page.getByTestId('nav-sla').click();
    await page.getByTestId('nav-sla-agreements').click();
    await page.getByTestId('agreements-table').waitFor();
    expect(new URL(page.url()).pathname).toBe('/sla/agreements');
    const warsaw = page.locator('[data-testid="agreement-row"][data-agreement-name="L2 Warsaw OLA"]');
    // The calendar's name arrives with the calendars list, which may land after the table.
    await expect.poll(() => warsaw.getByTestId('agreement-calendar').textContent()).toBe('UK business hours');

    // A new vendor.
    await page.getByTestId('vendor-create-open').click();
    await page.getByTestId('vendor-name').fill('Nordic Card Processing');
    await page.getByTestId('vendor-kind').click();
    await page.getByRole('option', { name: 'Processor', exact: true }).click();
    await page.getByTestId('vendor-email').fill('ops@nordic-card.test');
    await page.getByTestId('vendor-submit').click();
    await page.getByTestId('vendor-form').waitFor({ state: 'detached' });
    await page.getByTestId('agreements-tab-vendors').click();
    await page.locator('[data-testid="vendor-row"][data-vendor-name="Nordic Card Processing"]').waitFor();

    // Its underpinning contract: P1 resolution 4h, counted on the UK business calendar.
    await page.getByTestId('agreements-tab-underpinning').click();
    await page.getByTestId('agreement-create-open').click();
    const form = page.getByTestId('agreement-form');
    await form.getByTestId('agreement-party').click();
    await page.getByRole('option', { name: 'Nordic Card Processing' }).click();
    await form.getByTestId('agreement-name').fill('Nordic processing UC');
    await form.getByTestId('agreement-reference').fill('NCP-2026-007');
    await form.getByTestId('sla-policy-name').fill('Processing incidents');
    await form.getByTestId('sla-policy-calendar').click();
    await page.getByRole('option', { name: 'UK business hours' }).click();
    await form.getByTestId('sla-target-P1-resolution').fill('4h');
    await form.getByTestId('sla-target-P1-firstResponse').fill('15');
    // A text that is no duration is pointed out rather than saved.
    await form.getByTestId('sla-target-P2-resolution').fill('two days');
    expect(await form.getByText('Not a duration').count()).toBe(1);
    await form.getByTestId('sla-target-P2-resolution').fill('2d');
    await form.getByText('Pending vendor', { exact: true }).click();
    await form.getByTestId('agreement-submit').click();
    await form.waitFor({ state: 'detached' });

    const row = page.locator('[data-testid="agreement-row"][data-agreement-name="Nordic processing UC"]');
    await row.waitFor();
    expect(await row.getByTestId('agreement-party-name').textContent()).toBe('Nordic Card Processing');
    expect(await row.getByTestId('agreement-p1-resolution').textContent()).toBe('4h');
    expect(await row.getByTestId('agreement-p1-first-response').textContent()).toBe('15m');
    expect(await row.getByTestId('agreement-calendar').textContent()).toBe('UK business hours');
    expect(await row.getByTestId('agreement-status').textContent()).toBe('In force');

    // The page shows what the API stored: minutes, and the calendar by id.
    const stored = await page.request.get(`${e2e.baseUrl}/api/agreements?kind=underpinning&limit=200`);
    const { items } = (await stored.json()) as {
      items: Array<{
        name: string;
        reference: string;
        policy: {
          calendarId: string | null;
          targets: Record<string, Record<string, number | null>>;
          pauseStatuses: string[];
        };
      }>;
    };
    const created = items.find((item) => item.name === 'Nordic processing UC');
    expect(created?.reference).toBe('NCP-2026-007');
    expect(created?.policy.targets.P1).toEqual({
      firstResponse: 15,
      nextResponse: null,
      resolution: 240,
      periodicUpdate: null,
    });
    expect(created?.policy.targets.P2?.resolution).toBe(2 * 24 * 60);
    expect(created?.policy.pauseStatuses).toEqual(['pending_vendor']);
    const calendars = await page.request.get(`${e2e.baseUrl}/api/calendars`);
    const uk = ((await calendars.json()) as { items: Array<{ id: string; name: string }> }).items.find(
      (calendar) => calendar.name === 'UK business hours',
    );
    expect(created?.policy.calendarId).toBe(uk?.id);

    expect(problems).toEqual([]);
    await context.close();
  });

  it('keeps customers out of the agreements', async () => {
    const { context, page, problems } = await e2e.openSession();
    await logIn(page, 'customer@northbank.test');
    expect(await page.getByTestId('nav-sla').count()).toBe(0);
    await page.goto(`${e2e.baseUrl}/sla/agreements`);
    await page.getByTestId('forbidden').waitFor();
    expect(problems).toEqual([]);
    await context.close();
  });
});
