-- Files attached to a case: logs, screenshots, statements, forwarded e-mails. The bytes live in the
-- file store under their SHA-256; a row says which case (and, optionally, which message) they
-- belong to. An attachment tied to an internal note is internal: customers never see it.

CREATE TABLE case_attachments (
  account_id uuid NOT NULL,
  case_id uuid NOT NULL,
  id uuid NOT NULL DEFAULT gen_random_uuid(),
  -- The reply or note it came with; null: attached to the case itself.
  message_id uuid,
  file_name text NOT NULL CHECK (length(file_name) BETWEEN 1 AND 255),
  content_type text NOT NULL,
  size_bytes bigint NOT NULL CHECK (size_bytes > 0),
  -- Content address in the file store: the SHA-256 of the bytes, hex.
  sha256 text NOT NULL CHECK (sha256 ~ '^[0-9a-f]{64}$'),
  uploaded_by uuid REFERENCES users (id),
  created_at timestamptz NOT NULL,
  PRIMARY KEY (account_id, case_id, id),
  FOREIGN KEY (account_id, case_id) REFERENCES cases (account_id, id),
  -- Follows its message when a merge moves the message to another case.
  FOREIGN KEY (account_id, case_id, message_id) REFERENCES case_messages (account_id, case_id, id)
    ON UPDATE CASCADE
);
CREATE INDEX case_attachments_case_idx ON case_attachments (case_id, created_at, id);
CREATE UNIQUE INDEX case_attachments_id_key ON case_attachments (id);
