-- The queue's "at risk" and "breached" filters, kept on the case by the SLA engine beside next_due_at
-- so that the queue filters on its own row instead of reading the SLA module's clocks per case:
--   sla_at_risk_at: the soonest warning instant (reached or projected) of the case's running clocks;
--   sla_breach_at:  the soonest instant any clock breached, or will breach if it keeps running.
-- Both are instants, not flags, because a running clock becomes at risk and then breached with no
-- event to write it down: the query compares them with now.
ALTER TABLE cases
  ADD COLUMN sla_at_risk_at timestamptz,
  ADD COLUMN sla_breach_at timestamptz;

UPDATE cases
SET sla_at_risk_at = summary.at_risk_at, sla_breach_at = summary.breach_at
FROM (
  SELECT
    account_id,
    case_id,
    min((warnings -> 0 ->> 'at')::timestamptz) FILTER (WHERE status = 'running') AS at_risk_at,
    min(coalesce(breached_at, CASE WHEN status = 'running' THEN due_at END)) AS breach_at
  FROM sla_clocks
  GROUP BY account_id, case_id
) AS summary
WHERE cases.account_id = summary.account_id AND cases.id = summary.case_id;

-- "All open cases" (staff) and an account's open cases (customers), in queue order without a sort.
CREATE INDEX cases_open_queue_idx ON cases ((coalesce(next_due_at, 'infinity')), number)
  WHERE status NOT IN ('resolved', 'closed');
CREATE INDEX cases_account_queue_idx ON cases (account_id, (coalesce(next_due_at, 'infinity')), number)
  WHERE status NOT IN ('resolved', 'closed');
