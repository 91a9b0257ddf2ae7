-- Links between cases of one account: a case's parent, the case it duplicates, related cases, and
-- the case a merged-away duplicate now lives on. One row per link, read from either end.

CREATE TABLE case_links (
  account_id uuid NOT NULL,
  id uuid NOT NULL DEFAULT gen_random_uuid(),
  -- case_id <kind> target_id: "PD-2 child_of PD-1", "PD-3 duplicate_of PD-1", "PD-3 merged_into PD-1";
  -- related is symmetric, stored once.
  case_id uuid NOT NULL,
  target_id uuid NOT NULL,
  kind text NOT NULL CHECK (kind IN ('child_of', 'duplicate_of', 'related', 'merged_into')),
  created_by uuid REFERENCES users (id),
  created_at timestamptz NOT NULL,
  PRIMARY KEY (account_id, id),
  -- Both ends on the link's account: a link never reaches another account's case.
  FOREIGN KEY (account_id, case_id) REFERENCES cases (account_id, id),
  FOREIGN KEY (account_id, target_id) REFERENCES cases (account_id, id),
  CHECK (case_id <> target_id)
);
CREATE UNIQUE INDEX case_links_id_key ON case_links (id);
-- Two cases are linked one way at most (whichever end asks).
CREATE UNIQUE INDEX case_links_pair_key ON case_links (least(case_id, target_id), greatest(case_id, target_id));
-- A case has at most one parent, and is merged into one case at most.
CREATE UNIQUE INDEX case_links_parent_key ON case_links (case_id) WHERE kind = 'child_of';
CREATE UNIQUE INDEX case_links_merged_key ON case_links (case_id) WHERE kind = 'merged_into';
CREATE INDEX case_links_target_idx ON case_links (target_id);

-- A message moved by a merge or a split keeps its author and time, and says where it came from.
ALTER TABLE case_messages
  ADD COLUMN moved_from_case_id uuid,
  ADD COLUMN moved_by text CHECK (moved_by IN ('merge', 'split')),
  ADD CHECK ((moved_from_case_id IS NULL) = (moved_by IS NULL));
