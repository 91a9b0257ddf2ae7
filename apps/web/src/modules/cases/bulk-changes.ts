import type { CaseStatus, Priority } from '@paydesk/shared';
import type { BulkChanges, BulkResult } from './api/cases-types.ts';

export const bulkActions = ['assign', 'status', 'priority', 'tag'] as const;
export type BulkAction = (typeof bulkActions)[number];

/** What the bulk dialog holds; only the part of the chosen action is sent. */
export interface BulkForm {
  /** null: leave the cases unassigned. */
  assigneeId: string | null;
  status: CaseStatus | null;
  priority: Priority | null;
  reason: string;
  tags: string[];
}

export const emptyBulkForm: BulkForm = {
  assigneeId: null,
  status: null,
  priority: null,
  reason: '',
  tags: [],
};

/** The form field to fill in before the change can be sent. */
export type BulkFormProblem = 'status' | 'priority' | 'reason' | 'tags';

/**
 * The `changes` of POST /api/cases/bulk for one action. A priority set by hand on many cases needs the
 * reason the timeline of each keeps, as on one case; tags are trimmed and each added once.
 */
export function bulkChangesFor(
  action: BulkAction,
  form: BulkForm,
): { changes: BulkChanges } | { problem: BulkFormProblem } {
  switch (action) {
    case 'assign':
      return { changes: { assigneeId: form.assigneeId } };
    case 'status':
      return form.status ? { changes: { status: form.status } } : { problem: 'status' };
    case 'priority': {
      if (!form.priority) return { problem: 'priority' };
      const reason = form.reason.trim();
      return reason
        ? { changes: { priority: form.priority, priorityReason: reason } }
        : { problem: 'reason' };
    }
    case 'tag': {
      const tags = [...new Set(form.tags.map((tag) => tag.trim()).filter(Boolean))];
      return tags.length ? { changes: { addTags: tags } } : { problem: 'tags' };
    }
  }
}

/** The cases a bulk change did not change, to keep them selected for another try. */
export function unchangedCaseIds(result: BulkResult): string[] {
  return result.items.filter((item) => item.outcome !== 'ok').map((item) => item.caseId);
}
