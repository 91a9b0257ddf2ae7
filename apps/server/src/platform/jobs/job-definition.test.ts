import { describe, expect, it } from 'vitest';
import { defineJob } from './job-definition.ts';

const handle = async () => {};

describe('defineJob', () => {
  it('fills in the default retry and expiry options', () => {
    const job = defineJob('sla-breach-check', handle, { retryLimit: 0 });

    expect(job.name).toBe('sla-breach-check');
    expect(job.options).toEqual({
      retryLimit: 0,
      retryDelaySeconds: 5,
      retryBackoff: true,
      expireInSeconds: 300,
    });
  });

  it.each(['SlaBreachCheck', 'sla_breach_check', 'sla--check', '-sla', 'sla-', '1sla', ''])(
    'refuses the name %j, which is not kebab-case',
    (name) => {
      expect(() => defineJob(name, handle)).toThrow('kebab-case');
    },
  );

  it.each([
    [{ retryLimit: -1 }, 'retryLimit'],
    [{ retryDelaySeconds: 1.5 }, 'retryDelaySeconds'],
    [{ expireInSeconds: 0 }, 'expireInSeconds'],
    [{ expireInSeconds: 24 * 60 * 60 + 1 }, 'expireInSeconds'],
  ])('refuses the options %j', (options, option) => {
    expect(() => defineJob('bad-options', handle, options)).toThrow(option);
  });
});
