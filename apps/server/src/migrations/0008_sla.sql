-- SLA engine: each case's clocks as last computed from its event history (a cache the engine can
-- drop and rebuild at any time), the claims that make each warning and breach fire exactly once, and
-- the penalties breaches accrue.

CREATE TABLE sla_clocks (
  account_id uuid NOT NULL,
  case_id uuid NOT NULL,
  -- Whose promise: the customer's contract, the owner team's OLA, or a vendor's underpinning contract.
  source text NOT NULL CHECK (source IN ('customer', 'ola', 'underpinning')),
  metric text NOT NULL CHECK (metric IN ('firstResponse', 'nextResponse', 'resolution', 'periodicUpdate')),
  cycle integer NOT NULL CHECK (cycle >= 1),
  -- The policy's origin: a contract version (customer) or an operational agreement (OLA, UC).
  contract_id uuid,
  contract_version integer,
  agreement_id uuid,
  policy_name text NOT NULL,
  status text NOT NULL CHECK (status IN ('running', 'paused', 'met', 'breached', 'stopped')),
  target_ms bigint NOT NULL CHECK (target_ms > 0),
  -- NULL: the policy runs 24×7.
  calendar_id uuid,
  started_at timestamptz NOT NULL,
  -- [{ "from": ISO, "to": ISO | null, "reason": … }]
  pauses jsonb NOT NULL DEFAULT '[]' CHECK (jsonb_typeof(pauses) = 'array'),
  due_at timestamptz,
  remaining_ms bigint NOT NULL,
  business_elapsed_ms bigint NOT NULL CHECK (business_elapsed_ms >= 0),
  breached_at timestamptz,
  stopped_at timestamptz,
  -- [{ "thresholdPercent": 50, "at": ISO }]
  warnings jsonb NOT NULL DEFAULT '[]' CHECK (jsonb_typeof(warnings) = 'array'),
  updated_at timestamptz NOT NULL,
  PRIMARY KEY (account_id, case_id, source, metric, cycle),
  FOREIGN KEY (account_id, case_id) REFERENCES cases (account_id, id) ON DELETE CASCADE,
  CONSTRAINT sla_clocks_origin CHECK (
    (source = 'customer' AND contract_id IS NOT NULL AND contract_version IS NOT NULL AND agreement_id IS NULL)
    OR (source <> 'customer' AND agreement_id IS NOT NULL AND contract_id IS NULL AND contract_version IS NULL)
  )
);
-- "Which clocks are about to breach" and the recomputation after a calendar change.
CREATE INDEX sla_clocks_running_due_idx ON sla_clocks (due_at) WHERE status = 'running';
CREATE INDEX sla_clocks_open_calendar_idx ON sla_clocks (calendar_id) WHERE status IN ('running', 'paused');

-- One row per warning threshold or breach that has fired: the check inserts it with ON CONFLICT DO
-- NOTHING and acts only when the insert returned a row, so several processes and job retries fire it
-- once. Kept when clocks are recomputed: a fired alert stays fired.
CREATE TABLE sla_alerts (
  account_id uuid NOT NULL,
  case_id uuid NOT NULL,
  source text NOT NULL CHECK (source IN ('customer', 'ola', 'underpinning')),
  metric text NOT NULL,
  cycle integer NOT NULL CHECK (cycle >= 1),
  -- Percent of the target: a warning threshold (1–99), or 100 for the breach.
  threshold integer NOT NULL CHECK (threshold BETWEEN 1 AND 100),
  reached_at timestamptz NOT NULL,
  claimed_at timestamptz NOT NULL,
  -- Breach actions that change the case (raise_priority, reassign): they run in their own
  -- transaction after the claim commits, and are cleared once done, so a failed run is retried.
  pending_actions jsonb NOT NULL DEFAULT '[]' CHECK (jsonb_typeof(pending_actions) = 'array'),
  -- The priority raise_priority moves the case to (one step above its priority at the breach).
  raise_to text CHECK (raise_to IN ('P1', 'P2', 'P3', 'P4')),
  PRIMARY KEY (account_id, case_id, source, metric, cycle, threshold),
  FOREIGN KEY (account_id, case_id) REFERENCES cases (account_id, id) ON DELETE CASCADE
);
CREATE INDEX sla_alerts_pending_idx ON sla_alerts (account_id, case_id) WHERE pending_actions <> '[]';

-- A contract's fixed per-incident penalty, accrued when a customer resolution clock breaches: once
-- per case and contract, whatever reopens or cycles follow.
CREATE TABLE sla_penalties (
  account_id uuid NOT NULL,
  id uuid NOT NULL DEFAULT gen_random_uuid(),
  contract_id uuid NOT NULL,
  contract_version integer NOT NULL,
  case_id uuid NOT NULL,
  metric text NOT NULL,
  cycle integer NOT NULL,
  priority text NOT NULL CHECK (priority IN ('P1', 'P2', 'P3', 'P4')),
  amount_minor bigint NOT NULL CHECK (amount_minor >= 0),
  currency text NOT NULL CHECK (currency ~ '^[A-Z]{3}$'),
  accrued_at timestamptz NOT NULL,
  PRIMARY KEY (account_id, id),
  UNIQUE (account_id, case_id, contract_id),
  FOREIGN KEY (account_id, case_id) REFERENCES cases (account_id, id),
  FOREIGN KEY (account_id, contract_id) REFERENCES contracts (account_id, id)
);
CREATE INDEX sla_penalties_contract_idx ON sla_penalties (account_id, contract_id, accrued_at);
