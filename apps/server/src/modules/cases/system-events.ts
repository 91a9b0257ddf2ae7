import type { Tx } from '../../platform/db/index.ts';
import * as repo from './cases.repository.ts';

/**
 * Appends an event the system records on its own, outside a user's change (the SLA engine's
 * warnings and breaches): no actor, no field change, so no version bump and no listeners. The
 * caller holds the case's row lock, as for every append.
 */
export function appendSystemEvent(
  tx: Tx,
  key: { accountId: string; caseId: string },
  event: { type: string; at: Date; data: Record<string, unknown> },
): Promise<void> {
  return repo.appendEvents(tx, key, [{ ...event, actorId: null }]);
}
