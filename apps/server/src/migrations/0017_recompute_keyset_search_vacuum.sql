-- Open cases in keyset order (account, case): a recomputation run over all of them, an account's or
-- a team's reads each batch as an index range instead of stepping over the closed cases (about two
-- thirds of them, and a growing share) in the primary key's order.
CREATE INDEX cases_open_key_idx ON cases (account_id, id) WHERE status NOT IN ('resolved', 'closed');

-- The newest cases' search documents churn: every new case adds a row and the prune job deletes as
-- many. Left to the default thresholds (a fifth of a table this small), its dead rows wait for a free
-- autovacuum worker behind the big tables, and the GIN indexes every search reads first swell with
-- them (a bulk load left 300 MB for 5,000 live rows). Vacuumed after every 2,000 changes, unthrottled.
ALTER TABLE case_search_recent SET (
  autovacuum_vacuum_scale_factor = 0,
  autovacuum_vacuum_threshold = 2000,
  autovacuum_vacuum_cost_delay = 0
);

-- A recomputation run rewrites a clock only when its schedule changed; a row it leaves keeps the
-- figures that move with time alone as they were when it was stored.
COMMENT ON COLUMN sla_clocks.remaining_ms IS 'As of updated_at (negative once breached)';
COMMENT ON COLUMN sla_clocks.business_elapsed_ms IS 'As of updated_at';
