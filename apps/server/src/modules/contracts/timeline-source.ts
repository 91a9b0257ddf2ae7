import type { TimelineEntry, TimelineSource } from '../governance/index.ts';
import * as repo from './contracts.repository.ts';

/**
 * The contracts' part of an account's governance timeline: each version on its effective date, and
 * when a contract came into force and ended. Drafts are not history yet (and are never shown to a
 * customer), so they are left out.
 */
export const contractsTimelineSource: TimelineSource = async (executor, accountId) => {
  const entries: TimelineEntry[] = [];
  const seen = new Set<string>();
  for (const row of await repo.listVersionHistory(executor, accountId)) {
    const entity = { type: 'contract', id: row.id };
    entries.push({
      at: row.effectiveFrom,
      kind: `contract.${row.kind}`,
      title: `${row.reference}: ${row.title}`,
      entity,
      summary: row.summary || `Version ${row.version}, effective from ${row.effectiveFrom}`,
    });
    if (seen.has(row.id)) continue;
    seen.add(row.id);
    if (row.activatedAt)
      entries.push({
        at: row.activatedAt.toISOString(),
        kind: 'contract.activated',
        title: row.reference,
        entity,
        summary: row.title,
      });
    if (row.endedAt)
      entries.push({
        at: row.endedAt.toISOString(),
        kind: `contract.${row.status}`,
        title: row.reference,
        entity,
        summary: row.endReason ?? '',
      });
  }
  return entries;
};
