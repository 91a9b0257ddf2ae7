import type { ImpactLevel, Priority } from '@paydesk/shared';

/**
 * The server's impact × urgency matrix (cases module, `case-rules.ts`), mirrored so the new-case form
 * shows the priority a case will get before it is sent. Rows are impact, columns urgency.
 */
const priorityMatrix: Record<ImpactLevel, Record<ImpactLevel, Priority>> = {
  high: { high: 'P1', medium: 'P2', low: 'P3' },
  medium: { high: 'P2', medium: 'P3', low: 'P4' },
  low: { high: 'P3', medium: 'P4', low: 'P4' },
};

export function priorityFor(impact: ImpactLevel, urgency: ImpactLevel): Priority {
  return priorityMatrix[impact][urgency];
}

export const priorityColors: Record<Priority, string> = {
  P1: 'red',
  P2: 'orange',
  P3: 'yellow',
  P4: 'gray',
};
