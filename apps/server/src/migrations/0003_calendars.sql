-- Business calendars: a small global reference table (not customer-scoped). SLA policies will
-- refer to a calendar by id, so a calendar is one row whose spec is replaced as a whole.
CREATE TABLE business_calendars (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  name text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
  description text NOT NULL DEFAULT '' CHECK (length(description) <= 2000),
  -- The validated JSON form (README, "Business calendars"); the service validates before writing.
  spec jsonb NOT NULL CHECK (jsonb_typeof(spec) = 'object'),
  -- Optimistic concurrency: an update names the version it edited (If-Match) and bumps it.
  version integer NOT NULL DEFAULT 1 CHECK (version >= 1),
  created_by uuid REFERENCES users (id),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX business_calendars_name_key ON business_calendars (lower(name));
