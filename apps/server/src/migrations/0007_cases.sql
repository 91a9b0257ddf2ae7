-- Cases: the daily work of the support desk. A case's current state is one row; everything that
-- happened to it is an ordered event (the timeline, and the history the SLA clocks are replayed
-- from); replies and internal notes are messages.

-- Case numbers people quote (PD-100001): one sequence, never reused, gaps allowed.
CREATE SEQUENCE case_numbers START WITH 100001;

CREATE TABLE cases (
  account_id uuid NOT NULL REFERENCES accounts (id),
  id uuid NOT NULL DEFAULT gen_random_uuid(),
  number bigint NOT NULL DEFAULT nextval('case_numbers'),
  subject text NOT NULL CHECK (length(subject) BETWEEN 1 AND 300),
  type text NOT NULL CHECK (type IN ('incident', 'service_request', 'question', 'complaint',
    'enhancement_request', 'payment_investigation', 'refund', 'dispute')),
  status text NOT NULL DEFAULT 'new' CHECK (status IN ('new', 'open', 'pending_customer',
    'pending_internal', 'pending_vendor', 'on_hold', 'resolved', 'closed')),
  impact text NOT NULL CHECK (impact IN ('high', 'medium', 'low')),
  urgency text NOT NULL CHECK (urgency IN ('high', 'medium', 'low')),
  priority text NOT NULL CHECK (priority IN ('P1', 'P2', 'P3', 'P4')),
  -- Set when someone overrode the matrix's priority: why.
  priority_reason text CHECK (length(priority_reason) <= 500),
  service_id uuid REFERENCES services (id),
  category text NOT NULL DEFAULT '' CHECK (length(category) <= 100),
  channel text NOT NULL CHECK (channel IN ('email', 'phone', 'portal', 'api')),
  contact_id uuid,
  team_id uuid REFERENCES teams (id),
  assignee_id uuid REFERENCES users (id),
  tier smallint NOT NULL DEFAULT 1 CHECK (tier BETWEEN 1 AND 3),
  language text NOT NULL CHECK (language IN ('en', 'es-MX', 'pl', 'zh-CN')),
  tags text[] NOT NULL DEFAULT '{}',
  external_reference text CHECK (length(external_reference) <= 200),
  -- Optimistic concurrency: a change names the version it saw (If-Match) and bumps it.
  version integer NOT NULL DEFAULT 1 CHECK (version >= 1),
  -- The soonest due instant of the case's running SLA clocks (the SLA engine keeps it): the queue's order.
  next_due_at timestamptz,
  opened_at timestamptz NOT NULL,
  resolved_at timestamptz,
  closed_at timestamptz,
  created_by uuid REFERENCES users (id),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (account_id, id),
  FOREIGN KEY (account_id, contact_id) REFERENCES account_contacts (account_id, id)
);
CREATE UNIQUE INDEX cases_number_key ON cases (number);
CREATE UNIQUE INDEX cases_id_key ON cases (id);
-- Queues: open cases of a team / an agent by next due time (no due time last).
CREATE INDEX cases_team_queue_idx ON cases (team_id, (coalesce(next_due_at, 'infinity')), number)
  WHERE status NOT IN ('resolved', 'closed');
CREATE INDEX cases_assignee_queue_idx ON cases (assignee_id, (coalesce(next_due_at, 'infinity')), number)
  WHERE status NOT IN ('resolved', 'closed');
CREATE INDEX cases_account_idx ON cases (account_id, number DESC);

CREATE TABLE case_events (
  account_id uuid NOT NULL,
  case_id uuid NOT NULL,
  -- 1, 2, … per case: the order events happened in, even within one instant.
  seq integer NOT NULL CHECK (seq >= 1),
  type text NOT NULL,
  at timestamptz NOT NULL,
  actor_id uuid REFERENCES users (id),
  data jsonb NOT NULL DEFAULT '{}' CHECK (jsonb_typeof(data) = 'object'),
  PRIMARY KEY (account_id, case_id, seq),
  FOREIGN KEY (account_id, case_id) REFERENCES cases (account_id, id)
);

CREATE TABLE case_messages (
  account_id uuid NOT NULL,
  case_id uuid NOT NULL,
  id uuid NOT NULL DEFAULT gen_random_uuid(),
  -- Public: the customer sees it (a reply); internal: staff only (a note).
  visibility text NOT NULL CHECK (visibility IN ('public', 'internal')),
  author_id uuid REFERENCES users (id),
  -- Who wrote it, as the customer and the agent see it: staff, or the customer's side.
  from_customer boolean NOT NULL,
  body text NOT NULL CHECK (length(body) BETWEEN 1 AND 100000),
  created_at timestamptz NOT NULL,
  PRIMARY KEY (account_id, case_id, id),
  FOREIGN KEY (account_id, case_id) REFERENCES cases (account_id, id),
  CHECK (NOT (from_customer AND visibility = 'internal'))
);
CREATE INDEX case_messages_case_idx ON case_messages (case_id, created_at, id);

CREATE TABLE case_watchers (
  account_id uuid NOT NULL,
  case_id uuid NOT NULL,
  user_id uuid NOT NULL REFERENCES users (id),
  PRIMARY KEY (account_id, case_id, user_id),
  FOREIGN KEY (account_id, case_id) REFERENCES cases (account_id, id)
);
