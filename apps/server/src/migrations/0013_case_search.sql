-- Case search and import.
--
-- Full text: each case has one search document, kept by triggers from its subject and its messages,
-- in the case's language: en → english, es-MX → spanish (stemmed); pl → simple (neither PostgreSQL
-- 15 nor PGlite ships a Polish configuration: words match as written, lower-cased); zh-CN → simple
-- over character bigrams (Chinese has no spaces, so the parser would see a whole sentence as one
-- word; most Chinese words are two characters, which a bigram finds and a trigram cannot).
-- Identifiers people paste (case numbers, external references, contact e-mails) are matched by
-- substring through pg_trgm indexes instead: full text would split "INC-2041-B" into pieces.
--
-- PGlite loads pg_trgm only when it is passed to PGlite.create (platform/db/engine.ts does).
CREATE EXTENSION IF NOT EXISTS pg_trgm;

-- The text search configuration for a case language.
CREATE FUNCTION case_search_config(language text) RETURNS regconfig
  LANGUAGE sql IMMUTABLE PARALLEL SAFE
  RETURN CASE language WHEN 'en' THEN 'english'::regconfig WHEN 'es-MX' THEN 'spanish'::regconfig
    ELSE 'simple'::regconfig END;

-- Han characters become their overlapping bigrams ("退款请求" → "退款 款请 请求"; a lone character
-- stays itself), the rest of the text stays as it is.
CREATE FUNCTION case_search_cjk_bigrams(body text) RETURNS text
  LANGUAGE sql IMMUTABLE PARALLEL SAFE
  RETURN regexp_replace(body, '[\u3400-\u9fff\uf900-\ufaff]+', ' ', 'g') || ' ' || coalesce((
    SELECT string_agg(
      CASE WHEN length(run[1]) = 1 THEN run[1]
        ELSE (SELECT string_agg(substr(run[1], i, 2), ' ') FROM generate_series(1, length(run[1]) - 1) AS i)
      END, ' ')
    FROM regexp_matches(body, '[\u3400-\u9fff\uf900-\ufaff]+', 'g') AS run), '');

-- Text as the search documents and queries see it, in a case language.
CREATE FUNCTION case_search_vector(language text, body text) RETURNS tsvector
  LANGUAGE sql IMMUTABLE PARALLEL SAFE
  RETURN to_tsvector(case_search_config(language),
    CASE WHEN language = 'zh-CN' THEN case_search_cjk_bigrams(body) ELSE body END);

CREATE TABLE case_search_documents (
  account_id uuid NOT NULL,
  case_id uuid NOT NULL,
  -- The subject (weight A) and public replies (B): what the customer may find too.
  public_document tsvector NOT NULL,
  -- Internal notes (C): staff only, so a customer's search never matches a note's words.
  internal_document tsvector NOT NULL,
  PRIMARY KEY (account_id, case_id),
  FOREIGN KEY (account_id, case_id) REFERENCES cases (account_id, id) ON DELETE CASCADE
);
CREATE INDEX case_search_public_idx ON case_search_documents USING gin (public_document);
CREATE INDEX case_search_internal_idx ON case_search_documents USING gin (internal_document);

-- Rebuilds the documents of the given cases from their subject and messages. Each kind of text is
-- capped (100,000 characters) so a very long conversation cannot exceed tsvector's 1 MB limit.
CREATE FUNCTION case_search_refresh(keys jsonb) RETURNS void
  LANGUAGE sql AS $$
  INSERT INTO case_search_documents (account_id, case_id, public_document, internal_document)
  SELECT c.account_id, c.id,
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
$$;

-- Statement-level triggers with transition tables: a bulk insert (the case generator, an import)
-- rebuilds each touched case once per statement instead of once per row.
CREATE FUNCTION case_search_cases_inserted() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM case_search_refresh(
    (SELECT coalesce(jsonb_agg(jsonb_build_object('account_id', account_id, 'case_id', id)), '[]')
     FROM inserted_cases));
  RETURN NULL;
END $$;
CREATE TRIGGER case_search_cases_insert AFTER INSERT ON cases
  REFERENCING NEW TABLE AS inserted_cases FOR EACH STATEMENT EXECUTE FUNCTION case_search_cases_inserted();

CREATE FUNCTION case_search_case_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM case_search_refresh(jsonb_build_array(jsonb_build_object('account_id', NEW.account_id, 'case_id', NEW.id)));
  RETURN NULL;
END $$;
-- Row level with a WHEN: the frequent updates (status, due time, version) cost nothing here.
CREATE TRIGGER case_search_cases_update AFTER UPDATE OF subject, language ON cases
  FOR EACH ROW WHEN (OLD.subject IS DISTINCT FROM NEW.subject OR OLD.language IS DISTINCT FROM NEW.language)
  EXECUTE FUNCTION case_search_case_changed();

CREATE FUNCTION case_search_messages_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP IN ('INSERT', 'UPDATE') THEN
    PERFORM case_search_refresh(
      (SELECT coalesce(jsonb_agg(jsonb_build_object('account_id', account_id, 'case_id', case_id)), '[]')
       FROM new_messages));
  END IF;
  -- A message moved away (a merge) or deleted leaves its old case's document too.
  IF TG_OP IN ('UPDATE', 'DELETE') THEN
    PERFORM case_search_refresh(
      (SELECT coalesce(jsonb_agg(jsonb_build_object('account_id', account_id, 'case_id', case_id)), '[]')
       FROM old_messages));
  END IF;
  RETURN NULL;
END $$;
CREATE TRIGGER case_search_messages_insert AFTER INSERT ON case_messages
  REFERENCING NEW TABLE AS new_messages FOR EACH STATEMENT EXECUTE FUNCTION case_search_messages_changed();
CREATE TRIGGER case_search_messages_update AFTER UPDATE ON case_messages
  REFERENCING OLD TABLE AS old_messages NEW TABLE AS new_messages
  FOR EACH STATEMENT EXECUTE FUNCTION case_search_messages_changed();
CREATE TRIGGER case_search_messages_delete AFTER DELETE ON case_messages
  REFERENCING OLD TABLE AS old_messages FOR EACH STATEMENT EXECUTE FUNCTION case_search_messages_changed();

-- Substring matches on what people paste: "PD-1042" finds PD-104233, "2041-B" the vendor's INC-2041-B.
CREATE INDEX cases_reference_trgm_idx ON cases USING gin (('PD-' || number::text) gin_trgm_ops);
CREATE INDEX cases_external_reference_trgm_idx ON cases USING gin (external_reference gin_trgm_ops)
  WHERE external_reference IS NOT NULL;
CREATE INDEX account_contacts_email_trgm_idx ON account_contacts USING gin (email gin_trgm_ops);
CREATE INDEX cases_contact_idx ON cases (account_id, contact_id) WHERE contact_id IS NOT NULL;

-- Imported cases by the id they had in the system they came from: importing a file twice
-- imports nothing twice.
CREATE TABLE case_imports (
  source text NOT NULL CHECK (length(source) BETWEEN 1 AND 100),
  external_id text NOT NULL CHECK (length(external_id) BETWEEN 1 AND 200),
  account_id uuid NOT NULL,
  case_id uuid NOT NULL,
  imported_at timestamptz NOT NULL,
  PRIMARY KEY (source, external_id),
  FOREIGN KEY (account_id, case_id) REFERENCES cases (account_id, id) ON DELETE CASCADE
);
CREATE UNIQUE INDEX case_imports_case_key ON case_imports (case_id);

-- Cases that exist already get their documents now.
SELECT case_search_refresh(
  (SELECT coalesce(jsonb_agg(jsonb_build_object('account_id', account_id, 'case_id', id)), '[]') FROM cases));
