import { sql } from 'kysely';
import type { Db, Tx } from '../platform/db/index.ts';

/**
 * `paydesk seed --cases N`: N realistic cases with their history, for benchmarks. The cases service
 * replays one case in a few milliseconds, so a million would take hours; this writes batches with
 * set-based INSERT … SELECT over generate_series instead (tens of thousands of cases a second on
 * PostgreSQL).
 *
 * The trade-off: the rows are written directly, not through the service, so this code must keep
 * what the service guarantees. Each case's events tell exactly the story its state shows (opened,
 * assigned, first public reply that opens it, a customer reply, the move to its current status,
 * resolved before closed), with the event data the service writes, so SLA clocks can be replayed
 * from them. The SLA engine's clock cache (sla_clocks) is not written: the queue's order (the open
 * cases' `case_queue.next_due_at`) is set to a 24×7 resolution estimate by priority until the engine
 * recomputes the clocks.
 * No audit entries are written: generated cases are benchmark data, not anybody's action.
 */

const batchSize = 10_000;

/** Templates per language: {m} a merchant, {r} a transaction reference, {a} an amount. */
const texts: Record<
  string,
  { subjects: string[]; descriptions: string[]; replies: string[]; notes: string[] }
> = {
  en: {
    subjects: [
      'Card payment to {m} declined with code 05',
      'Refund for {m} not received, reference {r}',
      'Duplicate Faster Payments credit from {m}',
      'Chargeback dispute on transaction {r}',
      'Settlement file missing payments from {m}',
      'Question about interchange fees for {m}',
      'Bacs Direct Debit collection failed for {m}',
      'Delayed SEPA transfer {r}',
    ],
    descriptions: [
      'Our customer paid {m} {a} and the payment was declined although the balance was sufficient. Transaction {r}.',
      'The refund of {a} from {m} was confirmed a week ago but has not arrived. Reference {r}.',
      'We received the credit of {a} from {m} twice in this morning’s cycle. Please investigate {r}.',
      'The cardholder disputes {a} at {m}; they say they never authorised transaction {r}.',
    ],
    replies: [
      'Thanks for reporting this. We are tracing transaction {r} with the scheme and will update you shortly.',
      'We can see the payment to {m} in our logs; it was held by the fraud rules. Releasing it now.',
      'The settlement for {m} has been re-sent. Please confirm that {r} now appears in your file.',
    ],
    notes: [
      'Scheme log shows a timeout at the acquirer for {r}; raised with the vendor.',
      'Same pattern as last week with {m}: likely a reconciliation mismatch.',
    ],
  },
  'es-MX': {
    subjects: [
      'Pago con tarjeta a {m} rechazado',
      'Reembolso de {m} no recibido, referencia {r}',
      'Pagos duplicados de {m} en el corte',
      'Contracargo por la transacción {r}',
      'Transferencia SPEI {r} retrasada',
    ],
    descriptions: [
      'Nuestro cliente pagó {a} a {m} y el pago fue rechazado aunque tenía saldo. Transacción {r}.',
      'El reembolso de {a} de {m} se confirmó hace una semana pero no ha llegado. Referencia {r}.',
      'Recibimos dos veces el abono de {a} de {m} en el corte de hoy. Favor de revisar {r}.',
    ],
    replies: [
      'Gracias por el reporte. Estamos rastreando la transacción {r} y le informaremos pronto.',
      'Vemos el pago a {m} en nuestros registros; lo retuvieron las reglas antifraude. Ya fue liberado.',
    ],
    notes: ['El registro del esquema muestra un tiempo de espera en el adquirente para {r}.'],
  },
  pl: {
    subjects: [
      'Płatność kartą w {m} odrzucona',
      'Zwrot od {m} nie dotarł, referencja {r}',
      'Zduplikowany przelew od {m}',
      'Reklamacja transakcji {r}',
      'Opóźniony przelew Elixir {r}',
    ],
    descriptions: [
      'Klient zapłacił {a} w {m}, a płatność została odrzucona mimo wystarczających środków. Transakcja {r}.',
      'Zwrot {a} od {m} potwierdzono tydzień temu, ale nie wpłynął. Referencja {r}.',
      'Klient zgłasza obciążenie {a} w {m}, którego nie autoryzował. Transakcja {r}.',
    ],
    replies: [
      'Dziękujemy za zgłoszenie. Sprawdzamy transakcję {r} i wkrótce wrócimy z odpowiedzią.',
      'Widzimy płatność do {m} w logach; zatrzymały ją reguły antyfraudowe. Zwalniamy ją teraz.',
    ],
    notes: ['Log schematu pokazuje przekroczenie czasu u agenta rozliczeniowego dla {r}.'],
  },
  'zh-CN': {
    subjects: [
      '{m} 的银行卡支付被拒绝',
      '{m} 的退款未到账，参考号 {r}',
      '{m} 的重复入账',
      '交易 {r} 的拒付争议',
      '跨境汇款 {r} 延迟',
    ],
    descriptions: [
      '客户在{m}支付了{a}，余额充足但支付被拒绝。交易号{r}。',
      '{m}的{a}退款一周前已确认，但仍未到账。参考号{r}。',
      '今天的清算批次中{m}的{a}入账重复了两次，请核查{r}。',
    ],
    replies: [
      '感谢您的反馈。我们正在追踪交易{r}，稍后会更新进展。',
      '我们在日志中看到了对{m}的付款，它被风控规则拦截，现已放行。',
    ],
    notes: ['清算日志显示{r}在收单机构处超时，已提交给供应商。'],
  },
};

const merchants = [
  'Tesco Express',
  'Amazon EU',
  'Uber Trips',
  'Netflix',
  'Shell Station 114',
  'IKEA Warszawa',
  'Żabka',
  'Allegro',
  'OXXO Reforma',
  'Liverpool Polanco',
  'Mercado Libre',
  'Walmart Express',
  'Starbucks 2211',
  'Taobao',
  'JD Logistics',
  'Meituan',
  'Booking.com',
  'Ryanair',
  'Deliveroo',
  'Boots Pharmacy',
];

/** Resolution estimates per priority (hours), the queue's order until the SLA engine recomputes it. */
const dueHours = { P1: 4, P2: 8, P3: 24, P4: 72 };

export interface GenerateResult {
  generated: number;
  seconds: number;
}

export async function generateCases(
  db: Db,
  options: { count: number; now?: Date; days?: number; onProgress?: (done: number) => void },
): Promise<GenerateResult> {
  const started = Date.now();
  const now = options.now ?? new Date();
  const days = options.days ?? 90;
  const accounts = await db.selectFrom('accounts').select(['id', 'defaultLanguage']).execute();
  if (accounts.length === 0) throw new Error('No accounts to generate cases for: seed the demo first');
  const contacts = await db.selectFrom('accountContacts').select(['accountId', 'id']).execute();
  const teams = await db
    .selectFrom('teams')
    .leftJoin('teamMembers', 'teamMembers.teamId', 'teams.id')
    .leftJoin('users', (join) =>
      join.onRef('users.id', '=', 'teamMembers.userId').on('users.isActive', '=', true),
    )
    .select(['teams.id', sql<string[]>`array_remove(array_agg(users.id::text), null)`.as('members')])
    .groupBy('teams.id')
    .execute();
  const services = await db.selectFrom('services').select('id').where('isActive', '=', true).execute();
  const parameters = JSON.stringify({
    accounts: accounts.map((account) => ({
      id: account.id,
      language: account.defaultLanguage,
      contacts: contacts.filter((contact) => contact.accountId === account.id).map((contact) => contact.id),
    })),
    teams: teams.map((team) => ({ id: team.id, members: team.members })),
    services: services.map((service) => service.id),
    texts,
    merchants,
    dueHours,
  });

  let done = 0;
  while (done < options.count) {
    const size = Math.min(batchSize, options.count - done);
    await db.transaction().execute((tx) => insertBatch(tx, parameters, size, now, days));
    done += size;
    options.onProgress?.(done);
  }
  return { generated: done, seconds: (Date.now() - started) / 1000 };
}

/**
 * One batch, in four statements: the cases' stories are drawn into a temporary table (every instant
 * in order: opened < first reply < customer reply < resolved < closed < now), then the cases, their
 * messages and their events are written from it.
 */
async function insertBatch(tx: Tx, parameters: string, size: number, now: Date, days: number) {
  await sql`
    CREATE TEMPORARY TABLE generated_cases ON COMMIT DROP AS
    WITH p AS (SELECT ${parameters}::jsonb AS p),
    draw AS (
      SELECT g, random() AS r_status, random() AS r_age, random() AS r_team, random() AS r_reply,
        random() AS r_resolve, random() AS r_text, random() AS r_merchant, random() AS r_note,
        (p.p -> 'accounts') -> floor(random() * jsonb_array_length(p.p -> 'accounts'))::int AS account,
        (p.p -> 'teams') -> floor(random() * jsonb_array_length(p.p -> 'teams'))::int AS team,
        p.p
      FROM generate_series(1, ${size}::int) AS g, p
    ),
    shaped AS (
      SELECT d.*,
        -- At least an hour old: the story's later steps (assignment a minute in, replies, a status
        -- change two minutes after the reply) must all lie in the past.
        ${now}::timestamptz - interval '1 hour' - (d.r_age ^ 1.5) * ${days}::int * interval '1 day' AS opened_at,
        d.account ->> 'language' AS language,
        (array['incident', 'service_request', 'question', 'complaint', 'enhancement_request',
          'payment_investigation', 'refund', 'dispute'])[1 + floor(random() * 8)::int] AS type,
        (array['high', 'medium', 'medium', 'low', 'low'])[1 + floor(random() * 5)::int] AS impact,
        (array['high', 'medium', 'medium', 'low'])[1 + floor(random() * 4)::int] AS urgency,
        (array['email', 'phone', 'portal', 'portal', 'api'])[1 + floor(random() * 5)::int] AS channel,
        d.p -> 'merchants' ->> floor(d.r_merchant * jsonb_array_length(d.p -> 'merchants'))::int AS merchant,
        'TX' || upper(left(md5(d.g::text || random()::text), 8)) AS reference,
        to_char(5 + random() * 4995, 'FM9990.00') AS amount
      FROM draw d
    ),
    stories AS (
      SELECT s.*,
        CASE WHEN s.opened_at > ${now}::timestamptz - interval '3 days'
          THEN (array['new', 'open', 'open', 'pending_customer', 'pending_internal', 'pending_vendor',
            'on_hold', 'resolved'])[1 + floor(s.r_status * 8)::int]
          ELSE (array['open', 'pending_customer', 'pending_internal', 'resolved', 'resolved', 'closed',
            'closed', 'closed', 'closed', 'closed'])[1 + floor(s.r_status * 10)::int]
        END AS status,
        CASE WHEN s.impact = 'high' AND s.urgency = 'high' THEN 'P1'
          WHEN (s.impact = 'high' AND s.urgency = 'medium') OR (s.impact = 'medium' AND s.urgency = 'high') THEN 'P2'
          WHEN (s.impact = 'high' AND s.urgency = 'low') OR (s.impact = 'medium' AND s.urgency = 'medium')
            OR (s.impact = 'low' AND s.urgency = 'high') THEN 'P3'
          ELSE 'P4' END AS priority
      FROM shaped s
    ),
    timed AS (
      SELECT t.*,
        t.opened_at + least((${now}::timestamptz - t.opened_at) * 0.3,
          interval '10 minutes' + t.r_reply * interval '8 hours') AS replied_at
      FROM stories t
    )
    SELECT gen_random_uuid() AS id, (t.account ->> 'id')::uuid AS account_id, t.language, t.type, t.impact,
      t.urgency, t.priority, t.channel, t.status, t.opened_at,
      CASE WHEN t.status = 'new' THEN NULL ELSE t.replied_at END AS replied_at,
      t.replied_at + (${now}::timestamptz - t.replied_at) * 0.1 AS customer_replied_at,
      CASE WHEN t.status IN ('resolved', 'closed')
        THEN t.replied_at + (${now}::timestamptz - t.replied_at) * (0.15 + 0.3 * t.r_resolve) END AS resolved_at,
      CASE WHEN t.status = 'closed'
        THEN t.replied_at + (${now}::timestamptz - t.replied_at) * (0.5 + 0.3 * t.r_resolve) END AS closed_at,
      (t.team ->> 'id')::uuid AS team_id,
      CASE WHEN t.status = 'new' OR jsonb_array_length(t.team -> 'members') = 0 THEN NULL
        ELSE (t.team -> 'members' ->> floor(t.r_team * jsonb_array_length(t.team -> 'members'))::int)::uuid
      END AS assignee_id,
      CASE WHEN jsonb_array_length(t.account -> 'contacts') = 0 THEN NULL
        ELSE (t.account -> 'contacts' ->> floor(t.r_text * jsonb_array_length(t.account -> 'contacts'))::int)::uuid
      END AS contact_id,
      CASE WHEN random() < 0.6 AND jsonb_array_length(t.p -> 'services') > 0
        THEN (t.p -> 'services' ->> floor(random() * jsonb_array_length(t.p -> 'services'))::int)::uuid
      END AS service_id,
      CASE WHEN random() < 0.3 THEN 'INC-' || (100000 + floor(random() * 900000))::text END AS external_reference,
      t.r_note < 0.3 AS has_note,
      t.status IN ('resolved', 'closed', 'open') AND t.r_note > 0.5 AS has_customer_reply,
      (SELECT replace(replace(replace(x.template, '{m}', t.merchant), '{r}', t.reference), '{a}', t.amount)
       FROM (SELECT t.p -> 'texts' -> t.language -> 'subjects'
         ->> floor(t.r_text * jsonb_array_length(t.p -> 'texts' -> t.language -> 'subjects'))::int AS template) x)
        AS subject,
      (SELECT replace(replace(replace(x.template, '{m}', t.merchant), '{r}', t.reference), '{a}', t.amount)
       FROM (SELECT t.p -> 'texts' -> t.language -> 'descriptions'
         ->> floor(t.r_merchant * jsonb_array_length(t.p -> 'texts' -> t.language -> 'descriptions'))::int AS template) x)
        AS description,
      (SELECT replace(replace(replace(x.template, '{m}', t.merchant), '{r}', t.reference), '{a}', t.amount)
       FROM (SELECT t.p -> 'texts' -> t.language -> 'replies'
         ->> floor(t.r_reply * jsonb_array_length(t.p -> 'texts' -> t.language -> 'replies'))::int AS template) x)
        AS reply,
      (SELECT replace(replace(x.template, '{m}', t.merchant), '{r}', t.reference)
       FROM (SELECT t.p -> 'texts' -> t.language -> 'notes'
         ->> floor(t.r_resolve * jsonb_array_length(t.p -> 'texts' -> t.language -> 'notes'))::int AS template) x)
        AS note,
      ((t.p -> 'dueHours' ->> t.priority)::int) * interval '1 hour' AS due_after,
      gen_random_uuid() AS description_id, gen_random_uuid() AS reply_id,
      gen_random_uuid() AS customer_reply_id, gen_random_uuid() AS note_id
    FROM timed t`.execute(tx);

  await sql`
    INSERT INTO cases (account_id, id, subject, type, status, impact, urgency, priority, service_id, channel,
      contact_id, team_id, assignee_id, language, external_reference, opened_at, resolved_at,
      closed_at, created_at, updated_at)
    SELECT account_id, id, subject, type, status, impact, urgency, priority, service_id, channel, contact_id,
      team_id, assignee_id, language, external_reference, opened_at, resolved_at, closed_at, opened_at,
      greatest(opened_at + interval '1 minute', replied_at,
        CASE WHEN has_customer_reply THEN customer_replied_at END, resolved_at, closed_at)
    FROM generated_cases`.execute(tx);

  // The cases' queue rows came with them (0018's trigger); the open ones get their estimate.
  await sql`
    UPDATE case_queue q SET next_due_at = g.opened_at + g.due_after
    FROM generated_cases g
    WHERE q.account_id = g.account_id AND q.case_id = g.id AND q.open`.execute(tx);

  await sql`
    INSERT INTO case_messages (account_id, case_id, id, visibility, author_id, from_customer, body, created_at)
    SELECT account_id, id, description_id, 'public', NULL, true, description, opened_at FROM generated_cases
    UNION ALL
    SELECT account_id, id, reply_id, 'public', assignee_id, false, reply, replied_at
      FROM generated_cases WHERE replied_at IS NOT NULL
    UNION ALL
    SELECT account_id, id, customer_reply_id, 'public', NULL, true, 'Thank you, that explains it.', customer_replied_at
      FROM generated_cases WHERE replied_at IS NOT NULL AND has_customer_reply
    UNION ALL
    SELECT account_id, id, note_id, 'internal', assignee_id, false, note, replied_at + interval '1 minute'
      FROM generated_cases WHERE replied_at IS NOT NULL AND has_note`.execute(tx);

  // The story, in order: `ord` breaks ties within an instant as the service would have appended them.
  await sql`
    INSERT INTO case_events (account_id, case_id, seq, type, at, actor_id, data)
    SELECT account_id, case_id, row_number() OVER (PARTITION BY case_id ORDER BY at, ord), type, at, actor_id, data
    FROM (
      SELECT account_id, id AS case_id, 1 AS ord, 'opened' AS type, opened_at AS at, NULL::uuid AS actor_id,
        jsonb_build_object('status', 'new', 'priority', priority, 'channel', channel, 'messageId', description_id) AS data
      FROM generated_cases
      UNION ALL
      SELECT account_id, id, 2, 'assigned', opened_at + interval '1 minute', NULL,
        jsonb_build_object('from', jsonb_build_object('teamId', NULL, 'assigneeId', NULL),
          'to', jsonb_build_object('teamId', team_id, 'assigneeId', assignee_id))
      FROM generated_cases
      UNION ALL
      SELECT account_id, id, 3, 'staff_replied', replied_at, assignee_id,
        jsonb_build_object('messageId', reply_id, 'public', true)
      FROM generated_cases WHERE replied_at IS NOT NULL
      UNION ALL
      SELECT account_id, id, 4, 'status_changed', replied_at, assignee_id,
        jsonb_build_object('from', 'new', 'to', 'open', 'by', 'reply')
      FROM generated_cases WHERE replied_at IS NOT NULL
      UNION ALL
      SELECT account_id, id, 5, 'staff_replied', replied_at + interval '1 minute', assignee_id,
        jsonb_build_object('messageId', note_id, 'public', false)
      FROM generated_cases WHERE replied_at IS NOT NULL AND has_note
      UNION ALL
      SELECT account_id, id, 6, 'customer_replied', customer_replied_at, NULL,
        jsonb_build_object('messageId', customer_reply_id)
      FROM generated_cases WHERE replied_at IS NOT NULL AND has_customer_reply
      UNION ALL
      SELECT account_id, id, 7, 'status_changed', replied_at + interval '2 minutes', assignee_id,
        jsonb_build_object('from', 'open', 'to', status)
      FROM generated_cases WHERE status LIKE 'pending%' OR status = 'on_hold'
      UNION ALL
      SELECT account_id, id, 8, 'status_changed', resolved_at, assignee_id,
        jsonb_build_object('from', 'open', 'to', 'resolved')
      FROM generated_cases WHERE resolved_at IS NOT NULL
      UNION ALL
      SELECT account_id, id, 9, 'status_changed', closed_at, assignee_id,
        jsonb_build_object('from', 'resolved', 'to', 'closed')
      FROM generated_cases WHERE closed_at IS NOT NULL
    ) AS story`.execute(tx);
}
