import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { settled, switchToEnglish, usePaydeskBrowser } from './support/session.ts';

// Browser-side expressions are passed as strings: this project compiles without the DOM library.

const e2e = usePaydeskBrowser();

interface ApiCase {
  id: string;
  reference: string;
  subject: string;
  version: number;
}
interface ApiClock {
  status: string;
  breachedAt: string | null;
  /** Reached and projected. */
  warnings: Array<{ at: string }>;
}

/** The queue's rows, top to bottom, by reference. */
const references = (page: Page) =>
  page
    .getByTestId('case-row')
    .evaluateAll((rows) => rows.map((row) => row.getAttribute('data-case-reference') ?? ''));

const pressed = (page: Page, testId: string) => page.getByTestId(testId).getAttribute('aria-pressed');

/** The queue once it has settled on the rows the API gives for the same filter. */
async function expectQueueOf(page: Page, query: string): Promise<string[]> {
  const expected = (await apiGet<{ items: ApiCase[] }>(page, `/api/cases?${query}&limit=25`)).items.map(
    (item) => item.reference,
  );
  if (expected.length === 0) await page.getByTestId('cases-empty').waitFor();
  await expect.poll(() => references(page), settled).toEqual(expected);
  return expected;
}

async function apiGet<T>(page: Page, path: string): Promise<T> {
  const response = await page.request.get(`${e2e.baseUrl}${path}`);
  expect(response.status(), path).toBe(200);
  return (await response.json()) as T;
}

async function apiWrite<T>(
  context: BrowserContext,
  page: Page,
  method: 'post' | 'patch',
  path: string,
  data: unknown,
  headers: Record<string, string> = {},
): Promise<T> {
  const csrf = (await context.cookies()).find((cookie) => cookie.name === 'pd_csrf')?.value ?? '';
  const response = await page.request[method](`${e2e.baseUrl}${path}`, {
    data,
    headers: { 'x-csrf-token': csrf, ...headers },
  });
  expect(response.ok(), `${method} ${path}: ${await response.text()}`).toBe(true);
  return (await response.json()) as T;
}

/** Picks an option of a Mantine select by its visible label. */
async function choose(page: Page, testId: string, option: string): Promise<void> {
  await page.getByTestId(testId).click();
  await page.getByRole('option', { name: option, exact: true }).click();
}

describe('the case queue', () => {
  let context: BrowserContext;
  let page: Page;
  let problems: string[];
  // Two cases of this run, found by a word no demo case has.
  const word = `reconciliation${Date.now().toString(36)}`;
  let first: ApiCase;
  let second: ApiCase;
  let northbank: { id: string; name: string };

  beforeAll(async () => {
    ({ context, page, problems } = await e2e.openSession());
    await e2e.logIn(page, 'admin@paydesk.test');
    await switchToEnglish(page);
    const accounts = await apiGet<{ items: Array<{ id: string; name: string }> }>(
      page,
      '/api/accounts?search=Northbank',
    );
    northbank = accounts.items[0]!;
    const open = (subject: string) =>
      apiWrite<ApiCase>(context, page, 'post', '/api/cases', {
        accountId: northbank.id,
        subject,
        description: `The ${word} report of the settlement cycle does not balance.`,
        type: 'incident',
        impact: 'low',
        urgency: 'low',
      });
    first = await open(`Settlement ${word} mismatch, cycle 1`);
    second = await open(`Settlement ${word} mismatch, cycle 2`);
  });

  afterAll(async () => {
    await context.close();
  });

  it('filters to breached and at-risk cases, and a reload keeps the filter', async () => {
    await page.getByTestId('nav-cases').click();
    await page.getByTestId('page-title').filter({ hasText: 'Cases' }).waitFor();

    await page.getByTestId('cases-quick-breached').click();
    await expect.poll(() => new URL(page.url()).searchParams.get('sla'), settled).toBe('breached');
    const breached = await expectQueueOf(page, 'view=all&open=true&sla=breached');
    // The demo's older cases are past their due times; each listed has a clock that breached.
    expect(breached.length).toBeGreaterThan(0);
    for (const reference of breached) {
      const { clocks } = await apiGet<{ clocks: ApiClock[] }>(page, `/api/cases/${reference}/sla`);
      expect(
        clocks.some((clock) => clock.breachedAt !== null),
        reference,
      ).toBe(true);
    }

    // The toggle says how many it shows; the open count is the view's.
    await expect
      .poll(() => page.getByTestId('cases-quick-breached-count').getAttribute('data-count'), settled)
      .toBe(String(breached.length));
    const open = await apiGet<{ items: unknown[] }>(page, '/api/cases?view=all&open=true&limit=200');
    await expect
      .poll(() => page.getByTestId('cases-open-count').getAttribute('data-count'), settled)
      .toBe(String(open.items.length));

    await page.reload();
    await page.getByTestId('cases-table').waitFor();
    await expect.poll(() => pressed(page, 'cases-quick-breached'), settled).toBe('true');
    await expect.poll(() => references(page), settled).toEqual(breached);

    // At risk and breached exclude each other: choosing one drops the other.
    await page.getByTestId('cases-quick-at-risk').click();
    await expect.poll(() => new URL(page.url()).searchParams.get('sla'), settled).toBe('at_risk');
    await expect.poll(() => pressed(page, 'cases-quick-breached'), settled).toBe('false');
    const atRisk = await expectQueueOf(page, 'view=all&open=true&sla=at_risk');
    await expect
      .poll(() => page.getByTestId('cases-quick-at-risk-count').getAttribute('data-count'), settled)
      .toBe(String(atRisk.length));
    expect(atRisk.filter((reference) => breached.includes(reference))).toEqual([]);
    for (const reference of atRisk) {
      const { clocks } = await apiGet<{ clocks: ApiClock[] }>(page, `/api/cases/${reference}/sla`);
      expect(
        clocks.some((clock) => clock.breachedAt !== null),
        reference,
      ).toBe(false);
      expect(
        clocks.some(
          (clock) =>
            clock.status === 'running' &&
            clock.warnings.some((warning) => Date.parse(warning.at) <= Date.now()),
        ),
        reference,
      ).toBe(true);
    }

    // Waiting on the customer is the pending-customer status; the demo has one such case. Two toggles
    // clicked one right after the other both count.
    await page.getByTestId('cases-quick-at-risk').click();
    await page.getByTestId('cases-quick-waiting').click();
    await expect.poll(() => new URL(page.url()).search, settled).toBe('?status=pending_customer');
    const waiting = await expectQueueOf(page, 'view=all&open=true&status=pending_customer');
    expect(waiting.length).toBeGreaterThan(0);
    expect(
      await page
        .getByTestId('case-row-status')
        .evaluateAll((badges) => badges.map((badge) => badge.getAttribute('data-status'))),
    ).toEqual(waiting.map(() => 'pending_customer'));
  });

  it('names the account a linked queue is filtered by, though the picker has not listed it', async () => {
    // Until something is typed the picker lists the first 25 accounts by name; 25 that sort before
    // Northbank keep it off that list, as a book of accounts larger than the demo's would.
    await Promise.all(
      Array.from({ length: 25 }, (_, index) =>
        apiWrite(context, page, 'post', '/api/accounts', {
          name: `Account ${index} ${word}`,
          legalName: `Account ${index} ${word} Ltd`,
          countryCode: 'GB',
          kind: 'bank',
        }),
      ),
    );

    await page.goto(`${e2e.baseUrl}/cases?account=${northbank.id}`);
    await expectQueueOf(page, `view=all&open=true&accountId=${northbank.id}`);
    await expect
      .poll(() => page.getByTestId('cases-filter-account').inputValue(), settled)
      .toBe(northbank.name);
  });

  it('saves the filters as a view, refuses a taken name, and applies, renames, orders and deletes views', async () => {
    await page.goto(`${e2e.baseUrl}/cases?sla=breached`);
    await page.getByTestId('cases-table').waitFor();
    const name = `Breached everywhere ${word}`;
    const view = (viewName: string) =>
      page.locator(`[data-testid="saved-view"][data-view-name="${viewName}"]`);

    await page.getByTestId('saved-view-save').click();
    await page.getByTestId('save-view-name').fill(name);
    await page.getByTestId('save-view-submit').click();
    await view(name).waitFor();
    // The queue shows what the view selects, so it is the one in use.
    expect(await view(name).getByTestId('saved-view-apply').getAttribute('aria-pressed')).toBe('true');

    // The same name again is refused on the name field, and nothing is saved.
    await page.getByTestId('saved-view-save').click();
    await page.getByTestId('save-view-name').fill(name);
    await page.getByTestId('save-view-submit').click();
    await page
      .getByTestId('save-view-form')
      .getByText('You already have a saved view with this name.')
      .waitFor();
    await page.getByTestId('save-view-form').getByRole('button', { name: 'Cancel' }).click();
    expect(await view(name).count()).toBe(1);

    // Another queue: the view is no longer the one in use; picking it brings its filters back.
    await page.getByTestId('cases-quick-breached').click();
    await page.getByTestId('cases-view').getByText('Mine', { exact: true }).click();
    await expect.poll(() => new URL(page.url()).searchParams.get('view'), settled).toBe('mine');
    await expect
      .poll(() => view(name).getByTestId('saved-view-apply').getAttribute('aria-pressed'), settled)
      .toBe('false');
    await view(name).getByTestId('saved-view-apply').click();
    await expect.poll(() => new URL(page.url()).search, settled).toBe('?sla=breached');
    await expect.poll(() => pressed(page, 'cases-quick-breached'), settled).toBe('true');
    await expectQueueOf(page, 'view=all&open=true&sla=breached');

    // Renamed.
    const renamed = `Breached, all queues ${word}`;
    await view(name).getByTestId('saved-view-menu').click();
    await page.getByTestId('saved-view-rename').click();
    await page.getByTestId('save-view-name').fill(renamed);
    await page.getByTestId('save-view-submit').click();
    await view(renamed).waitFor();
    expect(await view(name).count()).toBe(0);

    // A second view, moved before the first; the order is the person's and survives a reload.
    await page.getByTestId('cases-quick-waiting').click();
    await page.getByTestId('cases-quick-breached').click();
    const waitingName = `Waiting on customers ${word}`;
    await page.getByTestId('saved-view-save').click();
    await page.getByTestId('save-view-name').fill(waitingName);
    await page.getByTestId('save-view-submit').click();
    await view(waitingName).waitFor();
    const order = () =>
      page
        .getByTestId('saved-view')
        .evaluateAll((views) => views.map((item) => item.getAttribute('data-view-name')));
    const before = await order();
    expect(before.indexOf(waitingName)).toBeGreaterThan(before.indexOf(renamed));
    while ((await order()).indexOf(waitingName) > (await order()).indexOf(renamed)) {
      await view(waitingName).getByTestId('saved-view-menu').click();
      await page.getByTestId('saved-view-earlier').click();
    }
    const moved = await order();
    await page.reload();
    await view(waitingName).waitFor();
    expect(await order()).toEqual(moved);

    // Deleted after a confirmation.
    await view(renamed).getByTestId('saved-view-menu').click();
    await page.getByTestId('saved-view-delete').click();
    await page.getByTestId('saved-view-delete-confirm').click();
    await expect.poll(() => view(renamed).count(), settled).toBe(0);
    expect(await view(waitingName).count()).toBe(1);
  });

  it('assigns two cases at once and reports each case, the refused ones with the reason', async () => {
    // One of the two is already open: an open case cannot be closed without being resolved.
    await apiWrite(
      context,
      page,
      'patch',
      `/api/cases/${second.reference}`,
      { status: 'open' },
      { 'if-match': `"${second.version}"` },
    );
    await page.goto(`${e2e.baseUrl}/cases?q=${word}`);
    await expect
      .poll(() => references(page).then((rows) => [...rows].sort()), settled)
      .toEqual([first.reference, second.reference].sort());

    await page.getByTestId('cases-select-page').click();
    expect(await page.getByTestId('bulk-count').textContent()).toBe('2 cases selected');
    await page.getByTestId('bulk-assign').click();
    await choose(page, 'bulk-assignee', 'Oliver Bennett');
    await page.getByTestId('bulk-submit').click();
    await page.getByTestId('bulk-results').waitFor();
    expect(await page.getByTestId('bulk-summary').textContent()).toBe('All 2 cases were changed.');
    expect(
      await page
        .getByTestId('bulk-result')
        .evaluateAll((items) => items.map((item) => item.getAttribute('data-outcome'))),
    ).toEqual(['ok', 'ok']);
    await page.getByTestId('bulk-done').click();
    await expect
      .poll(() => page.getByTestId('case-row-assignee').allTextContents(), settled)
      .toEqual(['Oliver Bennett', 'Oliver Bennett']);
    expect(await page.getByTestId('bulk-bar').count()).toBe(0);
    for (const kase of [first, second]) {
      const stored = await apiGet<{ assignee: { displayName: string } | null }>(
        page,
        `/api/cases/${kase.reference}`,
      );
      expect(stored.assignee?.displayName).toBe('Oliver Bennett');
    }

    // Closing both: the new one closes, the open one is refused with where it can go; it stays selected.
    await page.getByTestId('cases-select-page').click();
    await page.getByTestId('bulk-status').click();
    await choose(page, 'bulk-status-select', 'Closed');
    await page.getByTestId('bulk-submit').click();
    await page.getByTestId('bulk-results').waitFor();
    expect(await page.getByTestId('bulk-summary').textContent()).toBe('1 of 2 cases was not changed:');
    const refused = page.locator(
      `[data-testid="bulk-result"][data-case-reference="${second.reference}"][data-outcome="forbidden"]`,
    );
    expect(await refused.textContent()).toContain('Possible: Pending customer');
    await page
      .locator(`[data-testid="bulk-result"][data-case-reference="${first.reference}"][data-outcome="ok"]`)
      .waitFor();
    await page.getByTestId('bulk-done').click();
    // The closed case leaves the open-only queue.
    await expect.poll(() => references(page), settled).toEqual([second.reference]);
    expect(await page.getByTestId('bulk-count').textContent()).toBe('1 case selected');
  });

  it('searches by a word and opens a case by its number', async () => {
    // A word from the header's box lists the matching cases, the word marked in the snippet.
    await page.getByTestId('header-search').fill(word);
    await page.getByTestId('header-search').press('Enter');
    await page.getByTestId('page-title').filter({ hasText: 'Search' }).waitFor();
    expect(new URL(page.url()).searchParams.get('q')).toBe(word);
    await expect
      .poll(
        () =>
          page
            .getByTestId('search-result')
            .evaluateAll((items) => items.map((item) => item.getAttribute('data-case-reference')).sort()),
        settled,
      )
      .toEqual([first.reference, second.reference].sort());
    expect(
      await page.getByTestId('search-result-snippet').first().locator('mark').first().textContent(),
    ).toBe(word);

    // Arrow keys move the highlight; Enter opens the highlighted result.
    const input = page.getByTestId('search-input');
    await input.press('ArrowDown');
    const highlighted = await page
      .locator('[data-testid="search-result"][data-active="true"]')
      .getAttribute('data-case-reference');
    expect(highlighted).toBe(
      await page.getByTestId('search-result').nth(1).getAttribute('data-case-reference'),
    );
    await input.press('Enter');
    await expect.poll(() => page.url(), settled).toContain(`/cases/${highlighted}`);

    // Words nothing matches say so.
    await page.goto(`${e2e.baseUrl}/search?q=qzxwv${word}`);
    await page.getByTestId('search-empty').waitFor();

    // A case number goes straight to the case.
    await page.getByTestId('header-search').fill(first.reference);
    await page.getByTestId('header-search').press('Enter');
    await expect.poll(() => page.url(), settled).toContain(`/cases/${first.reference}`);
    await page.getByTestId('page-title').filter({ hasText: first.subject }).waitFor();

    expect(problems).toEqual([]);
  });
  it("starts a shift on the dashboard: the agent's own and team counts, each opening its queue", async () => {
    const agent = await e2e.openSession();
    await e2e.logIn(agent.page, 'l3.agent@paydesk.test');
    await switchToEnglish(agent.page);
    const counts = await apiGet<{ open: number; atRisk: number; breached: number }>(
      agent.page,
      '/api/cases/counts?view=mine',
    );
    await agent.page.getByTestId('nav-dashboard').click();
    await agent.page.getByTestId('work-mine-open').waitFor();
    expect(await agent.page.getByTestId('work-mine-open').textContent()).toContain(String(counts.open));
    expect(await agent.page.getByTestId('work-mine-breached').getAttribute('data-count')).toBe(
      String(counts.breached),
    );

    // The breached figure opens the agent's queue filtered to it: as many rows as it said.
    await agent.page.getByTestId('work-mine-breached').click();
    await expect.poll(() => new URL(agent.page.url()).search, settled).toBe('?view=mine&sla=breached');
    await expect.poll(() => agent.page.getByTestId('case-row').count(), settled).toBe(counts.breached);
    expect(agent.problems).toEqual([]);
    await agent.context.close();
  });
});
