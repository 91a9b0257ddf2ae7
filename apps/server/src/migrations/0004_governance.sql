-- In-app notifications (per user) and account governance: service reviews, decisions and action
-- items, with the reminders sent about them. Customer-scoped tables carry account_id first in every
-- key (the Citus path in DESIGN.md); notifications belong to a user, not an account.

CREATE TABLE notifications (
  user_id uuid NOT NULL REFERENCES users (id),
  id uuid NOT NULL DEFAULT gen_random_uuid(),
  -- Lets the web pick an icon; the title and body are stored as the text people read.
  kind text NOT NULL CHECK (kind ~ '^[a-z][a-z0-9_.]{1,63}$'),
  title text NOT NULL CHECK (length(title) BETWEEN 1 AND 300),
  body text NOT NULL DEFAULT '' CHECK (length(body) <= 2000),
  -- A path inside the web app (never an outside address: the bell navigates to it).
  link text CHECK (link ~ '^/[^/]' AND length(link) <= 500),
  entity_type text CHECK (length(entity_type) <= 64),
  entity_id uuid,
  created_at timestamptz NOT NULL DEFAULT now(),
  read_at timestamptz,
  PRIMARY KEY (user_id, id)
);
CREATE INDEX notifications_recent_idx ON notifications (user_id, created_at DESC, id DESC);
CREATE INDEX notifications_unread_idx ON notifications (user_id, created_at DESC, id DESC) WHERE read_at IS NULL;

CREATE TABLE service_reviews (
  account_id uuid NOT NULL REFERENCES accounts (id),
  id uuid NOT NULL DEFAULT gen_random_uuid(),
  title text NOT NULL CHECK (length(title) BETWEEN 1 AND 200),
  -- A civil date in the account's time zone, with an optional local start time.
  held_on date NOT NULL,
  starts_at text CHECK (starts_at ~ '^([01][0-9]|2[0-3]):[0-5][0-9]$'),
  status text NOT NULL DEFAULT 'planned' CHECK (status IN ('planned', 'held', 'cancelled')),
  -- [{ name, organisation, role? }]: staff and customer people alike, as free text.
  attendees jsonb NOT NULL DEFAULT '[]' CHECK (jsonb_typeof(attendees) = 'array'),
  agenda text NOT NULL DEFAULT '' CHECK (length(agenda) <= 20000),
  minutes text NOT NULL DEFAULT '' CHECK (length(minutes) <= 100000),
  created_by uuid REFERENCES users (id),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (account_id, id)
);
CREATE INDEX service_reviews_date_idx ON service_reviews (account_id, held_on DESC, id DESC);

CREATE TABLE governance_decisions (
  account_id uuid NOT NULL REFERENCES accounts (id),
  id uuid NOT NULL DEFAULT gen_random_uuid(),
  -- Decided in a review, or outside one (a call, an e-mail thread).
  review_id uuid,
  text text NOT NULL CHECK (length(text) BETWEEN 1 AND 5000),
  decided_on date NOT NULL,
  decided_by text NOT NULL CHECK (length(decided_by) BETWEEN 1 AND 200),
  created_by uuid REFERENCES users (id),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (account_id, id),
  FOREIGN KEY (account_id, review_id) REFERENCES service_reviews (account_id, id)
);
CREATE INDEX governance_decisions_date_idx ON governance_decisions (account_id, decided_on DESC, id DESC);

CREATE TABLE action_items (
  account_id uuid NOT NULL REFERENCES accounts (id),
  id uuid NOT NULL DEFAULT gen_random_uuid(),
  review_id uuid,
  title text NOT NULL CHECK (length(title) BETWEEN 1 AND 200),
  description text NOT NULL DEFAULT '' CHECK (length(description) <= 10000),
  owner_id uuid NOT NULL REFERENCES users (id),
  due_on date NOT NULL,
  status text NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'in_progress', 'done', 'cancelled')),
  completed_at timestamptz,
  created_by uuid REFERENCES users (id),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (account_id, id),
  FOREIGN KEY (account_id, review_id) REFERENCES service_reviews (account_id, id),
  CONSTRAINT action_items_completed_when_done CHECK ((status = 'done') = (completed_at IS NOT NULL))
);
CREATE INDEX action_items_due_idx ON action_items (account_id, due_on, id);
-- "My open items" across accounts and the reminder scan read only the live items.
CREATE INDEX action_items_open_owner_idx ON action_items (owner_id, due_on) WHERE status IN ('open', 'in_progress');
CREATE INDEX action_items_open_due_idx ON action_items (due_on) WHERE status IN ('open', 'in_progress');

-- One row per reminder sent: the primary key is the guard that makes each go out exactly once, however
-- many processes run the scan. A new due date is a new reminder.
CREATE TABLE action_item_reminders (
  account_id uuid NOT NULL,
  action_item_id uuid NOT NULL,
  kind text NOT NULL CHECK (kind IN ('due_soon', 'overdue')),
  due_on date NOT NULL,
  sent_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (account_id, action_item_id, kind, due_on),
  FOREIGN KEY (account_id, action_item_id) REFERENCES action_items (account_id, id)
);
