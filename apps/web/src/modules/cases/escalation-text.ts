import type { TFunction } from 'i18next';
import type { Escalation } from './api/cases-types.ts';

/** Where an escalation sent the case, in a line: the tier step, the team, the vendor, the manager. */
export function escalationTarget(t: TFunction, escalation: Escalation): string {
  if (escalation.vendor)
    return t('cases.escalations.toVendor', {
      vendor: escalation.vendor.name,
      reference: escalation.externalReference ?? '',
    });
  if (escalation.kind === 'hierarchical')
    return escalation.manager
      ? t('cases.escalations.toManager', { name: escalation.manager.displayName })
      : t('cases.escalations.toLeads');
  const team = escalation.toTeam ? t('cases.escalations.toTeam', { team: escalation.toTeam.name }) : '';
  if (escalation.kind === 'tier') {
    const step = t('cases.escalations.tier', { from: escalation.fromTier, to: escalation.toTier });
    return team ? `${step}, ${team}` : step;
  }
  return team;
}
