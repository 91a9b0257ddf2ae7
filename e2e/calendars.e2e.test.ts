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
    await page.getByTestId('nav-sla-calendars').click();
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

  it('lets an analyst create and edit a calendar, import holidays, and refuses a stale save', async () => {
    const { context, page, problems } = await openSession();
    await logIn(page, 'analyst@paydesk.test');
    await page.getByTestId('nav-sla').click();
    await page.getByTestId('nav-sla-calendars').click();
    await page.getByTestId('calendars-table').waitFor();

    // A new calendar from the working-week template, Monday to Friday 09:00–17:00 in Warsaw.
    await page.getByRole('button', { name: 'New calendar' }).click();
    const dialog = page.getByRole('dialog', { name: 'New business calendar' });
    await dialog.getByRole('textbox', { name: 'Name', exact: true }).fill('Warsaw office');
    await dialog.getByLabel('Description').fill('Polish business hours');
    await dialog.getByRole('textbox', { name: 'Time zone' }).fill('warsaw');
    await page.getByRole('option', { name: 'Europe/Warsaw' }).click();
    await dialog.getByLabel('Monday window 1 closes').fill('17:00');
    await dialog.getByRole('button', { name: 'Copy Monday to Tuesday–Friday' }).click();
    await dialog.getByRole('button', { name: 'Create calendar' }).click();
    await page.getByTestId('page-title').filter({ hasText: 'Warsaw office' }).waitFor();
    const calendarId = new URL(page.url()).pathname.split('/').at(-1) ?? '';
    expect(calendarId).toMatch(/^[0-9a-f-]{36}$/);
    expect(await page.getByTestId('calendar-zone').textContent()).toBe('Time zone: Europe/Warsaw');
    expect(
      await page.getByTestId('calendar-day-fri').getByTestId('calendar-window').allTextContents(),
    ).toEqual(['09:00–17:00']);

    // 8h from Monday 4 January 2027, 16:00 in Warsaw: 1h on Monday, 7h on Tuesday.
    await page.getByLabel('Target').fill('8h');
    await page.getByLabel('Start').fill('2027-01-04T15:00:00Z');
    await page.getByRole('button', { name: 'Work out due time' }).click();
    const dueLocal = page.getByTestId('calendar-preview-due-local');
    await expect.poll(() => dueLocal.getAttribute('data-due-local')).toBe('2027-01-05T16:00:00+01:00');

    // Edit: an overnight window on Monday and the Tuesday morning off.
    await page.getByRole('button', { name: 'Edit calendar' }).click();
    const editor = page.getByTestId('calendar-editor');
    await editor.getByRole('button', { name: 'Add a window on Monday' }).click();
    await editor.getByLabel('Monday window 2 opens').fill('22:00');
    await editor.getByLabel('Monday window 2 closes').fill('02:00');
    await editor.getByTestId('calendar-edit-overnight').waitFor();
    const addHoliday = editor.getByTestId('calendar-holiday-add');
    await addHoliday.getByLabel('Date').fill('2027-01-05');
    await addHoliday.getByLabel('Holiday name (optional)').fill('Team day');
    await addHoliday.getByLabel('Only part of the day').check();
    await addHoliday.getByLabel('Closed from').fill('09:00');
    await addHoliday.getByLabel('Closed until').fill('11:00');
    await addHoliday.getByRole('button', { name: 'Add holiday' }).click();
    await editor.locator('[data-testid="calendar-edit-holiday"][data-date="2027-01-05"]').waitFor();

    // A malformed iCalendar file is refused, naming the line at fault.
    const fileInput = editor.getByLabel('iCalendar file (.ics)');
    await fileInput.setInputFiles({
      name: 'broken.ics',
      mimeType: 'text/calendar',
      buffer: Buffer.from(
        'BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nSUMMARY:No date\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n',
      ),
    });
    await editor.getByLabel('From', { exact: true }).fill('2027-01-01');
    await editor.getByLabel('Until', { exact: true }).fill('2029-12-31');
    await editor.getByRole('button', { name: 'Import holidays' }).click();
    await expect
      .poll(() => editor.getByTestId('calendar-import-error-details').textContent())
      .toContain('line 2');

    // A yearly holiday (Epiphany) from a small file: three years in the range.
    await fileInput.setInputFiles({
      name: 'epiphany.ics',
      mimeType: 'text/calendar',
      buffer: Buffer.from(
        [
          'BEGIN:VCALENDAR',
          'VERSION:2.0',
          'PRODID:-//Paydesk//e2e//EN',
          'BEGIN:VEVENT',
          'UID:epiphany@paydesk.test',
          'DTSTART;VALUE=DATE:20200106',
          'DTEND;VALUE=DATE:20200107',
          'RRULE:FREQ=YEARLY',
          'SUMMARY:Trzech Króli',
          'END:VEVENT',
          'END:VCALENDAR',
          '',
        ].join('\r\n'),
      ),
    });
    await editor.getByRole('button', { name: 'Import holidays' }).click();
    await expect
      .poll(() => editor.getByTestId('calendar-import-result').textContent())
      .toBe('The file had 3 holidays in this range; 3 new added.');
    await editor.locator('[data-testid="calendar-edit-holiday"][data-date="2028-01-06"]').waitFor();

    await editor.getByRole('button', { name: 'Save calendar' }).click();
    await page.getByTestId('calendar-week').waitFor();
    expect(
      await page.getByTestId('calendar-day-mon').getByTestId('calendar-window').allTextContents(),
    ).toEqual(['09:00–17:00', '22:00–02:00 (overnight)']);
    expect(await page.getByTestId('calendar-holiday-name').allTextContents()).toEqual(
      expect.arrayContaining(['Team day', 'Trzech Króli']),
    );
    // The preview follows the new version: Monday 1h + 4h overnight, Tuesday from 11:00 3h.
    await expect.poll(() => dueLocal.getAttribute('data-due-local')).toBe('2027-01-05T14:00:00+01:00');

    // Someone else saves in between: the stale save is refused and the current version offered.
    await page.getByRole('button', { name: 'Edit calendar' }).click();
    await editor.getByLabel('Description').fill('Mine');
    const csrf = (await context.cookies()).find((cookie) => cookie.name === 'pd_csrf')?.value ?? '';
    const current = await page.request.get(`${e2e.baseUrl}/api/calendars/${calendarId}`);
    const stored = (await current.json()) as { name: string; spec: unknown };
    const theirs = await page.request.put(`${e2e.baseUrl}/api/calendars/${calendarId}`, {
      data: { name: stored.name, description: 'Theirs', spec: stored.spec },
      headers: { 'x-csrf-token': csrf, 'if-match': current.headers()['etag'] ?? '' },
    });
    expect(theirs.status()).toBe(200);
    await editor.getByRole('button', { name: 'Save calendar' }).click();
    const conflict = page.getByTestId('calendar-conflict');
    await conflict.waitFor();
    expect(await conflict.textContent()).toContain('Someone else changed this calendar in the meantime.');
    await conflict.getByRole('button', { name: /load the current version/ }).click();
    expect(await editor.getByLabel('Description').inputValue()).toBe('Theirs');
    await editor.getByRole('button', { name: 'Save calendar' }).click();
    await page.getByTestId('calendar-week').waitFor();
    expect(await page.getByTestId('page-title').textContent()).toBe('Warsaw office');

    // Mondays until 18:00, but only from Tuesday 5 January 2027 (noon in the browser's zone, which
    // is after that Monday anywhere): the previewed Monday keeps 09:00–17:00, so the due time stays.
    // Applied from now it would count Monday until 18:00 and be due at 13:00.
    await page.getByRole('button', { name: 'Edit calendar' }).click();
    await editor.getByLabel('Monday window 1 closes').fill('18:00');
    expect(await editor.getByRole('radio', { name: /^From when you save/ }).isChecked()).toBe(true);
    await editor.getByRole('radio', { name: /^From a date and time/ }).check();
    await editor.getByRole('button', { name: 'Save calendar' }).click();
    await editor.getByText('Give the date and time the change applies from').waitFor();
    await editor.getByLabel(/^From \(your time/).fill('2027-01-05T12:00');
    const previewed = page.waitForResponse(
      (response) =>
        response.url().endsWith('/api/calendars/preview') && response.request().method() === 'POST',
    );
    await editor.getByRole('button', { name: 'Save calendar' }).click();
    await page.getByTestId('calendar-week').waitFor();
    expect(
      await page.getByTestId('calendar-day-mon').getByTestId('calendar-window').allTextContents(),
    ).toEqual(['09:00–18:00', '22:00–02:00 (overnight)']);
    expect(((await (await previewed).json()) as { dueLocal: string }).dueLocal).toBe(
      '2027-01-05T14:00:00+01:00',
    );

    expect(problems).toEqual([]);
    await context.close();
  });

  it('lets an analyst delete a calendar after confirming', async () => {
    const { context, page, problems } = await openSession();
    await logIn(page, 'analyst@paydesk.test');
    const csrf = (await context.cookies()).find((cookie) => cookie.name === 'pd_csrf')?.value ?? '';
    const created = await page.request.post(`${e2e.baseUrl}/api/calendars`, {
      data: { name: 'Short-lived', spec: { timeZone: 'UTC', always: true } },
      headers: { 'x-csrf-token': csrf },
    });
    expect(created.status()).toBe(201);
    const { id } = (await created.json()) as { id: string };
    await page.goto(`${e2e.baseUrl}/sla/calendars/${id}`);
    await page.getByTestId('calendar-always').waitFor();
    await page.getByRole('button', { name: 'Delete', exact: true }).click();
    await page
      .getByRole('dialog', { name: 'Delete business calendar' })
      .getByRole('button', { name: 'Delete calendar' })
      .click();
    await page.getByTestId('calendars-table').waitFor();
    expect(await page.locator('[data-testid="calendar-row"][data-calendar-name="Short-lived"]').count()).toBe(
      0,
    );

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
