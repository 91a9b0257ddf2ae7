import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { PGlite } from '@electric-sql/pglite';
import { afterAll, describe, expect, it } from 'vitest';

/** `paydesk sla …` in child processes, as a user runs it. */
const bin = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../bin/paydesk.js');
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'paydesk-sla-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

function writeFile(name: string, content: string): string {
  const file = path.join(dir, name);
  fs.writeFileSync(file, content);
  return file;
}

const weekday = [['09:00', '17:00']];
const newYork = writeFile(
  'new-york.json',
  JSON.stringify({
    timeZone: 'America/New_York',
    week: { mon: weekday, tue: weekday, wed: weekday, thu: weekday, fri: weekday, sat: [], sun: [] },
    holidays: ['2024-05-27', { date: '2024-12-24', from: '13:00', to: '24:00' }],
  }),
);

/**
 * The environment carries a broken configuration and an unwritable data directory: the preview
 * commands must not read either, because they never open a database.
 */
function paydesk(args: string[]) {
  const result = spawnSync(process.execPath, [bin, ...args], {
    env: {
      PATH: process.env.PATH,
      LOG_LEVEL: 'loud',
      DATABASE_URL: 'mysql://nowhere',
      PAYDESK_DATA_DIR: path.join(dir, 'no-such-dir', 'data'),
    },
    encoding: 'utf8',
    timeout: 60_000,
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe('paydesk sla', { timeout: 60_000 }, () => {
  it('due: prints the due instant with the zone offset, skipping the holiday, without touching a database', () => {
    const result = paydesk([
      'sla',
      'due',
      '--calendar',
      newYork,
      '--from',
      '2024-05-24T20:00:00Z',
      '--target',
      '8h',
    ]);
    expect(result).toEqual({ code: 0, stdout: '2024-05-28T16:00:00-04:00\n', stderr: '' });
    expect(fs.existsSync(path.join(dir, 'no-such-dir'))).toBe(false);
  });

  it('due --json with pauses and an ISO 8601 target', () => {
    const result = paydesk([
      'sla',
      'due',
      '--calendar',
      newYork,
      '--from',
      '2024-05-24T16:00:00-04:00',
      '--target',
      'PT8H',
      '--pause',
      '2024-05-28T10:00:00-04:00/2024-05-28T11:30:00-04:00',
      '--pause',
      '2024-05-28T11:00:00-04:00/2024-05-28T12:00:00-04:00',
      '--json',
    ]);
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout)).toEqual({ due: '2024-05-29T10:00:00-04:00' });
  });

  it('elapsed: prints business and actual time, and --json in seconds', () => {
    const args = [
      'sla',
      'elapsed',
      '--calendar',
      newYork,
      '--from',
      '2024-03-05T14:00:00-05:00',
      '--to',
      '2024-03-06T09:00:00-05:00',
    ];
    expect(paydesk(args)).toEqual({
      code: 0,
      stdout: 'Business elapsed: 3h (10800 s)\nActual elapsed: 19h (68400 s)\n',
      stderr: '',
    });
    const paused = paydesk([
      ...args,
      '--pause',
      '2024-03-05T16:30:00-05:00/2024-03-05T18:00:00-05:00',
      '--json',
    ]);
    expect(JSON.parse(paused.stdout)).toEqual({ businessSeconds: 9000, actualSeconds: 63000 });
  });

  it('says what --calendar takes when it is neither an id nor a readable file', () => {
    const result = paydesk([
      'sla',
      'due',
      '--calendar',
      'acme-uk',
      '--from',
      '2024-05-24T20:00:00Z',
      '--target',
      '8h',
    ]);
    expect(result.code).toBe(1);
    expect(result.stdout).toBe('');
    expect(result.stderr).toBe(
      'paydesk: VALIDATION_FAILED: The options are not valid\n' +
        '  - --calendar: "acme-uk" is neither a calendar id (a UUID) nor a readable JSON file\n',
    );
  });

  it('lists every bad option at once', () => {
    const result = paydesk([
      'sla',
      'elapsed',
      '--calendar',
      newYork,
      '--from',
      '2024-03-05 14:00',
      '--to',
      '2024-02-30T09:00:00Z',
      '--pause',
      '2024-03-05T16:30:00Z',
    ]);
    expect(result.code).toBe(1);
    expect(result.stdout).toBe('');
    expect(result.stderr).toContain('--from: "2024-03-05 14:00" is not an ISO 8601 instant with an offset');
    expect(result.stderr).toContain('--to: "2024-02-30T09:00:00Z" is not an ISO 8601 instant');
    expect(result.stderr).toContain('--pause: "2024-03-05T16:30:00Z" is not <instant>/<instant>');
  });

  it('refuses a target in days, and --to before --from', () => {
    const due = paydesk([
      'sla',
      'due',
      '--calendar',
      newYork,
      '--from',
      '2024-05-24T20:00:00Z',
      '--target',
      '2d',
    ]);
    expect(due.code).toBe(1);
    expect(due.stderr).toContain('--target: "2d" is not a duration');
    const elapsed = paydesk([
      'sla',
      'elapsed',
      '--calendar',
      newYork,
      '--from',
      '2024-05-24T20:00:00Z',
      '--to',
      '2024-05-24T19:00:00Z',
    ]);
    expect(elapsed.code).toBe(1);
    expect(elapsed.stderr).toContain('--to: must not be before --from');
  });

  it('reports an invalid calendar file with each problem and its path', () => {
    const broken = writeFile(
      'broken.json',
      JSON.stringify({
        timeZone: 'America/Nowhere',
        week: {
          mon: [
            ['09:00', '13:00'],
            ['12:00', '17:00'],
          ],
        },
      }),
    );
    const result = paydesk([
      'sla',
      'due',
      '--calendar',
      broken,
      '--from',
      '2024-05-24T20:00:00Z',
      '--target',
      '8h',
    ]);
    expect(result.code).toBe(1);
    expect(result.stdout).toBe('');
    expect(result.stderr).toContain('CALENDAR_INVALID');
    expect(result.stderr).toContain('  - /timeZone: unknown time zone "America/Nowhere"');
    expect(result.stderr).toContain('  - /week/mon/1: mon 12:00–17:00 overlaps mon 09:00–13:00');
    const notJson = writeFile('not.json', '{"timeZone": ');
    expect(
      paydesk(['sla', 'due', '--calendar', notJson, '--from', '2024-05-24T20:00:00Z', '--target', '8h'])
        .stderr,
    ).toContain('is not valid JSON');
  });

  it('needs its options (usage error, exit code 2)', () => {
    const result = paydesk(['sla', 'due', '--calendar', newYork]);
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toContain("required option '--from <instant>' not specified");
  });
});

describe('paydesk sla on a stored calendar', { timeout: 120_000 }, () => {
  /** A real embedded database this time: a calendar id is read from it. */
  function paydeskWithData(dataDir: string, args: string[]) {
    const result = spawnSync(process.execPath, [bin, ...args], {
      env: { PATH: process.env.PATH, LOG_LEVEL: 'silent', PAYDESK_DATA_DIR: dataDir },
      encoding: 'utf8',
      timeout: 60_000,
    });
    return { code: result.status, stdout: result.stdout, stderr: result.stderr };
  }

  it('reads the calendar by id from the configured database', async () => {
    const dataDir = fs.mkdtempSync(path.join(dir, 'data-'));
    expect(paydeskWithData(dataDir, ['migrate']).code).toBe(0);
    const pglite = await PGlite.create(path.join(dataDir, 'pglite'));
    const spec = JSON.parse(fs.readFileSync(newYork, 'utf8')) as object;
    const { rows } = await pglite.query<{ id: string }>(
      // As the calendars service writes one: the calendar, and its spec as governing from the beginning.
      `WITH calendar AS (
         INSERT INTO business_calendars (name, spec) VALUES ('New York desk', $1) RETURNING id, version, spec, updated_at)
       INSERT INTO business_calendar_changes (calendar_id, version, effective_from, spec, made_at)
       SELECT id, version, NULL, spec, updated_at FROM calendar RETURNING calendar_id AS id`,
      [JSON.stringify(spec)],
    );
    await pglite.close();
    const id = rows[0]!.id;

    // The same question as the first file-based test, the same answer: Tuesday after Memorial Day.
    const due = paydeskWithData(dataDir, [
      'sla',
      'due',
      '--calendar',
      id.toUpperCase(),
      '--from',
      '2024-05-24T20:00:00Z',
      '--target',
      '8h',
      '--json',
    ]);
    expect(due.stderr).toBe('');
    expect(JSON.parse(due.stdout)).toEqual({ due: '2024-05-28T16:00:00-04:00' });

    const unknown = paydeskWithData(dataDir, [
      'sla',
      'elapsed',
      '--calendar',
      '00000000-0000-4000-8000-000000000000',
      '--from',
      '2024-05-24T20:00:00Z',
      '--to',
      '2024-05-28T20:00:00Z',
    ]);
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toBe('paydesk: CALENDAR_NOT_FOUND: No such business calendar\n');
  });
});
