import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { PGlite } from '@electric-sql/pglite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pgliteExtensions } from '../platform/db/index.ts';
import { parseCsvRecords, parseJsonRecords } from './cases-commands.ts';

/** `paydesk cases import` and `paydesk seed --cases` in child processes, on one embedded data dir. */
const bin = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../bin/paydesk.js');
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'paydesk-cases-'));
const env = { PAYDESK_DATA_DIR: path.join(dir, 'data') };
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

/** Asynchronous, so the test worker keeps answering vitest while a command runs. */
function paydesk(args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const child = spawn(process.execPath, [bin, ...args], {
    env: { PATH: process.env.PATH, LOG_LEVEL: 'silent', ...env },
  });
  let stdout = '';
  let stderr = '';
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
  return new Promise((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

function writeFile(name: string, content: string): string {
  const file = path.join(dir, name);
  fs.writeFileSync(file, content);
  return file;
}

/** Reads the data dir directly, as the CLI left it (no CLI process holds it between commands). */
async function query<T>(text: string, params: unknown[] = []): Promise<T[]> {
  const pglite = await PGlite.create(path.join(env.PAYDESK_DATA_DIR, 'pglite'), {
    extensions: pgliteExtensions,
  });
  try {
    return (await pglite.query<T>(text, params)).rows;
  } finally {
    await pglite.close();
  }
}

const history = JSON.stringify([
  { at: '2026-03-02T09:30:00Z', author: 'l1.agent@paydesk.test', body: 'Looking into it now.' },
  {
    at: '2026-03-02T09:35:00Z',
    author: 'l1.agent@paydesk.test',
    visibility: 'internal',
    body: 'Acquirer timeout.',
  },
  { at: '2026-03-02T11:00:00Z', author: 'customer@northbank.test', body: 'Thanks, it arrived.' },
]);
const csvCell = (text: string) => `"${text.replace(/"/g, '""')}"`;

// Line 1: header. 2: good (resolved → closed, with history). 3–4: a description over two lines,
// good. 5: bad date. 6: unknown account. 7: invalid status. 8: a customer's internal note (the
// service refuses it after the case was created in the row's transaction: nothing may remain).
// 9: the same external id as line 2 again.
const csv = [
  'external_id,account,subject,description,type,impact,urgency,status,created_at,updated_at,contact_email,external_reference,tags,messages',
  `ZD-1,Northbank,Refund not received,The refund of 40 GBP is missing.,refund,medium,high,closed,2026-03-02T09:00:00Z,2026-03-03T10:00:00Z,hannah.clarke@northbank.test,INC-77,refunds;vip,${csvCell(history)}`,
  `ZD-2,northbank,Card declined,"Declined twice,\nthen approved.",incident,low,low,pending_customer,2026-03-05T08:00:00+01:00,2026-03-05T12:00:00+01:00,,,,`,
  'ZD-3,Northbank,Bad date,Something,question,low,low,new,2026-02-30T10:00:00Z,,,,,',
  'ZD-4,Nowhere Bank,Unknown account,Something,question,low,low,new,2026-03-01T10:00:00Z,,,,,',
  'ZD-5,Northbank,Bad status,Something,question,low,low,escalated,2026-03-01T10:00:00Z,,,,,',
  `ZD-6,Northbank,Half imported,Something,question,low,low,open,2026-03-01T10:00:00Z,2026-03-01T12:00:00Z,,,,${csvCell(JSON.stringify([{ at: '2026-03-01T11:00:00Z', author: 'customer@northbank.test', visibility: 'internal', body: 'Hi' }]))}`,
  'ZD-1,Northbank,Again,Something,question,low,low,new,2026-03-01T10:00:00Z,,,,,',
].join('\n');

describe('paydesk cases import', { timeout: 300_000 }, () => {
  beforeAll(async () => {
    expect((await paydesk(['seed', '--demo', '--json'])).code).toBe(0);
  }, 300_000);

  it('replays good rows at their original times and reports bad ones by line, leaving nothing of them', async () => {
    const file = writeFile('cases.csv', csv);
    const result = await paydesk(['cases', 'import', file, '--source', 'zendesk', '--json']);
    expect(result.code).toBe(1);
    const summary = JSON.parse(result.stdout) as {
      imported: number;
      skipped: number;
      failed: number;
      errors: Array<{ line: number; externalId: string; message: string }>;
    };
    expect(summary).toMatchObject({ source: 'zendesk', total: 7, imported: 2, skipped: 0, failed: 5 });
    expect(summary.errors.map((error) => [error.line, error.externalId])).toEqual([
      [5, 'ZD-3'],
      [6, 'ZD-4'],
      [7, 'ZD-5'],
      [8, 'ZD-6'],
      [9, 'ZD-1'],
    ]);
    expect(summary.errors[0]!.message).toContain(
      'created_at: "2026-02-30T10:00:00Z" is not an ISO 8601 instant',
    );
    expect(summary.errors[1]!.message).toContain('no account with the id or name "Nowhere Bank"');
    expect(summary.errors[2]!.message).toContain('status: "escalated" is not one of new, open');
    expect(summary.errors[3]!.message).toContain('AUTH_FORBIDDEN');
    expect(summary.errors[4]!.message).toContain('appears twice');
    expect(result.stderr).toContain('cases.csv:5: created_at');
    expect(result.stderr).toContain('cases.csv:6: account');

    expect(
      await query(`SELECT 1 FROM cases WHERE subject IN ('Bad date', 'Half imported', 'Again')`),
    ).toEqual([]);

    const [imported] = await query<{
      id: string;
      status: string;
      opened_at: Date;
      resolved_at: Date;
      closed_at: Date;
      external_reference: string;
      tags: string[];
      contact: string;
    }>(
      `SELECT c.id, c.status, c.opened_at, c.resolved_at, c.closed_at, c.external_reference, c.tags,
        ac.email AS contact
      FROM case_imports i JOIN cases c ON c.id = i.case_id
      LEFT JOIN account_contacts ac ON ac.account_id = c.account_id AND ac.id = c.contact_id
      WHERE i.source = 'zendesk' AND i.external_id = 'ZD-1'`,
    );
    expect(imported).toMatchObject({
      status: 'closed',
      opened_at: new Date('2026-03-02T09:00:00Z'),
      resolved_at: new Date('2026-03-03T10:00:00Z'),
      closed_at: new Date('2026-03-03T10:00:00Z'),
      external_reference: 'INC-77',
      tags: ['refunds', 'vip'],
      contact: 'hannah.clarke@northbank.test',
    });
    const events = await query<{ type: string; at: Date; data: Record<string, unknown> }>(
      'SELECT type, at, data FROM case_events WHERE case_id = $1 ORDER BY seq',
      [imported!.id],
    );
    expect(events.map((event) => [event.type, event.at.toISOString(), event.data.to ?? null])).toEqual([
      ['opened', '2026-03-02T09:00:00.000Z', null],
      ['staff_replied', '2026-03-02T09:30:00.000Z', null],
      ['status_changed', '2026-03-02T09:30:00.000Z', 'open'],
      ['staff_replied', '2026-03-02T09:35:00.000Z', null],
      ['customer_replied', '2026-03-02T11:00:00.000Z', null],
      ['status_changed', '2026-03-03T10:00:00.000Z', 'resolved'],
      ['status_changed', '2026-03-03T10:00:00.000Z', 'closed'],
    ]);
    const [second] = await query<{ status: string; description: string }>(
      `SELECT c.status, m.body AS description FROM case_imports i JOIN cases c ON c.id = i.case_id
      JOIN case_messages m ON m.case_id = c.id WHERE i.external_id = 'ZD-2'`,
    );
    expect(second).toEqual({ status: 'pending_customer', description: 'Declined twice,\nthen approved.' });
  });

  it('imports nothing twice when run again', async () => {
    const result = await paydesk([
      'cases',
      'import',
      path.join(dir, 'cases.csv'),
      '--source',
      'zendesk',
      '--json',
    ]);
    expect(JSON.parse(result.stdout)).toMatchObject({ imported: 0, skipped: 2, failed: 5 });
  });

  it('reads JSON with each case’s line, camelCase or snake_case keys', async () => {
    const file = writeFile(
      'cases.json',
      `[
  {
    "externalId": "J-1", "account": "PagoRápido", "subject": "Pagos duplicados",
    "description": "Dos cargos iguales.", "type": "payment_investigation", "impact": "medium",
    "urgency": "medium", "status": "open", "createdAt": "2026-03-04T10:00:00-06:00",
    "messages": [{ "at": "2026-03-04T10:20:00-06:00", "author": "l1.agent@paydesk.test", "body": "Revisando." }],
    "updatedAt": "2026-03-04T10:30:00-06:00"
  },
  { "external_id": "J-2", "account": "PagoRápido", "subject": "Fecha futura", "description": "x",
    "type": "question", "impact": "low", "urgency": "low", "status": "new", "created_at": "2999-01-01T00:00:00Z" }
]`,
    );
    const result = await paydesk(['cases', 'import', file]);
    expect(result.code).toBe(1);
    expect(result.stdout).toBe('Imported 1 cases, skipped 0 imported before, 1 failed.\n');
    expect(result.stderr).toContain('cases.json:9: created_at: 2999-01-01T00:00:00.000Z is in the future');
    const [row] = await query<{ status: string; language: string }>(
      `SELECT c.status, c.language FROM case_imports i JOIN cases c ON c.id = i.case_id WHERE i.external_id = 'J-1'`,
    );
    expect(row).toEqual({ status: 'open', language: 'es-MX' });
  });

  it('refuses a file it cannot read as cases, changing nothing', async () => {
    const wrongType = await paydesk(['cases', 'import', writeFile('cases.txt', 'x')]);
    expect(wrongType).toMatchObject({ code: 1 });
    expect(wrongType.stderr).toContain('must be a .csv or a .json file');
    const broken = await paydesk(['cases', 'import', writeFile('broken.json', '[{"a": 1},')]);
    expect(broken.stderr).toContain('is not valid JSON');
    const missing = await paydesk(['cases', 'import', path.join(dir, 'missing.csv')]);
    expect(missing.stderr).toContain('cannot be read');
  });

  it('seed --cases generates cases whose events tell the story their state shows', async () => {
    const result = await paydesk(['seed', '--cases', '300', '--json']);
    expect(result.code, result.stderr).toBe(0);
    expect(JSON.parse(result.stdout)).toMatchObject({ seeded: false, cases: { generated: 300 } });
    const [counts] = await query<{ cases: number; documents: number; open_without_due: number }>(
      `SELECT count(*)::int AS cases,
        count(d.case_id)::int AS documents,
        count(*) FILTER (WHERE c.status NOT IN ('resolved', 'closed') AND q.next_due_at IS NULL)::int AS open_without_due
      FROM cases c JOIN case_queue q ON q.case_id = c.id LEFT JOIN case_search_documents d ON d.case_id = c.id
      WHERE c.created_by IS NULL AND NOT EXISTS (SELECT 1 FROM case_imports i WHERE i.case_id = c.id)`,
    );
    expect(counts!.documents).toBe(counts!.cases);
    expect(counts!.open_without_due).toBe(0);
    // The last status event names the case's status; resolution and closing follow their events.
    const inconsistent = await query(
      `SELECT c.id FROM cases c
      LEFT JOIN LATERAL (SELECT data ->> 'to' AS status, at FROM case_events e
        WHERE e.case_id = c.id AND e.type = 'status_changed' ORDER BY seq DESC LIMIT 1) last ON true
      LEFT JOIN LATERAL (SELECT min(at) AS first_at, max(at) AS last_at, count(*) AS n, max(seq) AS max_seq
        FROM case_events e WHERE e.case_id = c.id) e ON true
      WHERE c.created_by IS NULL AND NOT EXISTS (SELECT 1 FROM case_imports i WHERE i.case_id = c.id)
        AND (coalesce(last.status, 'new') <> c.status
        OR e.n <> e.max_seq OR e.first_at <> c.opened_at OR e.last_at > now()
        OR (c.status = 'closed' AND (c.closed_at IS NULL OR c.resolved_at >= c.closed_at))
        OR (c.status IN ('resolved', 'closed') AND c.resolved_at IS NULL))`,
    );
    expect(inconsistent).toEqual([]);
    expect((await paydesk(['seed', '--cases', 'many'])).code).toBe(2);
  });
});

describe('reading import files', () => {
  it('gives each CSV record the line it starts on, across quoted line breaks', () => {
    const records = parseCsvRecords('a,b\r\n1,"x\r\ny"\r\n\r\n2,"say ""hi"""\n');
    expect(records).toEqual([
      { line: 2, fields: { a: '1', b: 'x\r\ny' } },
      { line: 5, fields: { a: '2', b: 'say "hi"' } },
    ]);
  });

  it('gives each JSON element the line its object opens on', () => {
    expect(parseJsonRecords('[\n {"a": "[{"},\n\n {"b": 2}, 3]').map((record) => record.line)).toEqual([
      2, 4, 4,
    ]);
  });
});
