import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { serviceCredit, uptimePercent, type AvailabilityTarget } from './index.ts';

/**
 * Conformance with the published service-credit vectors in `../shared` (beside the repository),
 * skipped when that directory is absent. The tables' numbers become the terms' decimal strings; the
 * tables have no monthly cap, so the cap is 100 %.
 */
const repositoryRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../../..');
const vectorsFile = path.resolve(repositoryRoot, '../shared/vectors/service-credits.json');
const hasVectors = fs.existsSync(vectorsFile);

interface Table {
  commitment: number;
  bands: Array<{ min_inclusive: number | null; max_exclusive: number; credit_pct: number }>;
}
interface Vectors {
  tables: Record<string, Table>;
  band_vectors: Array<{ table: string; uptime_pct: number; expected_credit_pct: number }>;
  downtime_to_credit_vectors: Array<{
    days_in_month: number;
    downtime_minutes: number;
    uptime_pct: number;
    credit_aws_region: number;
    credit_aws_instance: number;
  }>;
}
const vectors: Vectors = hasVectors
  ? JSON.parse(fs.readFileSync(vectorsFile, 'utf8'))
  : { tables: {}, band_vectors: [], downtime_to_credit_vectors: [] };

/** A JSON number as the decimal string it was written as (the vectors use at most 6 decimals). */
const decimal = (value: number) => String(value);

function availabilityOf(name: string): AvailabilityTarget {
  const table = vectors.tables[name];
  if (!table) throw new Error(`the vectors name table "${name}", which they do not define`);
  return {
    service: name.replace(/[^a-z0-9]/g, '_'),
    targetPercent: decimal(table.commitment),
    creditBands: table.bands.map((band) => ({
      minPercent: band.min_inclusive === null ? null : decimal(band.min_inclusive),
      maxPercent: decimal(band.max_exclusive),
      creditPercent: decimal(band.credit_pct),
    })),
    monthlyCapPercent: '100',
  };
}

const fee = 1_000_000n;

describe.skipIf(!hasVectors)('service-credit vectors (../shared/vectors/service-credits.json)', () => {
  it('are there', () => {
    expect(vectors.band_vectors.length).toBeGreaterThan(0);
    expect(vectors.downtime_to_credit_vectors.length).toBeGreaterThan(0);
  });

  it.each(vectors.band_vectors.map((v) => [v.table, v.uptime_pct, v.expected_credit_pct] as const))(
    '%s at %s %% uptime credits %s %%',
    (table, uptime, expected) => {
      const credit = serviceCredit(availabilityOf(table), decimal(uptime), fee);
      expect(Number(credit.creditPercent)).toBe(expected);
      expect(credit.creditMinor).toBe((fee * BigInt(expected)) / 100n);
      expect(credit.capped).toBe(false);
    },
  );

  it.each(
    vectors.downtime_to_credit_vectors.map(
      (v) =>
        [
          v.days_in_month,
          v.downtime_minutes,
          v.uptime_pct,
          v.credit_aws_region,
          v.credit_aws_instance,
        ] as const,
    ),
  )(
    '%s days with %s minutes down: %s %% uptime, credits %s %% (region) and %s %% (instance)',
    (days, down, uptime, region, instance) => {
      const measured = uptimePercent(days * 1440, down);
      expect(Number(measured)).toBe(uptime);
      expect(Number(serviceCredit(availabilityOf('aws-ec2-region-level'), measured, fee).creditPercent)).toBe(
        region,
      );
      expect(
        Number(serviceCredit(availabilityOf('aws-ec2-instance-level'), measured, fee).creditPercent),
      ).toBe(instance);
    },
  );
});
