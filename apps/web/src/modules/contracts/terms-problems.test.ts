import { describe, expect, it } from 'vitest';
import { problemsWithin, unplacedProblems } from './terms-problems.ts';

const problems = [
  { path: 'body/terms/sla/policies/0/warningThresholds/1', message: 'ascending' },
  { path: 'body/terms/sla/policies/1/name', message: 'duplicate' },
  { path: 'body/effectiveFrom', message: 'too early' },
  { path: 'body/terms/slaX', message: 'odd' },
  { path: 'body', message: 'whole body' },
];

describe('terms problems', () => {
  it('gives the problems inside a part of the request, relative to it', () => {
    expect(problemsWithin(problems, 'body/terms/sla/policies/0')).toEqual([
      { path: '/warningThresholds/1', message: 'ascending' },
    ]);
    expect(problemsWithin(problems, 'body/effectiveFrom')).toEqual([{ path: '', message: 'too early' }]);
  });

  it('lists the problems no field shows, a path merely starting alike included', () => {
    expect(unplacedProblems(problems).map((problem) => problem.message)).toEqual(['odd', 'whole body']);
  });
});
