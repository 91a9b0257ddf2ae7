import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { switchToEnglish, usePaydeskBrowser } from './support/session.ts';

// Browser-side expressions are passed as strings: this project compiles without the DOM library.

const e2e = usePaydeskBrowser();

async function logIn(page: Page, email: string): Promise<void> {
  await e2e.logIn(page, email);
  await switchToEnglish(page);
}

/** A date some days from today, as the date inputs take it. */
function daysFromToday(days: number) {
  return new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);
}

describe('governance', () => {
  it('lets an account manager follow a reminder, schedule a review and add an action item', async () => {
    const { context, page, problems } = await e2e.openSession();
    await logIn(page, 'amelia.hughes@paydesk.test');

    // The reminder job runs when the server starts: the demo's overdue item reaches its owner's bell.
    const reminder = 'Action item overdue: Confirm Request to Pay pilot dates with product management';
    await expect
      .poll(
        async () => {
          await page.reload();
          await page.getByTestId('notifications-bell').click();
          await page.getByTestId('notifications-menu').waitFor();
          const count = await page.getByTestId('notification-item').filter({ hasText: reminder }).count();
          await page.keyboard.press('Escape');
          return count;
        },
        { timeout: 30_000, interval: 1000 },
      )
      .toBe(1);
    await page.getByTestId('notifications-bell').click();
    await page.getByTestId('notification-item').filter({ hasText: reminder }).click();
    await page.getByTestId('governance-tab').waitFor();
    expect(page.url()).toMatch(/\/accounts\/[0-9a-f-]{36}\?tab=governance$/);
    await page.getByTestId('page-title').filter({ hasText: 'Northbank' }).waitFor();

    // Schedule the next review, with a customer attendee.
    await page.getByTestId('governance-section-reviews').click();
    await page.getByTestId('review-schedule').click();
    await page.getByTestId('review-title').fill('Renewal review');
    await page.getByTestId('review-held-on').fill(daysFromToday(21));
    await page.getByTestId('review-starts-at').fill('14:30');
    await page.getByTestId('review-add-attendee').click();
    const attendee = page.getByTestId('review-attendee').last();
    await attendee.getByLabel('Name').fill('Olivia Grant');
    await attendee.getByLabel('Organisation').fill('Northbank');
    await page.getByTestId('review-agenda').fill('1. Renewal terms\n2. SLA targets');
    await page.getByTestId('review-submit').click();
    const review = page.getByTestId('review-row').filter({ hasText: 'Renewal review' });
    await review.waitFor();
    expect(await review.textContent()).toContain('Olivia Grant (Northbank)');
    expect(await review.textContent()).toContain('Planned');

    // Add an action item: its owner is the signed-in account manager unless changed.
    await page.getByTestId('governance-section-actionItems').click();
    await page.getByTestId('action-item-add').click();
    await page.getByTestId('action-item-title').fill('Draft the renewal proposal');
    expect(await page.getByTestId('action-item-owner').inputValue()).toBe('Amelia Hughes');
    await page.getByTestId('action-item-due-on').fill(daysFromToday(10));
    await page.getByTestId('action-item-submit').click();
    const item = page.getByTestId('action-item-row').filter({ hasText: 'Draft the renewal proposal' });
    await item.waitFor();
    expect(await item.textContent()).toContain('Amelia Hughes');

    // Both appear on the timeline.
    await page.getByTestId('governance-section-timeline').click();
    await page
      .locator('[data-testid="timeline-entry"][data-kind="action_item.created"]')
      .filter({ hasText: 'Draft the renewal proposal' })
      .waitFor();
    await page
      .locator('[data-testid="timeline-entry"][data-kind="review.planned"]')
      .filter({ hasText: 'Renewal review' })
      .first()
      .waitFor();

    // The reminder was marked read when followed; mark all read clears the rest.
    await page.getByTestId('notifications-bell').click();
    const followed = page.getByTestId('notification-item').filter({ hasText: reminder });
    await expect.poll(() => followed.getAttribute('data-unread')).toBeNull();
    await page.getByTestId('notifications-mark-all').click();
    await expect
      .poll(() => page.locator('[data-testid="notification-item"][data-unread="true"]').count())
      .toBe(0);

    expect(problems).toEqual([]);
    await context.close();
  });

  it("shows a customer's administrator their account's governance, read-only", async () => {
    const { context, page, problems } = await e2e.openSession();
    await logIn(page, 'customer@northbank.test');
    // The dashboard links a customer to their own account.
    const accountLink = page.locator('a[href^="/accounts/"]').first();
    await accountLink.waitFor();
    const href = (await accountLink.getAttribute('href'))!;
    await page.goto(`${e2e.baseUrl}${href.split('?')[0]}?tab=governance`);
    await page.getByTestId('governance-tab').waitFor();
    await page.getByTestId('governance-section-reviews').click();
    await page.getByTestId('review-row').filter({ hasText: 'Quarterly service review' }).first().waitFor();
    expect(await page.getByTestId('review-schedule').count()).toBe(0);
    await page.getByTestId('governance-section-actionItems').click();
    await page.getByTestId('action-item-row').first().waitFor();
    expect(await page.getByTestId('action-item-add').count()).toBe(0);
    expect(await page.getByTestId('action-item-status').count()).toBe(0);

    expect(problems).toEqual([]);
    await context.close();
  });
});
