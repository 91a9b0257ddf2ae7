-- A business calendar's changes as they take effect. Until now a calendar was one spec, and a change
-- to it re-measured all of time: opening at 08:30 instead of 09:00 moved the breach instants of
-- clocks that had finished weeks before (a met first response could become a breach, with its
-- penalty, long after the fact) and a case's clocks were no longer what its history had given when
-- they ran. Now each change governs from an instant on (now, unless the change says otherwise), and
-- the time before it stays measured by the rules then in force; replaying a history with the
-- calendar's changes gives the same clocks whenever it is done.
--
-- One row per version of the calendar whose spec changed (a new name moves no due time). The first
-- row governs from the beginning (effective_from NULL). A row made later but effective from an
-- earlier instant (a correction: a holiday forgotten last week) supersedes the rows in between from
-- that instant on (business-time, `compileCalendarHistory`). business_calendars.spec stays the last
-- spec, which people edit.
CREATE TABLE business_calendar_changes (
  calendar_id uuid NOT NULL REFERENCES business_calendars (id) ON DELETE CASCADE,
  version integer NOT NULL CHECK (version >= 1),
  effective_from timestamptz,
  spec jsonb NOT NULL CHECK (jsonb_typeof(spec) = 'object'),
  made_at timestamptz NOT NULL,
  made_by uuid REFERENCES users (id),
  PRIMARY KEY (calendar_id, version)
);

-- What there is already governs from the beginning, as it did.
INSERT INTO business_calendar_changes (calendar_id, version, effective_from, spec, made_at, made_by)
SELECT id, version, NULL, spec, updated_at, created_by FROM business_calendars;
