import fs from 'node:fs';
import type { Command } from 'commander';
import {
  actualElapsed,
  compileCalendar,
  formatDuration,
  formatInstant,
  parseCalendarSpec,
  parseDuration,
  parseInstant,
  type BusinessCalendar,
  type Pause,
} from '../modules/business-time/index.ts';
import { AppError } from '../platform/errors.ts';

type Problem = { path: string; message: string };
type CalendarSource = { id: string } | { json: unknown };

const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * `paydesk sla due` and `paydesk sla elapsed`: the SLA preview on a calendar given as a JSON file
 * (pure computation: no configuration, no database) or by the id of a stored calendar (read from the
 * configured database, as other commands open it).
 */
export function registerSlaCommands(program: Command): void {
  const sla = program.command('sla').description('Preview SLA clocks on a business calendar');

  sla
    .command('due')
    .description("Print when a target is due: the instant, with the calendar zone's offset")
    .requiredOption('--calendar <id or file>', 'a stored business calendar (its id) or a JSON file')
    .requiredOption('--from <instant>', 'when the clock starts, ISO 8601 with an offset')
    .requiredOption('--target <duration>', 'business time to count: 8h, 90m, 1h30m, PT8H')
    .option('--pause <start/end>', 'a pause as an ISO 8601 interval of two instants (repeatable)', collect)
    .option('--json', 'print {"due": "…"}')
    .action(
      async (options: {
        calendar: string;
        from: string;
        target: string;
        pause?: string[];
        json?: boolean;
      }) => {
        const problems: Problem[] = [];
        const source = readCalendarSource(options.calendar, problems);
        const from = readInstant('--from', options.from, problems);
        const target = parseDuration(options.target);
        if (target === undefined)
          problems.push({
            path: '--target',
            message: `"${options.target}" is not a duration: give hours, minutes or seconds (8h, 90m, 1h30m, PT8H); days are ambiguous on a business calendar`,
          });
        const pauses = readPauses(options.pause ?? [], problems);
        if (problems.length || !source || from === undefined || target === undefined)
          throw optionsInvalid(problems);
        const calendar = await loadCalendar(source);
        const due = formatInstant(calendar.addBusinessTime(from, target, pauses), calendar.timeZone);
        process.stdout.write(options.json ? `${JSON.stringify({ due }, null, 2)}\n` : `${due}\n`);
      },
    );

  sla
    .command('elapsed')
    .description('Print business and actual time elapsed between two instants, pauses excluded')
    .requiredOption('--calendar <id or file>', 'a stored business calendar (its id) or a JSON file')
    .requiredOption('--from <instant>', 'start, ISO 8601 with an offset')
    .requiredOption('--to <instant>', 'end, ISO 8601 with an offset')
    .option('--pause <start/end>', 'a pause as an ISO 8601 interval of two instants (repeatable)', collect)
    .option('--json', 'print {"businessSeconds": n, "actualSeconds": n}')
    .action(
      async (options: { calendar: string; from: string; to: string; pause?: string[]; json?: boolean }) => {
        const problems: Problem[] = [];
        const source = readCalendarSource(options.calendar, problems);
        const from = readInstant('--from', options.from, problems);
        const to = readInstant('--to', options.to, problems);
        if (from !== undefined && to !== undefined && to < from)
          problems.push({ path: '--to', message: 'must not be before --from' });
        const pauses = readPauses(options.pause ?? [], problems);
        if (problems.length || !source || from === undefined || to === undefined)
          throw optionsInvalid(problems);
        const calendar = await loadCalendar(source);
        const business = calendar.businessElapsed(from, to, pauses);
        const actual = actualElapsed(from, to, pauses);
        process.stdout.write(
          options.json
            ? `${JSON.stringify({ businessSeconds: business / 1000, actualSeconds: actual / 1000 }, null, 2)}\n`
            : `Business elapsed: ${formatDuration(business)} (${business / 1000} s)\n` +
                `Actual elapsed: ${formatDuration(actual)} (${actual / 1000} s)\n`,
        );
      },
    );
}

function collect(value: string, previous: string[] | undefined): string[] {
  return [...(previous ?? []), value];
}

function readCalendarSource(value: string, problems: Problem[]): CalendarSource | undefined {
  if (uuidPattern.test(value)) return { id: value.toLowerCase() };
  let text: string;
  try {
    text = fs.readFileSync(value, 'utf8');
  } catch {
    problems.push({
      path: '--calendar',
      message: `"${value}" is neither a calendar id (a UUID) nor a readable JSON file`,
    });
    return undefined;
  }
  try {
    return { json: JSON.parse(text) as unknown };
  } catch (error) {
    problems.push({ path: '--calendar', message: `${value} is not valid JSON: ${(error as Error).message}` });
    return undefined;
  }
}

async function loadCalendar(source: CalendarSource): Promise<BusinessCalendar> {
  if ('json' in source) return compileCalendar(parseCalendarSpec(source.json));
  let calendar: BusinessCalendar | undefined;
  const { withDatabase } = await import('./main.ts');
  await withDatabase(async (handle, { servicesFor }) => {
    // With its changes: a start in the past counts as the calendar did then.
    calendar = await servicesFor(handle).calendars.compiled(null, source.id);
  });
  return calendar!;
}

function readInstant(option: string, text: string, problems: Problem[]): number | undefined {
  const instant = parseInstant(text);
  if (instant === undefined)
    problems.push({
      path: option,
      message: `"${text}" is not an ISO 8601 instant with an offset (2024-05-28T09:00:00-04:00 or …Z)`,
    });
  return instant;
}

function readPauses(texts: string[], problems: Problem[]): Pause[] {
  return texts.flatMap((text) => {
    const [startText, endText, extra] = text.split('/');
    const start = startText === undefined ? undefined : parseInstant(startText);
    const end = endText === undefined ? undefined : parseInstant(endText);
    if (start === undefined || end === undefined || extra !== undefined) {
      problems.push({
        path: '--pause',
        message: `"${text}" is not <instant>/<instant> (ISO 8601 with offsets)`,
      });
      return [];
    }
    if (end < start) {
      problems.push({ path: '--pause', message: `"${text}" ends before it starts` });
      return [];
    }
    return [{ start, end }];
  });
}

function optionsInvalid(problems: Problem[]): AppError {
  return new AppError('VALIDATION_FAILED', 'The options are not valid', { errors: problems });
}
