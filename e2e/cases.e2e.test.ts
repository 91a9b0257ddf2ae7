import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { caseStatus as status, settled, switchToEnglish, usePaydeskBrowser } from './support/session.ts';

// Browser-side expressions are passed as strings: this project compiles without the DOM library.

const e2e = usePaydeskBrowser();

async function logIn(page: Page, email: string): Promise<void> {
  await e2e.logIn(page, email);
  await switchToEnglish(page);
}

/** Picks an option of a Mantine select by its visible label. */
async function choose(page: Page, testId: string, option: string): Promise<void> {
  await page.getByTestId(testId).click();
  await page.getByRole('option', { name: option, exact: true }).click();
}

describe('cases', () => {
  it('takes a case from an agent to the customer and back', async () => {
    const agent = await e2e.openSession();
    await logIn(agent.page, 'l3.agent@paydesk.test');
    const page = agent.page;
    const subject = `Bacs file rejected ${Date.now()}`;

    // Open a case for Northbank, raised by Hannah Clarke on the phone.
    await page.getByTestId('nav-cases').click();
    await page.getByTestId('page-title').filter({ hasText: 'Cases' }).waitFor();
    await page.getByTestId('case-new').click();
    await page.getByTestId('case-create-account').fill('Northbank');
    await page.getByRole('option', { name: 'Northbank', exact: true }).click();
    await choose(page, 'case-create-contact', 'Hannah Clarke <hannah.clarke@northbank.test>');
    await page.getByTestId('case-create-subject').fill(subject);
    await page
      .getByTestId('case-create-description')
      .fill('This morning’s Bacs submission was rejected with an invalid sort code error.');
    await choose(page, 'case-create-type', 'Incident');
    await choose(page, 'case-create-impact', 'High');
    expect(await page.getByTestId('case-create-matrix-priority').textContent()).toBe('P2 · High');
    await page.getByTestId('case-create-submit').click();
    await page.getByTestId('page-title').filter({ hasText: subject }).waitFor();
    const reference = (await page.getByTestId('case-reference').textContent()) ?? '';
    expect(reference).toMatch(/^PD-\d+$/);
    expect(page.url()).toContain(`/cases/${reference}`);
    expect(await status(page)).toBe('new');
    expect(await page.getByTestId('case-contact').textContent()).toBe('Hannah Clarke');

    // It is in the "all" queue; open it from there.
    await page.getByTestId('case-back').click();
    await page.getByTestId('cases-view').getByText('All', { exact: true }).click();
    const row = page.locator(`[data-testid="case-row"][data-case-reference="${reference}"]`);
    await row.waitFor();
    expect(await row.getByTestId('case-row-subject').textContent()).toBe(subject);
    await row.getByTestId('case-link').click();
    await page.getByTestId('page-title').filter({ hasText: subject }).waitFor();

    // A public reply opens the case; an internal note stays with the staff.
    await page.getByTestId('case-reply-body').fill('We are checking the sort code against the EISCD.');
    await page.getByTestId('case-reply-send').click();
    await expect.poll(() => status(page), settled).toBe('open');
    await expect.poll(() => page.getByTestId('case-message').count(), settled).toBe(2);
    // The request taken on the phone speaks as Hannah, entered by the agent; the reply is the agent's.
    const [request, answer] = await page.getByTestId('case-message-author').allTextContents();
    expect(request).toBe('Hannah Clarke');
    expect(await page.getByTestId('case-message-recorded-by').textContent()).toMatch(/^recorded by /);
    expect(answer).not.toBe('Hannah Clarke');
    await page.getByTestId('case-reply-body').fill('Sort code 40-12-76 was retired last week.');
    await page.getByTestId('case-note-send').click();
    await page.locator('[data-testid="case-message"][data-visibility="internal"]').waitFor();
    expect(await page.getByTestId('case-message').count()).toBe(3);

    // A colleague changes the case meanwhile: the stale status change is refused and the case reloads.
    const seen = (await (await page.request.get(`${e2e.baseUrl}/api/cases/${reference}`)).json()) as {
      version: number;
    };
    const csrf = (await agent.context.cookies()).find((cookie) => cookie.name === 'pd_csrf')?.value ?? '';
    const elsewhere = await page.request.patch(`${e2e.baseUrl}/api/cases/${reference}`, {
      data: { externalReference: 'BACS-4471' },
      headers: { 'x-csrf-token': csrf, 'if-match': `"${seen.version}"` },
    });
    expect(elsewhere.status()).toBe(200);
    await choose(page, 'case-status-select', 'Pending customer');
    await page
      .getByTestId('case-update-error')
      .filter({ hasText: 'Someone else changed this case' })
      .waitFor();
    await expect
      .poll(() => page.getByTestId('case-external-reference').textContent(), settled)
      .toBe('BACS-4471');
    expect(await status(page)).toBe('open');

    // Waiting on the customer.
    await choose(page, 'case-status-select', 'Pending customer');
    await expect.poll(() => status(page), settled).toBe('pending_customer');
    await page.getByTestId('case-tab-timeline').click();
    await page.locator('[data-testid="case-event"][data-type="status_changed"]').last().waitFor();
    expect(await page.getByTestId('case-timeline').textContent()).toContain(
      'Status changed from Open to Pending customer',
    );
    await page.getByTestId('case-tab-conversation').click();
    // The first public reply met the first response; waiting on the customer pauses resolution.
    const clock = (metric: string) =>
      page.locator(`[data-testid="sla-clock"][data-metric="${metric}"][data-source="customer"]`);
    await expect.poll(() => clock('firstResponse').getAttribute('data-status'), settled).toBe('met');
    await expect.poll(() => clock('resolution').getAttribute('data-status'), settled).toBe('paused');
    expect(await clock('resolution').getByTestId('sla-clock-status').textContent()).toBe('Paused');

    // The customer sees it among their requests, without the note, and replies.
    const customer = await e2e.openSession();
    await logIn(customer.page, 'customer@northbank.test');
    await customer.page.getByTestId('nav-cases').click();
    await customer.page.getByTestId('page-title').filter({ hasText: 'My requests' }).waitFor();
    const own = customer.page.locator(`[data-testid="case-row"][data-case-reference="${reference}"]`);
    await own.waitFor();
    await own.getByTestId('case-link').click();
    await customer.page.getByTestId('case-messages').waitFor();
    expect(await customer.page.getByTestId('case-message').count()).toBe(2);
    expect(await customer.page.locator('[data-visibility="internal"]').count()).toBe(0);
    expect(await customer.page.getByTestId('case-messages').textContent()).not.toContain('retired');
    expect(await customer.page.getByTestId('case-note-send').count()).toBe(0);
    expect(await customer.page.getByTestId('case-actions').count()).toBe(0);
    await customer.page.getByTestId('case-reply-body').fill('The sort code is 40-12-77; please retry.');
    await customer.page.getByTestId('case-reply-send').click();
    await expect.poll(() => customer.page.getByTestId('case-message').count(), settled).toBe(3);

    // Back with the agent: the reply brought the case back to open.
    await page.reload();
    await expect.poll(() => status(page), settled).toBe('open');
    expect(await page.getByTestId('case-message').last().textContent()).toContain('40-12-77');

    expect(agent.problems).toEqual([]);
    expect(customer.problems).toEqual([]);
    await customer.context.close();
    await agent.context.close();
  });

  it('lets a customer file a request on their own account', async () => {
    const { context, page, problems } = await e2e.openSession();
    await logIn(page, 'ops@northbank.test');
    const subject = `Settlement report missing ${Date.now()}`;

    await page.getByTestId('nav-cases').click();
    await page.getByTestId('page-title').filter({ hasText: 'My requests' }).waitFor();
    await page.getByTestId('case-new').filter({ hasText: 'New request' }).click();
    // The reduced form: no account, contact, routing or priority override.
    expect(await page.getByTestId('case-create-account').count()).toBe(0);
    expect(await page.getByTestId('case-create-override').count()).toBe(0);
    await page.getByTestId('case-create-subject').fill(subject);
    await page.getByTestId('case-create-description').fill('Yesterday’s settlement report never arrived.');
    await choose(page, 'case-create-type', 'Question');
    await choose(page, 'case-create-urgency', 'Low');
    expect(await page.getByTestId('case-create-matrix-priority').textContent()).toBe('P4 · Low');
    await page.getByTestId('case-create-submit').click();
    await page.getByTestId('page-title').filter({ hasText: subject }).waitFor();
    expect(await status(page)).toBe('new');
    expect(await page.getByTestId('case-actions').count()).toBe(0);

    await page.getByTestId('case-back').click();
    const row = page.getByTestId('case-row').filter({ hasText: subject });
    await row.waitFor();
    expect(await row.getByTestId('case-row-status').textContent()).toBe('New');

    expect(problems).toEqual([]);
    await context.close();
  });

  it('counts a breached clock from its breach', async () => {
    const { context, page, problems } = await e2e.openSession();
    await logIn(page, 'l3.agent@paydesk.test');
    // A demo case with a clock that breached and still runs (the demo seeds breaches hours old).
    const api = async <T>(path: string) =>
      (await (await page.request.get(`${e2e.baseUrl}${path}`)).json()) as T;
    const breached = await api<{ items: Array<{ reference: string }> }>('/api/cases?view=all&sla=breached');
    const found = [];
    for (const { reference } of breached.items) {
      const { clocks } = await api<{
        clocks: Array<{
          source: string;
          metric: string;
          cycle: number;
          status: string;
          breachedAt: string | null;
        }>;
      }>(`/api/cases/${reference}/sla`);
      const running = clocks.find((clock) => clock.status === 'running' && clock.breachedAt !== null);
      if (running) found.push({ reference, clock: running });
    }
    expect(found.length).toBeGreaterThan(0);
    const { reference, clock } = found[0]!;

    await page.goto(`${e2e.baseUrl}/cases/${reference}`);
    const card = page.locator(
      `[data-testid="sla-clock"][data-source="${clock.source}"][data-metric="${clock.metric}"][data-cycle="${clock.cycle}"]`,
    );
    await card.waitFor();
    expect(await card.getByTestId('sla-clock-deadline').textContent()).toMatch(/^Breached /);
    // Overdue by at least the time since the breach (whole seconds, the countdown's unit).
    const overdue = (await card.getByTestId('sla-clock-countdown').textContent()) ?? '';
    const [hours, minutes, seconds] = overdue.replace(/^-/, '').split(':').map(Number);
    expect(overdue.startsWith('-')).toBe(true);
    const sinceBreach = Date.now() - Date.parse(clock.breachedAt!);
    expect(((hours! * 60 + minutes!) * 60 + seconds!) * 1000).toBeGreaterThanOrEqual(sinceBreach - 60_000);

    expect(problems).toEqual([]);
    await context.close();
  });
});
