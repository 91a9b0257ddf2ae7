-- Contracts: what was promised to a customer, as a chain of immutable versions. A version's terms
-- (fees, term, services, SLA policies, availability targets, service credits, penalties) are one
-- jsonb document validated by the pure `contract-terms` module; the columns here are what the
-- database must index or enforce.

CREATE TABLE contracts (
  account_id uuid NOT NULL REFERENCES accounts (id),
  id uuid NOT NULL DEFAULT gen_random_uuid(),
  -- The reference people quote ("MSA-2024-017"); unique across the operator.
  reference text NOT NULL CHECK (reference ~ '^[A-Za-z0-9][A-Za-z0-9._/-]{0,49}$'),
  status text NOT NULL DEFAULT 'draft'
    CHECK (status IN ('draft', 'active', 'amended', 'renewed', 'expired', 'terminated')),
  owner_id uuid REFERENCES users (id),
  -- The newest version's number; every change bumps `revision` (the ETag for If-Match).
  latest_version integer NOT NULL DEFAULT 1 CHECK (latest_version >= 1),
  revision integer NOT NULL DEFAULT 1 CHECK (revision >= 1),
  -- Copied from the newest version for lists, search and the renewal scan.
  title text NOT NULL CHECK (length(title) BETWEEN 1 AND 200),
  start_date date NOT NULL,
  end_date date CHECK (end_date IS NULL OR end_date > start_date),
  activated_at timestamptz,
  ended_at timestamptz,
  end_reason text CHECK (length(end_reason) <= 2000),
  created_by uuid REFERENCES users (id),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (account_id, id)
);
CREATE UNIQUE INDEX contracts_reference_key ON contracts (lower(reference));
CREATE UNIQUE INDEX contracts_id_key ON contracts (id);
-- The renewal and expiry scans look only at contracts in force with an end date.
CREATE INDEX contracts_in_force_end_idx ON contracts (end_date)
  WHERE status IN ('active', 'amended', 'renewed') AND end_date IS NOT NULL;

CREATE TABLE contract_versions (
  account_id uuid NOT NULL,
  contract_id uuid NOT NULL,
  version integer NOT NULL CHECK (version >= 1),
  kind text NOT NULL CHECK (kind IN ('original', 'amendment', 'renewal')),
  -- The civil date (in the account's time zone) from which these terms apply.
  effective_from date NOT NULL,
  summary text NOT NULL DEFAULT '' CHECK (length(summary) <= 2000),
  terms jsonb NOT NULL CHECK (jsonb_typeof(terms) = 'object'),
  change_request_id uuid,
  created_by uuid REFERENCES users (id),
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (account_id, contract_id, version),
  FOREIGN KEY (account_id, contract_id) REFERENCES contracts (account_id, id) ON DELETE CASCADE
);

-- Which business calendars a version's SLA policies count on. Derived from the terms in the same
-- transaction, so that a calendar in use cannot be deleted (RESTRICT) and a calendar change can
-- find the contracts whose clocks it moves.
CREATE TABLE contract_version_calendars (
  account_id uuid NOT NULL,
  contract_id uuid NOT NULL,
  version integer NOT NULL,
  calendar_id uuid NOT NULL REFERENCES business_calendars (id) ON DELETE RESTRICT,
  PRIMARY KEY (account_id, contract_id, version, calendar_id),
  FOREIGN KEY (account_id, contract_id, version)
    REFERENCES contract_versions (account_id, contract_id, version) ON DELETE CASCADE
);
CREATE INDEX contract_version_calendars_calendar_idx ON contract_version_calendars (calendar_id);

CREATE TABLE contract_documents (
  account_id uuid NOT NULL,
  contract_id uuid NOT NULL,
  id uuid NOT NULL DEFAULT gen_random_uuid(),
  file_name text NOT NULL CHECK (length(file_name) BETWEEN 1 AND 255),
  content_type text NOT NULL,
  size_bytes bigint NOT NULL CHECK (size_bytes > 0),
  -- Content address in the file store: the SHA-256 of the bytes, hex.
  sha256 text NOT NULL CHECK (sha256 ~ '^[0-9a-f]{64}$'),
  version integer,
  uploaded_by uuid REFERENCES users (id),
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (account_id, contract_id, id),
  FOREIGN KEY (account_id, contract_id) REFERENCES contracts (account_id, id) ON DELETE CASCADE
);

CREATE TABLE contract_change_requests (
  account_id uuid NOT NULL,
  contract_id uuid NOT NULL,
  id uuid NOT NULL DEFAULT gen_random_uuid(),
  title text NOT NULL CHECK (length(title) BETWEEN 1 AND 200),
  description text NOT NULL DEFAULT '' CHECK (length(description) <= 10000),
  status text NOT NULL DEFAULT 'requested'
    CHECK (status IN ('requested', 'approved', 'rejected', 'implemented', 'withdrawn')),
  requested_by uuid NOT NULL REFERENCES users (id),
  decided_by uuid REFERENCES users (id),
  decided_at timestamptz,
  decision_note text NOT NULL DEFAULT '' CHECK (length(decision_note) <= 2000),
  implemented_version integer,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (account_id, contract_id, id),
  FOREIGN KEY (account_id, contract_id) REFERENCES contracts (account_id, id) ON DELETE CASCADE
);

-- One row per renewal reminder sent: the unique key is what makes each reminder go exactly once,
-- however often and on however many processes the scan runs. A renewal moves the end date, so the
-- next term's reminders are new rows.
CREATE TABLE contract_renewal_reminders (
  account_id uuid NOT NULL,
  contract_id uuid NOT NULL,
  end_date date NOT NULL,
  days_before integer NOT NULL CHECK (days_before IN (90, 60, 30)),
  sent_at timestamptz NOT NULL,
  PRIMARY KEY (account_id, contract_id, end_date, days_before),
  FOREIGN KEY (account_id, contract_id) REFERENCES contracts (account_id, id) ON DELETE CASCADE
);
