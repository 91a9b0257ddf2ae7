/**
 * `npm run bench:cases [-- N]` — the case queue and case search on PostgreSQL at volume, each against
 * the bare SQL query measured in the same run:
 *
 * 1. makes sure the database (DATABASE_URL: give it a database of its own) holds at least N cases
 *    (default 100,000; the issue's figure is 1,000,000), generating the missing ones as
 *    `paydesk seed --cases` does;
 * 2. starts `paydesk serve` on it and signs in as a demo L1 agent;
 * 3. queue: GET /api/cases?view=team&open=true (the agent's team queues, soonest due first, first page
 *    of 50) with autocannon at 50 connections, then the same SQL on a pool of the server's size (10)
 *    from 50 concurrent loops;
 * 4. search: GET /api/cases/search over a rotation of realistic queries (a transaction reference, a
 *    case number, a merchant, English, Spanish and Chinese words), likewise, against the search
 *    repository's query run directly;
 * 5. SLA recomputation: every open case's clocks recomputed by a batched run, then the run a calendar
 *    change queues (bench/cases/recompute.js, measured before the server starts, so that the queue
 *    has real due times), against the per-case path on a sample.
 *
 * Plain JavaScript run through tsx's loader (it imports the server's TypeScript). Not part of `npm test`.
 */
import { spawn } from 'node:child_process';
import { setTimeout as sleep } from 'node:timers/promises';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';
import pg from 'pg';

// Node 20's own fetch (the lint config declares only process and console as globals).
const { fetch } = globalThis;
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const url = process.env.DATABASE_URL;
if (!url?.startsWith('postgres')) {
  console.log(
    'bench:cases skipped: set DATABASE_URL to a PostgreSQL database of its own (it will be seeded), e.g.\n' +
      '  DATABASE_URL=postgres://postgres@127.0.0.1:5432/paydesk_bench npm run bench:cases -- 100000',
  );
  process.exit(0);
}
const target = Number(process.argv[2] ?? 100_000);
if (!Number.isInteger(target) || target < 1) {
  console.error(`bench:cases: N must be a positive whole number, got ${process.argv[2]}`);
  process.exit(2);
}
const seconds = Number(process.env.BENCH_SECONDS ?? 15);
const connections = 50;
const demoPassword = 'paydesk-demo-2026';

const { openDatabase, migrateToLatest } = await import(`${root}/apps/server/src/platform/db/index.ts`);
const { createServices } = await import(`${root}/apps/server/src/app.ts`);
const { systemClock } = await import(`${root}/apps/server/src/platform/clock.ts`);
const { createFileStore } = await import(`${root}/apps/server/src/platform/files/index.ts`);
const { seedDemo } = await import(`${root}/apps/server/src/demo/seed-demo.ts`);
const { generateCases } = await import(`${root}/apps/server/src/demo/generate-cases.ts`);
const { findBestMatches } = await import(`${root}/apps/server/src/modules/cases/search.ts`);
const { listCases } = await import(`${root}/apps/server/src/modules/cases/queue.repository.ts`);
const { benchRecompute } = await import('./recompute.js');

// 1. Data
const handle = await openDatabase({ kind: 'postgres', url });
await migrateToLatest(handle.db);
await seedDemo(
  handle.db,
  createServices({
    db: handle.db,
    clock: systemClock,
    files: createFileStore(path.join(os.tmpdir(), 'paydesk-bench-files')),
  }),
);
const pool = new pg.Pool({ connectionString: url, max: 10 });
const have = Number((await pool.query('SELECT count(*) AS n FROM cases')).rows[0].n);
if (have < target) {
  console.log(`Generating ${target - have} cases (the database has ${have}) …`);
  const result = await generateCases(handle.db, {
    count: target - have,
    onProgress: (done) => process.stderr.write(`\r  ${done}/${target - have}`),
  });
  process.stderr.write('\n');
  console.log(`  ${Math.round(result.generated / result.seconds)} cases/s`);
  // As after any bulk load: the visibility map and statistics (and the dead rows of the newest
  // cases' search copy, which churned once per generated case) before anything is measured.
  await pool.query('VACUUM ANALYZE');
}
await handle.close();

// 1b. SLA clocks: recompute every open case's clocks, as after a calendar change (the third figure;
// it also gives generated cases their due times, so the queue below is ordered as in production).
console.log('Recomputing the SLA clocks of every open case, then after a calendar change …');
const recompute = await benchRecompute({ url, log: () => {} });
// The runs rewrote most open clocks and queue rows (and generating churned the newest cases' search
// copy): vacuumed and analysed before the queue and search are measured, as autovacuum leaves them
// in production. Where autovacuum is off (this machine's CI configuration) their dead rows would
// otherwise stay in every index the queue and search read: 2-3x slower, for a reason no server has.
const autovacuum = (await pool.query('SHOW autovacuum')).rows[0].autovacuum;
await pool.query('VACUUM ANALYZE case_queue, sla_clocks, case_search_recent');
// And the pages all that rewrote written out now, not by the checkpointer during the measurements
// (a superuser's or pg_checkpoint's right; without it the bench goes on).
await pool.query('CHECKPOINT').catch((error) => console.log(`(no CHECKPOINT: ${error.message})`));

const counts = (
  await pool.query(`SELECT count(*)::int AS cases,
    count(*) FILTER (WHERE status NOT IN ('resolved', 'closed'))::int AS open,
    (SELECT count(*)::int FROM case_messages) AS messages, (SELECT count(*)::int FROM case_events) AS events
    FROM cases`)
).rows[0];

// 2. Server
const port = 20_000 + Math.floor(Math.random() * 20_000);
const server = spawn(process.execPath, [`${root}/apps/server/bin/paydesk.js`, 'serve'], {
  env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', LOG_LEVEL: 'warn' },
  stdio: ['ignore', 'ignore', 'inherit'],
});
const base = `http://127.0.0.1:${port}`;
try {
  for (let attempt = 0; ; attempt++) {
    const ready = await fetch(`${base}/health`).then(
      (response) => response.ok,
      () => false,
    );
    if (ready) break;
    if (attempt > 300) throw new Error('the server did not start');
    await sleep(200);
  }
  const login = await fetch(`${base}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: 'l1.agent@paydesk.test', password: demoPassword }),
  });
  if (!login.ok) throw new Error(`sign-in failed: ${login.status} ${await login.text()}`);
  const cookie = login.headers
    .getSetCookie()
    .map((value) => value.split(';')[0])
    .join('; ');
  const agentId = (await pool.query(`SELECT id FROM users WHERE email = 'l1.agent@paydesk.test'`)).rows[0].id;
  const teamIds = (
    await pool.query(
      `SELECT team_id FROM team_members tm JOIN users u ON u.id = tm.user_id WHERE u.email = 'l1.agent@paydesk.test'`,
    )
  ).rows.map((row) => row.team_id);

  console.log(
    `\nPostgreSQL ${(await pool.query('SHOW server_version')).rows[0].server_version}; ` +
      `${counts.cases} cases (${counts.open} open), ${counts.messages} messages, ${counts.events} events; ` +
      `${os.cpus().length} CPUs; ${connections} connections, ${seconds} s per run; autovacuum ${autovacuum}`,
  );

  // 3. Queue
  const queuePath = '/api/cases?view=team&open=true&limit=50';
  const first = await fetch(base + queuePath, { headers: { cookie } });
  const firstPage = await first.json();
  if (!first.ok || !Array.isArray(firstPage.items) || firstPage.items.length === 0)
    throw new Error(
      `the queue is empty or failed: ${first.status} ${JSON.stringify(firstPage).slice(0, 300)}`,
    );
  const queueSql = `SELECT cases.id, cases.account_id, account.name, cases.number, cases.subject, cases.type,
      cases.status, cases.impact, cases.urgency, cases.priority, cases.priority_reason, cases.service_id,
      service.code, service.name, cases.category, cases.channel, cases.contact_id, contact.name, contact.email,
      cases.team_id, team.name, cases.assignee_id, assignee.display_name, cases.tier, cases.language, cases.tags,
      cases.external_reference, cases.version, queue.next_due_at, cases.opened_at, cases.resolved_at,
      cases.closed_at, cases.created_at, cases.updated_at,
      coalesce(queue.next_due_at, 'infinity'::timestamptz)::text AS due_key
    FROM case_queue queue
    JOIN cases ON cases.account_id = queue.account_id AND cases.id = queue.case_id
    JOIN accounts account ON account.id = cases.account_id
    LEFT JOIN services service ON service.id = cases.service_id
    LEFT JOIN account_contacts contact ON contact.account_id = cases.account_id AND contact.id = cases.contact_id
    LEFT JOIN teams team ON team.id = cases.team_id
    LEFT JOIN users assignee ON assignee.id = cases.assignee_id
    WHERE queue.team_id IN (${teamIds.map((_id, index) => `$${index + 1}`).join(', ')}) AND queue.open
    ORDER BY coalesce(queue.next_due_at, 'infinity'::timestamptz), queue.number
    LIMIT 51`;
  const queueHttp = await load([{ path: queuePath }], cookie);
  const queueBare = await bare(() => pool.query(queueSql, teamIds));
  // What the API runs for it: names as scalar subqueries (cases.repository.ts, selectCases).
  const apiDb = (await openDatabase({ kind: 'postgres', url, poolSize: 10 })).db;
  const queueApiSql = await bare(() =>
    listCases(apiDb, { kind: 'all' }, { teamsOf: agentId, openOnly: true }, { limit: 50 }, new Date()),
  );
  report('Queue (team, next due, first page of 50)', queueHttp, queueBare, { p95: 30, ratio: 1.5 }, [
    ["the API's query (names as subqueries)", queueApiSql],
  ]);

  // 4. Search
  const sample = (
    await pool.query(
      `SELECT number, subject FROM cases TABLESAMPLE SYSTEM (1) WHERE language = 'en' LIMIT 20`,
    )
  ).rows;
  const references = sample.map((row) => /TX[0-9A-F]{8}/.exec(row.subject)?.[0]).filter(Boolean);
  const queries = [
    ...references.slice(0, 4),
    `PD-${sample[0]?.number ?? 100001}`,
    'Netflix declined',
    'refund not received',
    'chargeback dispute',
    'pagos duplicados',
    '退款',
    'Żabka',
    'INC-4242',
  ];
  const searchHttp = await load(
    queries.map((q) => ({ path: `/api/cases/search?q=${encodeURIComponent(q)}` })),
    cookie,
  );
  let next = 0;
  const searchBare = await bare(() =>
    findBestMatches(apiDb, { accountId: undefined, internal: true }, queries[next++ % queries.length], 20),
  );
  await apiDb.destroy();
  report(`Full-text search (${queries.length} queries in rotation, 20 results)`, searchHttp, searchBare, {
    p95: 100,
  });
  // One person searching at a time: the latency a user sees when the server is not saturated.
  const searchAlone = await load(
    queries.map((q) => ({ path: `/api/cases/search?q=${encodeURIComponent(q)}` })),
    cookie,
    1,
  );
  console.log(
    `  HTTP API at 1 connection: p50 ${searchAlone.p50.toFixed(1)} ms  p95 ${searchAlone.p95.toFixed(1)} ms` +
      `  — goal p95 < 100 ms: ${searchAlone.p95 < 100 ? 'met' : 'NOT met'} at 1 connection`,
  );

  // 5. SLA recomputation (measured in step 1b, before the server started)
  const rate = (value) => Math.round(value).toLocaleString('en');
  // The goal counts open clocks (running or paused); a run also recomputes its cases' finished ones.
  const run = (figures) =>
    `${rate(figures.openClocksPerSecond)} open clocks/s  (${figures.openClocks} open of ${figures.clocks} clocks ` +
    `recomputed, ${figures.cases} cases, in ${figures.seconds.toFixed(1)} s = ${rate(figures.clocksPerSecond)} clocks/s ` +
    `counting all; ${figures.rewritten} rows rewritten, ${figures.checks} checks scheduled)`;
  console.log(`\nSLA recomputation of open cases' clocks`);
  console.log(`  every open case (manual run)             ${run(recompute.all)}`);
  console.log(
    `  "${recompute.calendar}" opens at ${recompute.opens} (from now)  ${rate(recompute.openClocksPerSecond)} open clocks/s  ` +
      `(${recompute.openClocks} open clocks of the calendar's ${recompute.casesInScope} open cases up to date in ` +
      `${recompute.seconds.toFixed(1)} s, replaying the ${recompute.cases} with a clock running past the change: ` +
      `${recompute.clocks} clocks recomputed, ${recompute.rewritten} rows rewritten, ${recompute.checks} checks scheduled)`,
  );
  console.log(
    `  check: replaying all ${recompute.fullReplay.cases} cases after it took ${recompute.fullReplay.seconds.toFixed(1)} s ` +
      `(${rate(recompute.fullReplay.openClocksPerSecond)} open clocks/s): ${recompute.fullReplay.moved} schedules moved, ` +
      `${recompute.fullReplay.breached} breaches reached in the meantime recorded`,
  );
  console.log(
    `  bare SQL writing the same rows: ${rate(recompute.floor.openClocksPerSecond)} open clocks/s (${recompute.floor.seconds.toFixed(1)} s); ` +
      `the run takes ${(recompute.seconds / recompute.floor.seconds).toFixed(2)}× as long`,
  );
  console.log(
    `  per-case path ${rate(recompute.baseline.clocksPerSecond)} clocks/s counting all  (${recompute.baseline.clocks} clocks of ${recompute.baseline.cases} cases, one transaction each)`,
  );
  console.log(
    `  ratio ${recompute.ratio.toFixed(1)}× (all clocks, both)  — goal ≥ 50,000 open clocks/s after a calendar change: ` +
      `${recompute.openClocksPerSecond >= 50_000 ? 'met' : 'NOT met'}`,
  );
} finally {
  server.kill('SIGTERM');
  await pool.end();
}

/** autocannon at 50 connections (or `clients`) over the requests in rotation; latencies (ms) from every response. */
async function load(requests, cookie, clients = connections) {
  const latencies = [];
  const instance = autocannon({
    url: base,
    connections: clients,
    duration: seconds,
    headers: { cookie },
    requests,
  });
  instance.on('response', (_client, _status, _bytes, responseTime) => latencies.push(responseTime));
  const result = await instance;
  if (result.non2xx > 0) throw new Error(`${result.non2xx} answers were not 2xx`);
  return { ...summarise(latencies), errors: result.errors + result.timeouts };
}

function summarise(latencies) {
  latencies.sort((a, b) => a - b);
  const at = (q) => latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))];
  return {
    p50: at(0.5),
    p95: at(0.95),
    rps: latencies.length / seconds,
    samples: latencies.length,
  };
}

/** The query from 50 concurrent loops on a pool of the server's size, for the same time; latencies in ms. */
async function bare(run) {
  const latencies = [];
  const end = performance.now() + seconds * 1000;
  await Promise.all(
    Array.from({ length: connections }, async () => {
      while (performance.now() < end) {
        const start = performance.now();
        await run();
        latencies.push(performance.now() - start);
      }
    }),
  );
  return summarise(latencies);
}

/** `more`: other bare figures to print, as [label, figures]; the ratio is against `sql`. */
function report(title, http, sql, goals, more = []) {
  const ms = (value) => `${value.toFixed(1)} ms`;
  const ratio = http.p95 / sql.p95;
  console.log(`\n${title}`);
  console.log(
    `  HTTP API  p50 ${ms(http.p50)}  p95 ${ms(http.p95)}  ${Math.round(http.rps)} req/s  (${http.samples} requests)`,
  );
  console.log(
    `  bare SQL  p50 ${ms(sql.p50)}  p95 ${ms(sql.p95)}  ${Math.round(sql.rps)} queries/s  (${sql.samples} queries)`,
  );
  for (const [label, figures] of more)
    console.log(
      `  bare SQL, ${label}: p50 ${ms(figures.p50)}  p95 ${ms(figures.p95)}  ${Math.round(figures.rps)} queries/s`,
    );
  console.log(
    `  p95 ratio HTTP / SQL: ${ratio.toFixed(2)}×` +
      `  — goal p95 < ${goals.p95} ms: ${http.p95 < goals.p95 ? 'met' : 'NOT met'}` +
      (goals.ratio ? `; ≤ ${goals.ratio}× bare: ${ratio <= goals.ratio ? 'met' : 'NOT met'}` : ''),
  );
}
