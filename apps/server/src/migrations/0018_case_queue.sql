-- The queue's order and filters in a narrow table of their own, one row per case.
--
-- The SLA engine rewrites a case's due time whenever its clocks move, and a calendar change moves
-- them for hundreds of thousands of cases at once. On `cases` that update could never be HOT (four
-- of its twelve indexes held next_due_at), so each one wrote a new version of a wide row and an
-- entry in every index: about 120 µs a case, four fifths of a recomputation's writes. Here a row is
-- a few dozen bytes with five indexes, and `cases` is written only when the case itself changes.
--
-- Who keeps what: the triggers below copy a case's number, team, assignee and whether it is open
-- (inserted with the case, updated when those change); the SLA engine writes the due time and the
-- at-risk and breach instants (0015). The queue reads this table and fetches the page's cases by key.
CREATE TABLE case_queue (
  account_id uuid NOT NULL,
  case_id uuid NOT NULL,
  number bigint NOT NULL,
  team_id uuid,
  assignee_id uuid,
  -- Not resolved or closed.
  open boolean NOT NULL,
  -- The soonest due instant of the case's running SLA clocks: the queue's order.
  next_due_at timestamptz,
  -- The soonest warning instant (reached or projected) of its running clocks.
  sla_at_risk_at timestamptz,
  -- The soonest instant any clock breached, or will breach if it keeps running.
  sla_breach_at timestamptz,
  PRIMARY KEY (account_id, case_id),
  FOREIGN KEY (account_id, case_id) REFERENCES cases (account_id, id) ON DELETE CASCADE
);

INSERT INTO case_queue (account_id, case_id, number, team_id, assignee_id, open, next_due_at,
  sla_at_risk_at, sla_breach_at)
SELECT account_id, id, number, team_id, assignee_id, status NOT IN ('resolved', 'closed'), next_due_at,
  sla_at_risk_at, sla_breach_at
FROM cases;

-- Queues: open cases of a team, of an agent, of an account and all of them, in next-due order (no
-- due time last) without a sort: a page is an index range that stops after the page.
CREATE INDEX case_queue_team_idx ON case_queue (team_id, (coalesce(next_due_at, 'infinity')), number)
  WHERE open;
CREATE INDEX case_queue_assignee_idx ON case_queue (assignee_id, (coalesce(next_due_at, 'infinity')), number)
  WHERE open;
CREATE INDEX case_queue_account_idx ON case_queue (account_id, (coalesce(next_due_at, 'infinity')), number)
  WHERE open;
CREATE INDEX case_queue_open_idx ON case_queue ((coalesce(next_due_at, 'infinity')), number)
  WHERE open;

CREATE FUNCTION case_queue_cases_inserted() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO case_queue (account_id, case_id, number, team_id, assignee_id, open)
  SELECT account_id, id, number, team_id, assignee_id, status NOT IN ('resolved', 'closed')
  FROM inserted_cases;
  RETURN NULL;
END $$;
-- Statement level: a bulk insert (the generator, an import) copies its cases in one statement.
CREATE TRIGGER case_queue_cases_insert AFTER INSERT ON cases
  REFERENCING NEW TABLE AS inserted_cases FOR EACH STATEMENT EXECUTE FUNCTION case_queue_cases_inserted();

CREATE FUNCTION case_queue_case_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE case_queue
  SET team_id = NEW.team_id, assignee_id = NEW.assignee_id, open = NEW.status NOT IN ('resolved', 'closed')
  WHERE account_id = NEW.account_id AND case_id = NEW.id;
  RETURN NULL;
END $$;
-- Row level with a WHEN (a column list rules out transition tables): the frequent changes that
-- leave team, assignee and openness alone (priority, tags, a status among the open ones) cost nothing.
CREATE TRIGGER case_queue_cases_update AFTER UPDATE OF team_id, assignee_id, status ON cases
  FOR EACH ROW WHEN (OLD.team_id IS DISTINCT FROM NEW.team_id
    OR OLD.assignee_id IS DISTINCT FROM NEW.assignee_id
    OR (OLD.status IN ('resolved', 'closed')) <> (NEW.status IN ('resolved', 'closed')))
  EXECUTE FUNCTION case_queue_case_changed();

DROP INDEX cases_team_queue_idx, cases_assignee_queue_idx, cases_account_queue_idx, cases_open_queue_idx;
ALTER TABLE cases DROP COLUMN next_due_at, DROP COLUMN sla_at_risk_at, DROP COLUMN sla_breach_at;
