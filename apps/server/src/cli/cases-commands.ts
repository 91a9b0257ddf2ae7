import fs from 'node:fs';
import path from 'node:path';
import type { Command } from 'commander';
import {
  caseChannels,
  caseStatuses,
  caseTypes,
  impactLevels,
  languages,
  type CaseChannel,
  type CaseStatus,
  type CaseType,
  type ImpactLevel,
  type Language,
} from '@paydesk/shared';
import { AppError, isAppError } from '../platform/errors.ts';

/**
 * `paydesk cases import FILE.csv|.json`: cases from another system, replayed through the cases
 * service at their original times (so SLA clocks are computed from the history, as for a case
 * worked here), one transaction per case, idempotent on the case's external id.
 *
 * This file is loaded at start-up for `--help`: the database and the services load in the action.
 */
export function registerCasesCommands(program: Command): void {
  const cases = program.command('cases').description('Cases');
  cases
    .command('import')
    .description(
      'Import cases from a CSV or JSON file with their original timestamps and message history; ' +
        'a case whose external id was imported before is skipped',
    )
    .argument('<file>', 'a .csv file (a header row, one case per row) or a .json file (an array of cases)')
    .option('--source <name>', 'the system the external ids come from', 'import')
    .option('--json', 'print the summary as JSON')
    .action(async (file: string, options: { source: string; json?: boolean }) => {
      const records = readRecords(file);
      const { withDatabase } = await import('./main.ts');
      await withDatabase(async (handle, { servicesFor, migrateToLatest }) => {
        await migrateToLatest(handle.db);
        const { importCases } = await import('./case-import.ts');
        const progress = progressBar('Importing', records.length);
        const summary = await importCases(handle.db, servicesFor(handle), records, {
          source: options.source,
          onProgress: progress.update,
        });
        progress.done();
        for (const failure of summary.errors)
          process.stderr.write(`${path.basename(file)}:${failure.line}: ${failure.message}\n`);
        const text = `Imported ${summary.imported} cases, skipped ${summary.skipped} imported before, ${summary.failed} failed.`;
        process.stdout.write(options.json ? `${JSON.stringify(summary, null, 2)}\n` : `${text}\n`);
        if (summary.failed > 0) process.exitCode = 1;
      });
    });
}

/** One case as read from the file, before validation: its fields by normalised name, and its line. */
export interface ImportRecord {
  line: number;
  fields: Record<string, unknown>;
}

/** Field names compared without case, `_`, `-` or spaces: external_id, externalId, "External ID". */
export function normaliseKey(key: string): string {
  return key.toLowerCase().replace(/[\s_-]/g, '');
}

function readRecords(file: string): ImportRecord[] {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8').replace(/^\uFEFF/, '');
  } catch (error) {
    throw invalidFile(file, `cannot be read: ${(error as Error).message}`);
  }
  const extension = path.extname(file).toLowerCase();
  if (extension === '.csv') return parseCsvRecords(text, file);
  if (extension === '.json') return parseJsonRecords(text, file);
  throw invalidFile(file, 'must be a .csv or a .json file');
}

function invalidFile(file: string, message: string) {
  return new AppError('VALIDATION_FAILED', `${file} ${message}`, { errors: [{ path: file, message }] });
}

/** RFC 4180: quoted fields may hold commas, quotes ("") and line breaks; a record's line is where it starts. */
export function parseCsvRecords(text: string, file = 'file'): ImportRecord[] {
  const rows: Array<{ line: number; cells: string[] }> = [];
  let cells: string[] = [];
  let cell = '';
  let quoted = false;
  let line = 1;
  let start = 1;
  let i = 0;
  const endRow = () => {
    cells.push(cell);
    if (cells.length > 1 || cells[0] !== '') rows.push({ line: start, cells });
    cells = [];
    cell = '';
  };
  while (i < text.length) {
    const char = text[i]!;
    if (quoted) {
      if (char === '"' && text[i + 1] === '"') {
        cell += '"';
        i += 2;
        continue;
      }
      if (char === '"') quoted = false;
      else {
        if (char === '\n') line++;
        cell += char;
      }
      i++;
      continue;
    }
    if (char === '"' && cell === '') quoted = true;
    else if (char === ',') {
      cells.push(cell);
      cell = '';
    } else if (char === '\n' || char === '\r') {
      if (char === '\r' && text[i + 1] === '\n') i++;
      endRow();
      line++;
      start = line;
    } else cell += char;
    i++;
  }
  if (quoted) throw invalidFile(file, `has an unterminated quoted field starting on line ${start}`);
  if (cell !== '' || cells.length > 0) endRow();
  const [header, ...data] = rows;
  if (!header) throw invalidFile(file, 'is empty: expected a header row');
  const keys = header.cells.map(normaliseKey);
  return data.map((row) => ({
    line: row.line,
    fields: Object.fromEntries(
      keys.flatMap((key, index) => (row.cells[index] ? [[key, row.cells[index]]] : [])),
    ),
  }));
}

/** An array of objects; each case's line is where its object opens, found by scanning the text. */
export function parseJsonRecords(text: string, file = 'file'): ImportRecord[] {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    throw invalidFile(file, `is not valid JSON: ${(error as Error).message}`);
  }
  if (!Array.isArray(parsed)) throw invalidFile(file, 'must hold a JSON array of cases');
  const lines = elementLines(text);
  return parsed.map((element: unknown, index) => ({
    line: lines[index] ?? 1,
    fields:
      element !== null && typeof element === 'object' && !Array.isArray(element)
        ? Object.fromEntries(Object.entries(element).map(([key, value]) => [normaliseKey(key), value]))
        : { notAnObject: element },
  }));
}

/** The line each element of the top-level array starts on. */
function elementLines(text: string): number[] {
  const lines: number[] = [];
  let depth = 0;
  let line = 1;
  let inString = false;
  let expectElement = false;
  for (let i = 0; i < text.length; i++) {
    const char = text[i]!;
    if (char === '\n') line++;
    if (inString) {
      if (char === '\\') i++;
      else if (char === '"') inString = false;
      continue;
    }
    if (/\s/.test(char)) continue;
    if (depth === 1 && expectElement && char !== ']') {
      lines.push(line);
      expectElement = false;
    }
    if (char === '"') inString = true;
    else if (char === '[' || char === '{') {
      depth++;
      if (depth === 1) expectElement = true;
    } else if (char === ']' || char === '}') depth--;
    else if (char === ',' && depth === 1) expectElement = true;
  }
  return lines;
}

// Validation of one record: pure, so its messages name the field and the line.

export interface ImportMessage {
  at: Date;
  authorEmail: string;
  visibility: 'public' | 'internal';
  body: string;
}

export interface ImportCase {
  line: number;
  externalId: string;
  account: string;
  subject: string;
  description: string;
  type: CaseType;
  impact: ImpactLevel;
  urgency: ImpactLevel;
  status: CaseStatus;
  createdAt: Date;
  updatedAt: Date;
  channel: CaseChannel;
  language: Language | undefined;
  serviceCode: string | undefined;
  externalReference: string | undefined;
  contactEmail: string | undefined;
  tags: string[];
  messages: ImportMessage[];
}

const instantPattern = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/;

function readInstant(value: unknown): Date | undefined {
  const text = typeof value === 'string' ? value.trim() : '';
  const match = instantPattern.exec(text);
  if (!match) return undefined;
  const date = new Date(text);
  if (Number.isNaN(date.getTime())) return undefined;
  // Date rolls 2026-02-30 over into March: the local date and time must read back as written.
  const offset =
    match[3] === 'Z'
      ? 0
      : Number(`${match[3]![0]}1`) * (Number(match[3]!.slice(1, 3)) * 60 + Number(match[3]!.slice(4)));
  const local = new Date(date.getTime() + offset * 60_000).toISOString();
  return local.slice(0, 16) === text.slice(0, 16) ? date : undefined;
}

/** The record as a case to import, or every problem with it (field: message). */
export function validateRecord(record: ImportRecord, now: Date): ImportCase | { problems: string[] } {
  const f = record.fields;
  const problems: string[] = [];
  if ('notAnObject' in f) return { problems: ['is not an object'] };
  const text = (key: string, name: string, max: number, required = true) => {
    const value = f[key];
    if (value === undefined || value === null || (typeof value === 'string' && !value.trim())) {
      if (required) problems.push(`${name}: is required`);
      return undefined;
    }
    if (typeof value !== 'string') {
      problems.push(`${name}: must be text`);
      return undefined;
    }
    if (value.trim().length > max) problems.push(`${name}: is longer than ${max} characters`);
    return value.trim();
  };
  const choice = <T extends string>(key: string, name: string, allowed: readonly T[], fallback?: T) => {
    const value = text(key, name, 100, fallback === undefined);
    if (value === undefined) return fallback;
    if (!allowed.includes(value as T)) {
      problems.push(`${name}: "${value}" is not one of ${allowed.join(', ')}`);
      return undefined;
    }
    return value as T;
  };
  const instant = (key: string, name: string, required: boolean) => {
    const value = f[key];
    if (value === undefined || value === '') {
      if (required) problems.push(`${name}: is required`);
      return undefined;
    }
    const date = readInstant(value);
    if (!date)
      problems.push(
        `${name}: ${JSON.stringify(value)} is not an ISO 8601 instant with an offset (2024-05-28T09:00:00Z)`,
      );
    else if (date > now) problems.push(`${name}: ${date.toISOString()} is in the future`);
    return date;
  };

  const externalId = text('externalid', 'external_id', 200);
  const account = text('account', 'account', 200);
  const subject = text('subject', 'subject', 300);
  const description = text('description', 'description', 100000);
  const type = choice('type', 'type', caseTypes);
  const impact = choice('impact', 'impact', impactLevels);
  const urgency = choice('urgency', 'urgency', impactLevels);
  const status = choice('status', 'status', caseStatuses);
  const channel = choice('channel', 'channel', caseChannels, 'email');
  const language = choice('language', 'language', languages, '' as Language);
  const createdAt = instant('createdat', 'created_at', true);
  const updatedAt = instant('updatedat', 'updated_at', false) ?? createdAt;
  if (createdAt && updatedAt && updatedAt < createdAt) problems.push('updated_at: is before created_at');
  const messages = readMessages(f.messages, problems, { createdAt, updatedAt });
  const tags = readTags(f.tags, problems);
  const serviceCode = text('service', 'service', 50, false);
  const externalReference = text('externalreference', 'external_reference', 200, false);
  const contactEmail = text('contactemail', 'contact_email', 254, false)?.toLowerCase();

  if (
    problems.length > 0 ||
    !externalId ||
    !account ||
    !subject ||
    !description ||
    !type ||
    !impact ||
    !urgency ||
    !status ||
    !channel ||
    !createdAt ||
    !updatedAt
  )
    return { problems };
  return {
    line: record.line,
    externalId,
    account,
    subject,
    description,
    type,
    impact,
    urgency,
    status,
    createdAt,
    updatedAt,
    channel,
    language: language || undefined,
    serviceCode,
    externalReference,
    contactEmail,
    tags,
    messages,
  };
}

function readTags(value: unknown, problems: string[]): string[] {
  if (value === undefined || value === '') return [];
  if (typeof value === 'string')
    return value
      .split(/[;,]/)
      .map((tag) => tag.trim())
      .filter(Boolean);
  if (Array.isArray(value) && value.every((tag) => typeof tag === 'string')) return value;
  problems.push('tags: must be a list of text (in CSV: separated by ;)');
  return [];
}

/** The history: a JSON array (in CSV, a JSON array in the cell) of { at, author, visibility, body }. */
function readMessages(
  value: unknown,
  problems: string[],
  bounds: { createdAt: Date | undefined; updatedAt: Date | undefined },
): ImportMessage[] {
  if (value === undefined || value === '') return [];
  let list: unknown = value;
  if (typeof value === 'string') {
    try {
      list = JSON.parse(value) as unknown;
    } catch {
      problems.push('messages: is not a JSON array');
      return [];
    }
  }
  if (!Array.isArray(list)) {
    problems.push('messages: must be an array');
    return [];
  }
  const messages: ImportMessage[] = [];
  list.forEach((item: unknown, index) => {
    const name = `messages[${index}]`;
    const entry = (item ?? {}) as Record<string, unknown>;
    const at = readInstant(entry.at);
    const author = typeof entry.author === 'string' ? entry.author.trim().toLowerCase() : '';
    const visibility = entry.visibility ?? 'public';
    const body = typeof entry.body === 'string' ? entry.body : '';
    if (!at) problems.push(`${name}.at: "${String(entry.at)}" is not an ISO 8601 instant with an offset`);
    else if (bounds.createdAt && bounds.updatedAt && (at < bounds.createdAt || at > bounds.updatedAt))
      problems.push(`${name}.at: ${String(entry.at)} is not between created_at and updated_at`);
    if (!author) problems.push(`${name}.author: is required (the e-mail of a Paydesk user)`);
    if (visibility !== 'public' && visibility !== 'internal')
      problems.push(`${name}.visibility: must be public or internal`);
    if (!body.trim() || body.length > 100000) problems.push(`${name}.body: must be 1 to 100,000 characters`);
    if (at && author && (visibility === 'public' || visibility === 'internal') && body.trim())
      messages.push({ at, authorEmail: author, visibility, body });
  });
  return messages.sort((a, b) => a.at.getTime() - b.at.getTime());
}

/** A single-line bar on a terminal; on a pipe or file, a line every tenth of the way. */
export function progressBar(label: string, total: number, stream: NodeJS.WriteStream = process.stderr) {
  const width = 30;
  let lastDraw = 0;
  let lastTenth = -1;
  return {
    update: (done: number) => {
      if (total === 0) return;
      if (stream.isTTY) {
        const now = Date.now();
        if (now - lastDraw < 100 && done < total) return;
        lastDraw = now;
        const filled = Math.round((done / total) * width);
        stream.write(
          `\r${label} [${'#'.repeat(filled)}${'-'.repeat(width - filled)}] ${done}/${total} (${Math.floor((done / total) * 100)}%)`,
        );
      } else {
        const tenth = Math.floor((done / total) * 10);
        if (tenth === lastTenth || total < 1000) return;
        lastTenth = tenth;
        stream.write(`${label}: ${done}/${total}\n`);
      }
    },
    done: () => {
      if (stream.isTTY && total > 0) stream.write('\n');
    },
  };
}

export function describeImportError(error: unknown): string {
  if (isAppError(error)) {
    const details = error.extra.errors?.map((e) => `${e.path.replace(/^body\//, '')}: ${e.message}`) ?? [];
    return details.length ? details.join('; ') : `${error.code}: ${error.message}`;
  }
  return error instanceof Error ? error.message : String(error);
}
