-- Vendors and the operational agreements behind the customer SLAs: internal OLAs (what a team
-- promises) and underpinning contracts (what a vendor promises). Global staff reference data, not
-- customer-scoped: one agreement serves every account's cases.

CREATE TABLE vendors (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  name text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
  kind text NOT NULL CHECK (kind IN ('card_scheme', 'processor', 'hosting', 'software', 'telecom', 'other')),
  contact_email text CHECK (length(contact_email) BETWEEN 3 AND 254),
  -- E.164 as the service stores it (spaces and brackets stripped).
  contact_phone text CHECK (contact_phone ~ '^\+[1-9][0-9]{6,14}$'),
  notes text NOT NULL DEFAULT '' CHECK (length(notes) <= 5000),
  -- Retired, never deleted: cases escalated to a vendor keep pointing at it.
  is_active boolean NOT NULL DEFAULT true,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX vendors_name_key ON vendors (lower(name));

CREATE TABLE operational_agreements (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  kind text NOT NULL CHECK (kind IN ('ola', 'underpinning')),
  team_id uuid CONSTRAINT operational_agreements_team_fk REFERENCES teams (id),
  vendor_id uuid CONSTRAINT operational_agreements_vendor_fk REFERENCES vendors (id),
  name text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
  -- For an underpinning contract, the vendor's contract number.
  reference text NOT NULL DEFAULT '' CHECK (length(reference) <= 100),
  -- An SLA policy in the same JSON form as a contract version's (validated by the service).
  policy jsonb NOT NULL CHECK (jsonb_typeof(policy) = 'object'),
  -- The policy's calendar again, as a column, so that a calendar in use cannot be deleted.
  calendar_id uuid CONSTRAINT operational_agreements_calendar_fk
    REFERENCES business_calendars (id) ON DELETE RESTRICT,
  -- In force from effective_from up to, not including, effective_to (NULL: open-ended).
  effective_from date NOT NULL,
  effective_to date,
  -- Optimistic concurrency: a replacement names the version it edited (If-Match) and bumps it.
  version integer NOT NULL DEFAULT 1 CHECK (version >= 1),
  created_by uuid REFERENCES users (id),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  CONSTRAINT operational_agreements_party CHECK (
    (kind = 'ola' AND team_id IS NOT NULL AND vendor_id IS NULL)
    OR (kind = 'underpinning' AND vendor_id IS NOT NULL AND team_id IS NULL)
  ),
  CONSTRAINT operational_agreements_dates CHECK (effective_to IS NULL OR effective_to > effective_from),
  CONSTRAINT operational_agreements_calendar_matches_policy
    CHECK (calendar_id IS NOT DISTINCT FROM (policy ->> 'calendarId')::uuid)
);
CREATE INDEX operational_agreements_team_idx ON operational_agreements (team_id, effective_from) WHERE team_id IS NOT NULL;
CREATE INDEX operational_agreements_vendor_idx ON operational_agreements (vendor_id, effective_from) WHERE vendor_id IS NOT NULL;
CREATE INDEX operational_agreements_calendar_idx ON operational_agreements (calendar_id) WHERE calendar_id IS NOT NULL;
