-- Work routing: which agent a case goes to, and where it goes when the first line cannot solve it.
-- Agents have routing profiles (skills, languages, a cap on open cases); teams say whether their
-- queue assigns itself, round robin; every escalation (a tier up, to another team or a vendor, or
-- to a manager) is kept as history.

CREATE TABLE agent_routing_profiles (
  user_id uuid PRIMARY KEY REFERENCES users (id) ON DELETE CASCADE,
  -- Skills: a case matches when its service or its type is listed; both lists empty is a generalist.
  service_codes text[] NOT NULL DEFAULT '{}',
  case_types text[] NOT NULL DEFAULT '{}' CHECK (case_types <@ ARRAY['incident', 'service_request',
    'question', 'complaint', 'enhancement_request', 'payment_investigation', 'refund', 'dispute']),
  languages text[] NOT NULL CHECK (cardinality(languages) >= 1
    AND languages <@ ARRAY['en', 'es-MX', 'pl', 'zh-CN']),
  -- At most this many open (not resolved or closed) cases assigned before routing passes them over.
  load_cap integer NOT NULL CHECK (load_cap BETWEEN 0 AND 500),
  is_available boolean NOT NULL DEFAULT true,
  updated_at timestamptz NOT NULL DEFAULT now()
);

-- One row per team that has routing settings. The row is also the round-robin cursor, locked
-- (FOR UPDATE) by every automatic assignment into the team, so two cases landing at once take turns.
CREATE TABLE team_routing (
  team_id uuid PRIMARY KEY REFERENCES teams (id) ON DELETE CASCADE,
  auto_assign boolean NOT NULL DEFAULT false,
  last_assigned_user_id uuid REFERENCES users (id) ON DELETE SET NULL,
  last_assigned_at timestamptz,
  updated_at timestamptz NOT NULL DEFAULT now()
);

-- The vendor a case was last escalated to, with the vendor's own ticket number: while the case is
-- pending_vendor, the SLA engine finds the vendor's underpinning contract through it.
ALTER TABLE cases
  ADD COLUMN vendor_id uuid REFERENCES vendors (id),
  ADD COLUMN vendor_reference text CHECK (length(vendor_reference) BETWEEN 1 AND 200),
  ADD CONSTRAINT cases_vendor_pair_check CHECK ((vendor_id IS NULL) = (vendor_reference IS NULL));

CREATE TABLE case_escalations (
  account_id uuid NOT NULL,
  case_id uuid NOT NULL,
  id uuid NOT NULL DEFAULT gen_random_uuid(),
  -- The order escalations happened in, also within one instant.
  seq bigint GENERATED ALWAYS AS IDENTITY,
  kind text NOT NULL CHECK (kind IN ('tier', 'functional', 'hierarchical')),
  from_tier smallint NOT NULL CHECK (from_tier BETWEEN 1 AND 3),
  to_tier smallint NOT NULL CHECK (to_tier BETWEEN 1 AND 3),
  from_team_id uuid REFERENCES teams (id),
  to_team_id uuid REFERENCES teams (id),
  vendor_id uuid REFERENCES vendors (id),
  external_reference text CHECK (length(external_reference) BETWEEN 1 AND 200),
  -- Hierarchical: the manager named, or none when the team's leads were told.
  manager_id uuid REFERENCES users (id),
  notified_user_ids uuid[] NOT NULL DEFAULT '{}',
  reason text NOT NULL CHECK (length(reason) BETWEEN 1 AND 2000),
  escalated_at timestamptz NOT NULL,
  escalated_by uuid REFERENCES users (id),
  PRIMARY KEY (account_id, case_id, id),
  FOREIGN KEY (account_id, case_id) REFERENCES cases (account_id, id),
  CHECK ((kind = 'tier') = (to_tier = from_tier + 1)),
  CHECK ((vendor_id IS NULL) = (external_reference IS NULL)),
  CHECK (kind = 'functional' OR vendor_id IS NULL),
  CHECK (kind <> 'functional' OR (to_team_id IS NULL) <> (vendor_id IS NULL))
);
CREATE INDEX case_escalations_case_idx ON case_escalations (case_id, seq);
