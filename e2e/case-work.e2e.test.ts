import { readFile } from 'node:fs/promises';
import type { BrowserContext, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { caseStatus as status, settled, switchToEnglish, usePaydeskBrowser } from './support/session.ts';

// Browser-side expressions are passed as strings: this project compiles without the DOM library.

const e2e = usePaydeskBrowser();

interface CreatedCase {
  id: string;
  reference: string;
}

/** Picks an option of a Mantine select by its visible label. */
async function choose(page: Page, testId: string, option: string): Promise<void> {
  await page.getByTestId(testId).click();
  await page.getByRole('option', { name: option, exact: true }).click();
}

/** Opens cases through the API as the signed-in agent: the browser part is what is tested. */
async function openCases(page: Page, context: BrowserContext, subjects: string[]): Promise<CreatedCase[]> {
  const csrf = (await context.cookies()).find((cookie) => cookie.name === 'pd_csrf')?.value ?? '';
  const get = async <T>(path: string) =>
    (await (await page.request.get(`${e2e.baseUrl}${path}`)).json()) as T;
  const account = (await get<{ items: Array<{ id: string }> }>('/api/accounts?search=Northbank')).items[0]!;
  const team = (await get<{ items: Array<{ id: string; name: string }> }>('/api/teams')).items.find(
    (candidate) => candidate.name === 'L3 London',
  )!;
  const created: CreatedCase[] = [];
  for (const subject of subjects) {
    const response = await page.request.post(`${e2e.baseUrl}/api/cases`, {
      data: {
        accountId: account.id,
        subject,
        description: `${subject}: reported by phone this morning.`,
        type: 'incident',
        impact: 'medium',
        urgency: 'high',
        teamId: team.id,
      },
      headers: { 'x-csrf-token': csrf },
    });
    expect(response.status(), await response.text()).toBe(201);
    created.push((await response.json()) as CreatedCase);
  }
  return created;
}

describe('working a case', () => {
  it('attaches, links, assigns, escalates to a vendor and merges', async () => {
    const { context, page, problems } = await e2e.openSession();
    // Oliver Bennett, an L3 agent: he cannot read the staff directory, yet assigns to a colleague.
    await e2e.logIn(page, 'l3.agent@paydesk.test');
    await switchToEnglish(page);
    const stamp = Date.now();
    const [main, duplicate] = await openCases(page, context, [
      `Card authorisations timing out ${stamp}`,
      `Authorisations failing at the acquirer ${stamp}`,
    ]);
    await page.goto(`${e2e.baseUrl}/cases/${main!.reference}`);
    await page.getByTestId('case-messages').waitFor();

    // A reply with a log file attached: the file is listed under the reply.
    const log = Buffer.from(
      '09:10:02 AUTH timeout acquirer=ACQ1 rc=91\n09:10:05 AUTH timeout acquirer=ACQ1 rc=91\n',
    );
    await page.getByTestId('case-reply-body').fill('Gateway log from this morning attached.');
    await page.getByTestId('case-reply-file-input').setInputFiles({
      name: 'gateway-timeouts.txt',
      mimeType: 'text/plain',
      buffer: log,
    });
    expect(await page.getByTestId('case-reply-file').textContent()).toContain('gateway-timeouts.txt');
    await page.getByTestId('case-reply-send').click();
    const attached = page.getByTestId('case-message-file').filter({ hasText: 'gateway-timeouts.txt' });
    await attached.waitFor();
    expect(await page.getByTestId('case-reply-file').count()).toBe(0);

    // A file whose bytes are not what its type says is refused, and the person is told why.
    await page.getByTestId('case-reply-body').fill('And a screenshot.');
    await page.getByTestId('case-reply-file-input').setInputFiles({
      name: 'screenshot.png',
      mimeType: 'image/png',
      buffer: Buffer.from('not really a picture'),
    });
    await page.getByTestId('case-note-send').click();
    const refused = page.getByTestId('case-reply-file-error');
    await refused.waitFor();
    expect(await refused.textContent()).toContain(
      'screenshot.png was not attached: This file type is not accepted',
    );

    // The attachments tab lists the file with its size, type and who attached it, and downloads it.
    await page.getByTestId('case-tab-attachments').click();
    const row = page.locator('[data-testid="case-attachment-row"][data-file-name="gateway-timeouts.txt"]');
    await row.waitFor();
    const rowText = (await row.textContent()) ?? '';
    expect(rowText).toContain(`${log.length} bytes`);
    expect(rowText).toContain('text/plain');
    expect(rowText).toContain('Oliver Bennett');
    expect(await page.getByTestId('case-attachment-row').count()).toBe(1);
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      row.getByTestId('case-attachment-download').click(),
    ]);
    expect(download.suggestedFilename()).toBe('gateway-timeouts.txt');
    expect(await readFile(await download.path())).toEqual(log);
    await page.getByTestId('case-tab-conversation').click();

    // Link the other case as related: listed under its kind with its status.
    await page.getByTestId('case-link-reference').fill(duplicate!.reference);
    await page.getByTestId('case-link-add').click();
    const link = page.locator(
      `[data-testid="case-link-group"][data-kind="related"] [data-testid="case-link"][data-case-reference="${duplicate!.reference}"]`,
    );
    await link.waitFor();
    expect(await link.getByTestId('case-link-status').textContent()).toBe('New');
    // A case that does not exist is refused readably. The form clears its input once the add has
    // settled, which can be just after the new link shows: typing before that would be wiped.
    await expect.poll(() => page.getByTestId('case-link-reference').inputValue(), settled).toBe('');
    await page.getByTestId('case-link-reference').fill('PD-999999');
    await page.getByTestId('case-link-add').click();
    await page.getByTestId('case-link-add-error').filter({ hasText: 'This case does not exist' }).waitFor();

    // Assign to a colleague of the case's team (its lead, offered first).
    await choose(page, 'case-assignee-select', 'Amelia Hughes · lead');
    await expect.poll(() => page.getByTestId('case-assignee').textContent(), settled).toBe('Amelia Hughes');

    // Escalate to a vendor with their ticket number: the case waits on them, and the history says so.
    await page.getByTestId('case-escalate-open').click();
    await page.getByTestId('case-escalate-to-vendor').click();
    await page.getByTestId('case-escalate-submit').click();
    expect(await page.getByTestId('case-escalate-form').textContent()).toContain('Required');
    await choose(page, 'case-escalate-vendor', 'Visa');
    await page.getByTestId('case-escalate-reference').fill('VISA-20931');
    await page.getByTestId('case-escalate-reason').fill('Timeouts are at the scheme: rc=91 from Visa.');
    await page.getByTestId('case-escalate-submit').click();
    await expect.poll(() => status(page), settled).toBe('pending_vendor');
    const escalation = page.locator('[data-testid="case-escalation"][data-kind="functional"]');
    await escalation.waitFor();
    expect(await escalation.getByTestId('case-escalation-target').textContent()).toBe(
      'to Visa, their reference VISA-20931',
    );
    await page.getByTestId('case-tab-timeline').click();
    await page.locator('[data-testid="case-event"][data-type="escalated"]').waitFor();
    const timeline = (await page.getByTestId('case-timeline').textContent()) ?? '';
    expect(timeline).toContain('Escalated to Visa, their reference VISA-20931: Timeouts are at the scheme');
    expect(timeline).toContain('File attached: gateway-timeouts.txt');
    expect(timeline).toContain(`Linked to ${duplicate!.reference} (Related)`);
    expect(timeline).toContain('Assigned to Amelia Hughes');

    // Merge the other case into this one: told what happens first; then it is closed as a duplicate.
    await page.goto(`${e2e.baseUrl}/cases/${duplicate!.reference}`);
    await page.getByTestId('case-merge-open').click();
    await page.getByTestId('case-merge-into').fill(main!.reference);
    expect(await page.getByTestId('case-merge-consequences').textContent()).toContain(
      `${duplicate!.reference} is closed as a duplicate of ${main!.reference}`,
    );
    await page.getByTestId('case-merge-submit').click();
    await expect.poll(() => status(page), settled).toBe('closed');
    const survivor = page.getByTestId('case-merged-into');
    await survivor.waitFor();
    expect(await survivor.getAttribute('data-case-reference')).toBe(main!.reference);
    await survivor.click();
    await page.getByTestId('case-reference').filter({ hasText: main!.reference }).waitFor();
    const moved = page.getByTestId('case-message-moved');
    await moved.waitFor();
    expect(await moved.textContent()).toBe(`Moved from ${duplicate!.reference} by a merge`);
    await page
      .locator(
        `[data-testid="case-link-group"][data-kind="merged_from"] [data-testid="case-link"][data-case-reference="${duplicate!.reference}"]`,
      )
      .waitFor();

    expect(problems).toEqual([]);
    await context.close();
  });
  it('answers with a macro: the reply in the case’s language, named for its contact, and the fields it sets', async () => {
    const { context, page, problems } = await e2e.openSession();
    // Lucía Hernández, L1: the demo's macros for everyone, and her team's hand-over note.
    await e2e.logIn(page, 'l1.agent@paydesk.test');
    await switchToEnglish(page);
    const csrf = (await context.cookies()).find((cookie) => cookie.name === 'pd_csrf')?.value ?? '';
    const get = async <T>(path: string) =>
      (await (await page.request.get(`${e2e.baseUrl}${path}`)).json()) as T;
    const account = (await get<{ items: Array<{ id: string }> }>('/api/accounts?search=PagoR')).items[0]!;
    const contact = (
      await get<{ items: Array<{ id: string; email: string }> }>(`/api/accounts/${account.id}/contacts`)
    ).items.find((candidate) => candidate.email === 'mariana.lopez@pagorapido.test')!;
    const created = await page.request.post(`${e2e.baseUrl}/api/cases`, {
      data: {
        accountId: account.id,
        contactId: contact.id,
        language: 'es-MX',
        subject: `Pagos rechazados en el corte de las 18:00 ${Date.now()}`,
        description: 'Varios pagos de servicios fueron rechazados en el corte de las 18:00.',
        type: 'payment_investigation',
        impact: 'medium',
        urgency: 'medium',
      },
      headers: { 'x-csrf-token': csrf },
    });
    expect(created.status(), await created.text()).toBe(201);
    const { reference } = (await created.json()) as CreatedCase;
    await page.goto(`${e2e.baseUrl}/cases/${reference}`);
    await page.getByTestId('case-messages').waitFor();
    expect(await status(page)).toBe('new');

    // Find it, read exactly what would be posted (Spanish, the contact and the case named), then apply.
    await page.getByTestId('macro-search').fill('Acknowledge');
    await page.getByTestId('macro-option').filter({ hasText: 'Acknowledge and take the case' }).click();
    const preview = page.getByTestId('macro-preview-body');
    await preview.waitFor();
    expect(await preview.textContent()).toContain(`Hola Mariana López`);
    expect(await preview.textContent()).toContain(reference);
    expect(await page.getByTestId('macro-missing').count()).toBe(0);
    expect(await page.getByTestId('macro-changes').textContent()).toContain('Open');
    await page.getByTestId('macro-apply').click();

    // The reply is posted as Lucía's and the fields are set: opened, and hers.
    await expect.poll(() => page.getByTestId('case-message').count(), settled).toBe(2);
    expect(await page.getByTestId('case-message-body').last().textContent()).toContain(
      `Tomé el caso ${reference}`,
    );
    await expect.poll(() => status(page), settled).toBe('open');
    await expect
      .poll(() => page.getByTestId('case-assignee').textContent(), settled)
      .toContain('Lucía Hernández');

    expect(problems).toEqual([]);
    await context.close();
  });
  it('writes, changes and deletes a macro, and refuses a variable it does not know', async () => {
    const { context, page, problems } = await e2e.openSession();
    await e2e.logIn(page, 'l1.agent@paydesk.test');
    await switchToEnglish(page);
    const name = `Settlement file resent ${Date.now()}`;

    // From the queue to the macros: the demo's, with where each is shared and what it sets.
    await page.getByTestId('nav-cases').click();
    await page.getByTestId('cases-macros').click();
    await page.getByTestId('page-title').filter({ hasText: 'Macros' }).waitFor();
    const row = (macro: string) => page.locator(`[data-testid="macro-row"][data-macro-name="${macro}"]`);
    await row('Acknowledge and take the case').waitFor();
    expect(await row('Hand over to L2').textContent()).toContain('Team: L1 Mexico City');
    // Everyone's macros are the administrators' to change.
    expect(await row('Acknowledge and take the case').getByTestId('macro-edit').count()).toBe(0);

    // A typo in a variable is named where it was typed, and nothing is saved.
    await page.getByTestId('macro-new').click();
    await page.getByTestId('macro-form-name').fill(name);
    await page
      .getByTestId('macro-form-body')
      .fill('Hello {{contact.nmae}}, the settlement file was sent again.');
    await page.getByTestId('macro-form-submit').click();
    await page.getByText('Not a variable: {{contact.nmae}}').waitFor();
    expect(await page.getByTestId('macro-form').count()).toBe(1);
    expect(await row(name).count()).toBe(0);

    // Corrected, in two languages, waiting on the customer and tagged: saved and listed.
    await page
      .getByTestId('macro-form-body')
      .fill('Hello {{contact.name}}, the settlement file was sent again.');
    await page.getByTestId('macro-form-language-es-MX').click();
    await page
      .getByTestId('macro-form-body')
      .fill('Hola {{contact.name}}, reenviamos el archivo de liquidación.');
    await page.getByTestId('macro-form-status').click();
    await page.getByRole('option', { name: 'Pending customer', exact: true }).click();
    await page.getByTestId('macro-form-tags').fill('resent');
    await page.keyboard.press('Enter');
    await page.getByTestId('macro-form-submit').click();
    await row(name).waitFor();
    expect(await row(name).textContent()).toContain('Only me');
    expect(await row(name).getByTestId('macro-row-actions').textContent()).toBe(
      'Status to Pending customer · Adds tags: resent',
    );

    // Changed: it now also takes the case; the Spanish text is kept.
    await row(name).getByTestId('macro-edit').click();
    expect(await page.getByTestId('macro-form-body').inputValue()).toContain('{{contact.name}}');
    await page.getByTestId('macro-form-takes-case').check();
    await page.getByTestId('macro-form-submit').click();
    await expect
      .poll(() => row(name).getByTestId('macro-row-actions').textContent(), settled)
      .toBe('Status to Pending customer · Assigns it to whoever applies it · Adds tags: resent');
    expect(await row(name).textContent()).toContain('es-MX');

    // Deleted, after a confirmation.
    await row(name).getByTestId('macro-delete').click();
    await page.getByTestId('macro-delete-confirm').click();
    await expect.poll(() => row(name).count(), settled).toBe(0);

    expect(problems).toEqual([]);
    await context.close();
  });
});
