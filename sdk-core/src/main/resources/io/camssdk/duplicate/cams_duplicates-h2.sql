-- The table of io.camssdk.duplicate.JdbcDuplicateStore on H2 (2.x).
-- JdbcDuplicateStore.createTableIfMissing() runs this file with the configured table name in place of
-- cams_duplicates; you may run it yourself instead.
--
-- One row per claimed or completed key. Keys are stored as the SHA-256 of their UTF-8 bytes, so any length and
-- any character works, keys stay case-sensitive, and no personal data from a receipt's dedup key is kept.
-- Times are Unix milliseconds from the application's clock.
CREATE TABLE IF NOT EXISTS cams_duplicates (
  id           VARCHAR(64) NOT NULL PRIMARY KEY, -- SHA-256 of the key, lowercase hex
  state        CHAR(1)     NOT NULL,             -- 'C' claimed (handler running), 'D' done (reply stored)
  claim_owner  VARCHAR(32),                      -- the store object holding the claim, while 'C'
  reply_status SMALLINT,                         -- the reply's HTTP status, while 'D'
  reply_body   VARBINARY,                        -- the reply's body, while 'D'
  expires_at   BIGINT      NOT NULL              -- end of the lease ('C') or of the retention ('D')
);
-- purgeExpired() deletes by expires_at in bounded batches.
CREATE INDEX IF NOT EXISTS cams_duplicates_expires_at ON cams_duplicates (expires_at);
