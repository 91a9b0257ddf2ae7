-- Macros (canned replies that may also set fields) and saved views of the case queue. Both are
-- staff tools: personal to their author, or shared with a team (macros also with everyone).

CREATE TABLE macros (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  name text NOT NULL CHECK (length(name) BETWEEN 1 AND 100),
  -- The author: the only one who sees a personal macro; manages a shared one.
  owner_id uuid NOT NULL REFERENCES users (id),
  sharing text NOT NULL CHECK (sharing IN ('personal', 'team', 'everyone')),
  team_id uuid REFERENCES teams (id),
  -- {"en": "…", "pl": "…"}: the reply per language, with {{variables}}; at least one.
  bodies jsonb NOT NULL CHECK (jsonb_typeof(bodies) = 'object' AND bodies <> '{}'),
  visibility text NOT NULL CHECK (visibility IN ('public', 'internal')),
  -- Field changes applied with the reply: status, priority (with reason), team, assignee, tags.
  actions jsonb NOT NULL DEFAULT '{}' CHECK (jsonb_typeof(actions) = 'object'),
  created_at timestamptz NOT NULL,
  updated_at timestamptz NOT NULL,
  CHECK ((sharing = 'team') = (team_id IS NOT NULL))
);
-- One name per place a macro is found in: the author's own, a team's, everyone's.
CREATE UNIQUE INDEX macros_personal_name_key ON macros (owner_id, lower(name)) WHERE sharing = 'personal';
CREATE UNIQUE INDEX macros_team_name_key ON macros (team_id, lower(name)) WHERE sharing = 'team';
CREATE UNIQUE INDEX macros_everyone_name_key ON macros (lower(name)) WHERE sharing = 'everyone';

CREATE TABLE saved_views (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  name text NOT NULL CHECK (length(name) BETWEEN 1 AND 100),
  owner_id uuid NOT NULL REFERENCES users (id),
  -- Shared with this team's members; null: the owner's own.
  team_id uuid REFERENCES teams (id),
  -- The queue filters of GET /api/cases: view, status[], open, priority, accountId, q.
  filters jsonb NOT NULL CHECK (jsonb_typeof(filters) = 'object'),
  created_at timestamptz NOT NULL,
  updated_at timestamptz NOT NULL
);
CREATE UNIQUE INDEX saved_views_personal_name_key ON saved_views (owner_id, lower(name)) WHERE team_id IS NULL;
CREATE UNIQUE INDEX saved_views_team_name_key ON saved_views (team_id, lower(name)) WHERE team_id IS NOT NULL;

-- Each user's own order of the views they see (their own and their teams'); unlisted views follow by name.
CREATE TABLE saved_view_positions (
  user_id uuid NOT NULL REFERENCES users (id),
  view_id uuid NOT NULL REFERENCES saved_views (id) ON DELETE CASCADE,
  position integer NOT NULL CHECK (position >= 0),
  PRIMARY KEY (user_id, view_id)
);
