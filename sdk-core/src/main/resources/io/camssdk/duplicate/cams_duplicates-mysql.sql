-- The table of io.camssdk.duplicate.JdbcDuplicateStore on MySQL (5.7 or newer) and MariaDB (10.3 or newer).
-- JdbcDuplicateStore.createTableIfMissing() runs this file with the configured table name in place of
-- cams_duplicates; you may run it yourself instead (e.g. from Flyway or Liquibase).
--
-- One row per claimed or completed key. Keys are stored as the SHA-256 of their UTF-8 bytes, so any length and
-- any character works, keys stay case-sensitive (ascii_bin), and no personal data from a receipt's dedup key is
-- kept. Times are Unix milliseconds from the application's clock (keep the instances' clocks in sync, e.g. NTP).
-- The index on expires_at serves purgeExpired(), which deletes in bounded batches.
CREATE TABLE IF NOT EXISTS cams_duplicates (
  id           CHAR(64)    CHARACTER SET ascii COLLATE ascii_bin NOT NULL, -- SHA-256 of the key, lowercase hex
  state        CHAR(1)     CHARACTER SET ascii COLLATE ascii_bin NOT NULL, -- 'C' claimed, 'D' done (reply stored)
  claim_owner  VARCHAR(32) CHARACTER SET ascii COLLATE ascii_bin NULL,     -- the store object holding the claim
  reply_status SMALLINT    NULL,                                           -- the reply's HTTP status, while 'D'
  reply_body   MEDIUMBLOB  NULL,                                           -- the reply's body, while 'D'
  expires_at   BIGINT      NOT NULL,                                       -- end of the lease or the retention
  PRIMARY KEY (id),
  KEY cams_duplicates_expires_at (expires_at)
) ENGINE=InnoDB;
