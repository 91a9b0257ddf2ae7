-- Accounts: the commercial side of a customer organisation — segment and owner, contacts, the
-- service catalogue and what each account subscribes to, relationship notes and opportunities.
-- Customer-scoped tables carry account_id first in every key (the Citus path in DESIGN.md); the
-- service catalogue is a small global reference table.

ALTER TABLE accounts
  ADD COLUMN segment text CHECK (segment IN ('strategic', 'enterprise', 'mid_market', 'emerging')),
  -- The account manager who owns the relationship; users stay when an account is reassigned.
  ADD COLUMN owner_id uuid REFERENCES users (id),
  ADD CONSTRAINT accounts_default_language_known CHECK (default_language IN ('en', 'es-MX', 'pl', 'zh-CN'));
CREATE INDEX accounts_owner_idx ON accounts (owner_id) WHERE owner_id IS NOT NULL;

CREATE TABLE account_contacts (
  account_id uuid NOT NULL REFERENCES accounts (id),
  id uuid NOT NULL DEFAULT gen_random_uuid(),
  name text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
  job_title text NOT NULL DEFAULT '' CHECK (length(job_title) <= 200),
  email text NOT NULL CHECK (email = lower(email) AND email LIKE '%_@_%' AND length(email) <= 254),
  -- E.164: the service strips the spaces and dashes people type.
  phone text CHECK (phone ~ '^\+[1-9][0-9]{6,14}$'),
  language text NOT NULL DEFAULT 'en' CHECK (language IN ('en', 'es-MX', 'pl', 'zh-CN')),
  -- A contact may hold several roles (the primary contact is often the escalation contact too).
  roles text[] NOT NULL DEFAULT '{}'
    CHECK (roles <@ ARRAY['primary', 'technical', 'escalation', 'billing']::text[]),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (account_id, id)
);
CREATE UNIQUE INDEX account_contacts_email_key ON account_contacts (account_id, email);

CREATE TABLE services (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  -- Stable handle for integrations and the web's translations; the name is what people read.
  code text NOT NULL CHECK (code ~ '^[a-z][a-z0-9_]{1,49}$'),
  name text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
  description text NOT NULL DEFAULT '' CHECK (length(description) <= 2000),
  -- Retired rather than deleted: subscriptions and, later, SLA conditions refer to services.
  is_active boolean NOT NULL DEFAULT true,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX services_code_key ON services (code);
CREATE UNIQUE INDEX services_name_key ON services (lower(name));

INSERT INTO services (code, name, description) VALUES
  ('faster_payments', 'Faster Payments', 'UK real-time account-to-account payments'),
  ('bacs_direct_debit', 'Bacs Direct Debit', 'UK three-day cycle collections'),
  ('bacs_direct_credit', 'Bacs Direct Credit', 'UK three-day cycle bulk credits (payroll, suppliers)'),
  ('link_atm', 'LINK ATM', 'UK ATM network switching and settlement'),
  ('card_acquiring', 'Card acquiring', 'Merchant card acquiring: authorisation, clearing, settlement'),
  ('card_issuing_processing', 'Card issuing processing', 'Issuer processing: authorisations, card management'),
  ('bill_payments', 'Bill payments', 'Biller collections and payment confirmations'),
  ('open_banking_api', 'Open-banking API', 'Account information and payment initiation APIs');

CREATE TABLE account_services (
  account_id uuid NOT NULL REFERENCES accounts (id),
  service_id uuid NOT NULL REFERENCES services (id),
  started_on date NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (account_id, service_id)
);
CREATE INDEX account_services_service_idx ON account_services (service_id, account_id);

CREATE TABLE account_notes (
  account_id uuid NOT NULL REFERENCES accounts (id),
  id uuid NOT NULL DEFAULT gen_random_uuid(),
  author_id uuid NOT NULL REFERENCES users (id),
  body text NOT NULL CHECK (length(body) BETWEEN 1 AND 20000),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (account_id, id)
);
CREATE INDEX account_notes_recent_idx ON account_notes (account_id, created_at DESC, id DESC);

CREATE TABLE account_opportunities (
  account_id uuid NOT NULL REFERENCES accounts (id),
  id uuid NOT NULL DEFAULT gen_random_uuid(),
  title text NOT NULL CHECK (length(title) BETWEEN 1 AND 200),
  description text NOT NULL DEFAULT '' CHECK (length(description) <= 10000),
  status text NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'in_progress', 'won', 'lost', 'parked')),
  raised_to text NOT NULL CHECK (raised_to IN ('account_manager', 'product_manager')),
  -- Money is exact: integer minor units of an ISO 4217 currency, both or neither.
  value_minor bigint CHECK (value_minor >= 0),
  value_currency char(3) CHECK (value_currency ~ '^[A-Z]{3}$'),
  next_step text NOT NULL DEFAULT '' CHECK (length(next_step) <= 1000),
  owner_id uuid REFERENCES users (id),
  raised_by uuid NOT NULL REFERENCES users (id),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (account_id, id),
  CONSTRAINT account_opportunities_value_complete CHECK ((value_minor IS NULL) = (value_currency IS NULL))
);
CREATE INDEX account_opportunities_recent_idx ON account_opportunities (account_id, created_at DESC, id DESC);
