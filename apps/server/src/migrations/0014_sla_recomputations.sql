-- SLA recomputations: a background run that recomputes the clocks of every open case a change
-- touches (a calendar's hours, a contract's SLA, an operational agreement) or that someone asked
-- for, with its progress. The run works through the cases in keyset order and commits its place
-- with every batch, so a run cut short by a dying process continues where it stopped.
CREATE TABLE sla_recomputations (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  -- Why: what changed (its id), or a person asking (manual, no id).
  trigger text NOT NULL CHECK (trigger IN ('calendar', 'contract', 'agreement', 'manual')),
  trigger_id uuid,
  -- Which open cases: every one, those with an open clock on a calendar, or an account's, a team's,
  -- a vendor's.
  scope text NOT NULL CHECK (scope IN ('all', 'calendar', 'account', 'team', 'vendor')),
  scope_id uuid,
  requested_by uuid REFERENCES users (id),
  status text NOT NULL DEFAULT 'queued' CHECK (status IN ('queued', 'running', 'done', 'failed')),
  -- Counted when the run starts: the open cases in scope then.
  total_cases integer CHECK (total_cases >= 0),
  cases_done integer NOT NULL DEFAULT 0 CHECK (cases_done >= 0),
  clocks_written bigint NOT NULL DEFAULT 0 CHECK (clocks_written >= 0),
  -- The last case of the last committed batch (keyset order): where a restarted run goes on from.
  after_account_id uuid,
  after_case_id uuid,
  requested_at timestamptz NOT NULL,
  started_at timestamptz,
  finished_at timestamptz,
  error text,
  CHECK ((scope = 'all') = (scope_id IS NULL)),
  CHECK ((trigger = 'manual') = (trigger_id IS NULL)),
  CHECK ((after_account_id IS NULL) = (after_case_id IS NULL))
);
-- Coalescing: one queued run per target. Ten quick edits of a calendar queue one run; an edit made
-- while a run is under way queues the next one (the running one may already have passed its cases).
CREATE UNIQUE INDEX sla_recomputations_queued_key
  ON sla_recomputations (scope, (coalesce(scope_id, '00000000-0000-0000-0000-000000000000')))
  WHERE status = 'queued';
CREATE INDEX sla_recomputations_requested_idx ON sla_recomputations (requested_at DESC, id DESC);

-- A calendar's open clocks in keyset order (account, case): a run reads each batch as an index range
-- instead of re-sorting every open clock on the calendar per batch. It covers what
-- sla_clocks_open_calendar_idx was for, so that one goes (one index fewer to keep on every write).
CREATE INDEX sla_clocks_open_calendar_case_idx ON sla_clocks (calendar_id, account_id, case_id)
  WHERE status IN ('running', 'paused');
DROP INDEX sla_clocks_open_calendar_idx;
