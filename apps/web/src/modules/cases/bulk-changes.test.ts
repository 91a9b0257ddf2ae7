import { describe, expect, it } from 'vitest';
import { bulkChangesFor, emptyBulkForm, unchangedCaseIds } from './bulk-changes.ts';

const userId = '0b7e8f52-5f8a-4a43-9c1e-3d2b1a0f9e77';

describe('bulkChangesFor', () => {
  it('sends only the chosen change', () => {
    const form = { ...emptyBulkForm, assigneeId: userId, status: 'open' as const, tags: ['x'] };
    expect(bulkChangesFor('assign', form)).toEqual({ changes: { assigneeId: userId } });
    expect(bulkChangesFor('status', form)).toEqual({ changes: { status: 'open' } });
  });

  it('unassigns when nobody is chosen', () => {
    expect(bulkChangesFor('assign', emptyBulkForm)).toEqual({ changes: { assigneeId: null } });
  });

  it('needs a status to set a status', () => {
    expect(bulkChangesFor('status', emptyBulkForm)).toEqual({ problem: 'status' });
  });

  it('needs a priority and the reason for it, trimmed', () => {
    expect(bulkChangesFor('priority', emptyBulkForm)).toEqual({ problem: 'priority' });
    expect(bulkChangesFor('priority', { ...emptyBulkForm, priority: 'P1', reason: '   ' })).toEqual({
      problem: 'reason',
    });
    expect(
      bulkChangesFor('priority', { ...emptyBulkForm, priority: 'P1', reason: ' Regulator deadline ' }),
    ).toEqual({
      changes: { priority: 'P1', priorityReason: 'Regulator deadline' },
    });
  });

  it('adds each tag once, trimmed, and needs at least one', () => {
    expect(bulkChangesFor('tag', { ...emptyBulkForm, tags: [' bacs ', 'bacs', '  ', 'sun'] })).toEqual({
      changes: { addTags: ['bacs', 'sun'] },
    });
    expect(bulkChangesFor('tag', { ...emptyBulkForm, tags: ['  '] })).toEqual({ problem: 'tags' });
  });
});

describe('unchangedCaseIds', () => {
  it('keeps every case that was not changed, in order', () => {
    const item = (caseId: string, outcome: 'ok' | 'conflict' | 'forbidden' | 'not_found') => ({
      caseId,
      reference: null,
      outcome,
    });
    expect(
      unchangedCaseIds({
        items: [
          item('a', 'ok'),
          item('b', 'conflict'),
          item('c', 'ok'),
          item('d', 'forbidden'),
          item('e', 'not_found'),
        ],
        summary: { ok: 2, conflict: 1, forbidden: 1, not_found: 1 },
      }),
    ).toEqual(['b', 'd', 'e']);
  });
});
