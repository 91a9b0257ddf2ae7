-- One index fewer to keep on every clock write. "Which clocks are about to breach" (0008) is asked
-- by nothing: checks are jobs scheduled at each instant, the sweep walks clocks in (account, case)
-- order, and the queue's at-risk and breached filters read case_queue (0018). A recomputation
-- rewrites most open clocks' due times at once, and each rewrite also wrote an entry here.
-- Without it, a rewrite that keeps a clock's status and calendar changes no indexed column, so it
-- is a HOT update (no index entries at all) wherever its page has room.
DROP INDEX sla_clocks_running_due_idx;
