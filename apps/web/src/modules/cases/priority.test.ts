import { impactLevels } from '@paydesk/shared';
import { describe, expect, it } from 'vitest';
import { priorityFor } from './priority.ts';

describe('priorityFor', () => {
  it('gives P1 only to high impact that cannot wait, and P4 to the low corner', () => {
    expect(priorityFor('high', 'high')).toBe('P1');
    expect(priorityFor('low', 'low')).toBe('P4');
  });

  it('is the ITIL matrix: one step down per level of impact or urgency, floored at P4', () => {
    const table = impactLevels.map((impact) =>
      impactLevels.map((urgency) => priorityFor(impact, urgency)).join(' '),
    );
    expect(table).toEqual(['P1 P2 P3', 'P2 P3 P4', 'P3 P4 P4']);
  });

  it('treats impact and urgency alike', () => {
    for (const a of impactLevels)
      for (const b of impactLevels) expect(priorityFor(a, b)).toBe(priorityFor(b, a));
  });
});
