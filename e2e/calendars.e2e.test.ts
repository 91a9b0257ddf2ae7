import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { switchToEnglish, usePaydeskBrowser } from './support/session.ts';

const e2e = usePaydeskBrowser();

/** Signs in and switches the interface to English, whatever language the profile holds. */
async function logIn(page: Page, email: string): Promise<void> {
  await e2e.logIn(page, email);
  await switchToEnglish(page);
}

const openSession = () => e2e.openSession();

describe('business calendars', () => {
  it('shows an analyst the UK calendar and previews a due time across the Christmas holidays', async () => {
    const { context, page, problems } = await openSession();
    await logIn(page, 'analyst@paydesk.test');

    // SLA opens on the calendars list.
    await page.getByTestId('nav-sla').click();
    await page.getByTestId('calendars-table').waitFor();
    expect(new URL(page.url()).pathname).toBe('/sla/calendars');
    const uk = page.locator('[data-testid="calendar-row"][data-calendar-name="UK business hours"]');
    expect(await uk.getByTestId('calendar-time-zone').textContent()).toBe('Europe/London');
    expect(await uk.getByTestId('calendar-holiday-count').textContent()).toMatch(/^\d+ holidays$/);
    const always = page.locator('[data-testid="calendar-row"][data-calendar-name="24×7"]');
    expect(await always.getByTestId('calendar-hours').textContent()).toBe('Open 24×7');

    // The UK calendar: Monday 09:00–17:30, the weekend closed, bank holidays listed.
    await uk.getByTestId('calendar-link').click();
    await page.getByTestId('page-title').filter({ hasText: 'UK business hours' }).waitFor();
    const calendarId = new URL(page.url()).pathname.split('/').at(-1) ?? '';
    expect(calendarId).toMatch(/^[0-9a-f-]{36}$/);
    const monday = page.getByTestId('calendar-day-mon').getByTestId('calendar-window');
    expect(await monday.allTextContents()).toEqual(['09:00–17:30']);
    await page.getByTestId('calendar-day-sun').getByTestId('calendar-day-closed').waitFor();
    await page.getByTestId('calendar-holiday').first().waitFor();
    expect(await page.getByTestId('calendar-holiday').count()).toBeGreaterThan(0);
    expect(await page.getByTestId('calendar-holiday-name').allTextContents()).toContain('Boxing Day');

    // Preview: 8h from Christmas Eve 16:00 London time.
    const from = '2026-12-24T16:00:00Z';
    await page.getByTestId('calendar-preview-target').fill('8h');
    await page.getByTestId('calendar-preview-from').fill(from);
    await page.getByTestId('calendar-preview-submit').click();
    const shownLocal = page.getByTestId('calendar-preview-due-local');
    await shownLocal.waitFor();

    // The page shows what the API itself answers.
    const csrf = (await context.cookies()).find((cookie) => cookie.name === 'pd_csrf')?.value ?? '';
    const response = await page.request.post(`${e2e.baseUrl}/api/calendars/preview`, {
      data: { calendarId, target: '8h', from },
      headers: { 'x-csrf-token': csrf },
    });
    expect(response.status()).toBe(200);
    const expected = (await response.json()) as { due: string; dueLocal: string; businessSeconds: number };
    expect(await shownLocal.getAttribute('data-due-local')).toBe(expected.dueLocal);
    expect(await page.getByTestId('calendar-preview-result').getAttribute('data-due')).toBe(expected.due);
    // Thursday 1.5 h; Christmas Day, the weekend and the Boxing Day substitute closed; Tuesday 6.5 h.
    expect(expected.dueLocal.startsWith('2026-12-29T15:30')).toBe(true);
    expect(expected.businessSeconds).toBe(8 * 3600);
    expect(await page.getByTestId('calendar-preview-business').textContent()).toBe('8h 0m');
    expect(await page.getByTestId('calendar-preview-due-viewer').textContent()).not.toBe('');

    // A bad target is explained rather than swallowed.
    await page.getByTestId('calendar-preview-target').fill('2 days');
    await page.getByTestId('calendar-preview-submit').click();
    await page.getByTestId('calendar-preview-error').waitFor();

    expect(problems).toEqual([]);
    await context.close();
  });

  it('keeps customers out of the calendars', async () => {
    const { context, page, problems } = await openSession();
    await logIn(page, 'customer@northbank.test');
    expect(await page.getByTestId('nav-sla').count()).toBe(0);
    await page.goto(`${e2e.baseUrl}/sla/calendars`);
    await page.getByTestId('forbidden').waitFor();

    expect(problems).toEqual([]);
    await context.close();
  });
});
