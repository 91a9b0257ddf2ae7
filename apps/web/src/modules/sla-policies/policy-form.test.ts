import { describe, expect, it } from 'vitest';
import { ApiError } from '../../app/http/api-error.ts';
import { emptySlaPolicy, errorAt, policyErrorsOf } from './policy-form.ts';

function failure(errors: Array<{ path: string; message: string }>) {
  return new ApiError(
    400,
    'VALIDATION_FAILED',
    { type: 'about:blank', title: 'Bad', status: 400, code: 'VALIDATION_FAILED', errors },
    'Bad',
  );
}

describe('policyErrorsOf', () => {
  it('keeps the problems inside the policy, with paths relative to it', () => {
    const error = failure([
      { path: 'body/terms/sla/policies/1/warningThresholds/1', message: 'must ascend' },
      { path: 'body/terms/sla/policies/10/name', message: 'another policy' },
      { path: 'body/terms/startDate', message: 'not a date' },
      { path: 'body/terms/sla/policies/1', message: 'whole policy' },
    ]);
    expect(policyErrorsOf(error, 'body/terms/sla/policies/1')).toEqual([
      { path: '/warningThresholds/1', message: 'must ascend' },
      { path: '', message: 'whole policy' },
    ]);
  });

  it('has nothing to say about an error that is not an API problem', () => {
    expect(policyErrorsOf(new Error('boom'), 'body/policy')).toEqual([]);
    expect(policyErrorsOf(null, 'body/policy')).toEqual([]);
  });
});

describe('errorAt', () => {
  it('gathers the messages at a path and below it, once each', () => {
    const errors = [
      { path: '/targets/P1/resolution', message: 'too long' },
      { path: '/targets/P1/resolution', message: 'too long' },
      { path: '/targets/P2/resolution', message: 'too short' },
    ];
    expect(errorAt(errors, '/targets/P1/resolution')).toBe('too long');
    expect(errorAt(errors, '/targets')).toBe('too long; too short');
    expect(errorAt(errors, '/name')).toBeUndefined();
    expect(errorAt(undefined, '/name')).toBeUndefined();
  });
});

describe('emptySlaPolicy', () => {
  it('covers every case and measures nothing, in a fresh object each time', () => {
    const policy = emptySlaPolicy('Standard');
    expect(policy.targets.P3).toEqual({
      firstResponse: null,
      nextResponse: null,
      resolution: null,
      periodicUpdate: null,
    });
    expect(policy.conditions).toEqual({ services: [], caseTypes: [], channels: [] });
    policy.targets.P1.resolution = 60;
    expect(emptySlaPolicy().targets.P1.resolution).toBeNull();
  });
});
