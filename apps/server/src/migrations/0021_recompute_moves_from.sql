-- A calendar run's narrowing. A calendar change takes effect from an instant (0020); when that is
-- not before the change was made, only clocks still running past it can move: a clock that breached
-- before it, a paused clock (its pause began before the change) and a finished one were measured
-- wholly by the rules before it. The run then replays only the open cases with such a clock on the
-- calendar, and every other clock stays as stored, correct as it is. NULL (a correction reaching
-- into the past, a run asked for by hand, any other scope): every open case in scope. Coalesced
-- requests keep the earliest instant, NULL winning.
ALTER TABLE sla_recomputations ADD COLUMN moves_from timestamptz;
