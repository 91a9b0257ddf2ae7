-- Search at a million cases: the newest matches first.
--
-- The newest cases' documents are copied into a small table with GIN indexes of its own, the first
-- place search looks. A word found in every seventh of a million cases ("declined") has a posting
-- list of 170,000 entries in case_search_documents' index, and reading it costs tens of milliseconds
-- even when only the newest matches are wanted; in the copy the same word has a few hundred. Each
-- document carries its case number (creation order): what the copy keeps, and the ranking's
-- tie-break without a join back to cases.
ALTER TABLE case_search_documents ADD COLUMN case_number bigint;
UPDATE case_search_documents AS d SET case_number = c.number
FROM cases AS c WHERE c.account_id = d.account_id AND c.id = d.case_id;
ALTER TABLE case_search_documents ALTER COLUMN case_number SET NOT NULL;

CREATE TABLE case_search_recent (
  account_id uuid NOT NULL,
  case_id uuid NOT NULL,
  case_number bigint NOT NULL,
  public_document tsvector NOT NULL,
  internal_document tsvector NOT NULL,
  PRIMARY KEY (account_id, case_id),
  FOREIGN KEY (account_id, case_id) REFERENCES cases (account_id, id) ON DELETE CASCADE
);
-- fastupdate off: a pending list of unmerged entries is read in full by every search, and this
-- table is small enough to update its indexes in place.
CREATE INDEX case_search_recent_public_idx ON case_search_recent USING gin (public_document)
  WITH (fastupdate = off);
CREATE INDEX case_search_recent_internal_idx ON case_search_recent USING gin (internal_document)
  WITH (fastupdate = off);
CREATE INDEX case_search_recent_number_idx ON case_search_recent (case_number);

-- How many of the newest cases the table holds (at least: older ones leave it when the
-- case-search-prune job runs, every ten minutes).
CREATE FUNCTION case_search_recent_size() RETURNS bigint LANGUAGE sql IMMUTABLE RETURN 5000;

-- As in 0013, with the case number, and the copy of the documents of cases among the newest.
CREATE OR REPLACE FUNCTION case_search_refresh(keys jsonb) RETURNS void
  LANGUAGE sql AS $$
  INSERT INTO case_search_documents (account_id, case_id, case_number, public_document, internal_document)
  SELECT c.account_id, c.id, c.number,
    setweight(case_search_vector(c.language, c.subject), 'A')
      || setweight(case_search_vector(c.language, coalesce(m.public_text, '')), 'B'),
    setweight(case_search_vector(c.language, coalesce(m.internal_text, '')), 'C')
  FROM (SELECT DISTINCT (k ->> 'account_id')::uuid AS account_id, (k ->> 'case_id')::uuid AS case_id
        FROM jsonb_array_elements(keys) AS k) AS changed
  JOIN cases c ON c.account_id = changed.account_id AND c.id = changed.case_id
  LEFT JOIN LATERAL (
    SELECT left(string_agg(body, E'\n' ORDER BY created_at) FILTER (WHERE visibility = 'public'), 100000)
             AS public_text,
           left(string_agg(body, E'\n' ORDER BY created_at) FILTER (WHERE visibility = 'internal'), 100000)
             AS internal_text
    FROM case_messages
    WHERE case_messages.account_id = c.account_id AND case_messages.case_id = c.id
  ) AS m ON true
  ON CONFLICT (account_id, case_id) DO UPDATE
    SET public_document = excluded.public_document, internal_document = excluded.internal_document;

  INSERT INTO case_search_recent (account_id, case_id, case_number, public_document, internal_document)
  SELECT d.account_id, d.case_id, d.case_number, d.public_document, d.internal_document
  FROM (SELECT DISTINCT (k ->> 'account_id')::uuid AS account_id, (k ->> 'case_id')::uuid AS case_id
        FROM jsonb_array_elements(keys) AS k) AS changed
  JOIN case_search_documents d ON d.account_id = changed.account_id AND d.case_id = changed.case_id
  WHERE d.case_number > (SELECT max(number) FROM cases) - case_search_recent_size()
  ON CONFLICT (account_id, case_id) DO UPDATE
    SET public_document = excluded.public_document, internal_document = excluded.internal_document;
$$;

-- Drops the documents of cases no longer among the newest `keep`; the job calls it, so that the
-- triggers of concurrent writers never delete (and never wait on each other's deletes).
CREATE FUNCTION case_search_prune_recent(keep bigint) RETURNS integer
  LANGUAGE sql AS $$
  WITH gone AS (
    DELETE FROM case_search_recent WHERE case_number <= (SELECT max(number) FROM cases) - keep RETURNING 1
  )
  SELECT count(*)::integer FROM gone;
$$;

INSERT INTO case_search_recent (account_id, case_id, case_number, public_document, internal_document)
SELECT account_id, case_id, case_number, public_document, internal_document
FROM case_search_documents
WHERE case_number > (SELECT max(number) FROM cases) - case_search_recent_size();

-- A contact's cases newest first: search's e-mail matches stop at a page (a contact may have tens
-- of thousands of cases). Replaces 0013's index, which it covers.
CREATE INDEX cases_contact_number_idx ON cases (account_id, contact_id, number DESC) WHERE contact_id IS NOT NULL;
DROP INDEX cases_contact_idx;
