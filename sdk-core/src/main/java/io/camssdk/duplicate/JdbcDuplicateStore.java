package io.camssdk.duplicate;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.SQLTimeoutException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.Executor;
import java.util.regex.Pattern;
import javax.sql.DataSource;

/**
 * A {@link DuplicateStore} in a relational database (PostgreSQL, MySQL/MariaDB or H2), shared by every instance
 * of a business system that uses the same table. Use it when the system runs more than one instance behind a load
 * balancer: a retried call that lands on another instance is then recognised.
 *
 * <p><b>Table.</b> One table (default {@value #DEFAULT_TABLE}), one row per key, with an index on
 * {@code expires_at}; its DDL per database ships as the resource
 * {@code io/camssdk/duplicate/cams_duplicates-{postgresql,mysql,h2}.sql} and is returned by
 * {@link #ddl(Dialect, String)}. Run it with your migrations, or call {@link #createTableIfMissing()} once at
 * startup. Keys are stored as the SHA-256 of their UTF-8 bytes: any length and character works, keys are
 * case-sensitive whatever the collation, and no personal data from a receipt's dedup key reaches the table.
 *
 * <p><b>Atomicity.</b> A claim is decided by the table's primary key, in one statement on PostgreSQL
 * ({@code INSERT ... ON CONFLICT DO UPDATE ... WHERE expires_at <= now}) and by an {@code INSERT} followed, on a
 * unique-key violation, by a conditional {@code UPDATE ... WHERE expires_at <= now} elsewhere: never a read then a
 * write. Leases and retention are timed by the application's {@link Clock} (Unix milliseconds passed as
 * parameters), so keep the instances' clocks in sync (NTP); a skew of <i>s</i> shortens or lengthens a lease by
 * <i>s</i>.
 *
 * <p><b>Timeouts.</b> Every statement gets a query timeout and, where the driver supports it, a network timeout of
 * {@link Builder#timeout(Duration) timeout} (default 1 s), well under the 3 s the platform waits. Configure your
 * pool's connection-acquisition timeout likewise (HikariCP: {@code connectionTimeout=500}); the store cannot
 * bound the wait for a connection itself. Every {@link SQLException} becomes a {@link DuplicateStoreException}
 * (the endpoint answers {@code 503 StoreUnavailable} and the platform retries), whose message names the operation
 * and the SQLState but never a key or a value.
 *
 * <p><b>Purging.</b> Expired rows do no harm (a claim takes an expired row over) but take space. Call
 * {@link #purgeExpired()} on a schedule, e.g. every minute from one thread of each instance; it deletes in
 * batches of {@link Builder#purgeBatchSize(int) purgeBatchSize} rows, one short statement each.
 *
 * <p><b>Transactions.</b> The store takes a connection from the {@link DataSource} for each call and runs in
 * auto-commit mode, restoring the connection's mode afterwards. Give it a plain (pooled) data source, not one
 * that joins the caller's transaction: a claim must be visible to other instances at once.
 *
 * <p>Thread-safe; share one per data source. It holds no connection between calls and needs no closing.
 *
 * <pre>{@code
 * JdbcDuplicateStore store = JdbcDuplicateStore.builder(dataSource)   // e.g. a HikariDataSource
 *     .table("cams_duplicates")
 *     .timeout(Duration.ofMillis(800))
 *     .build();
 * store.createTableIfMissing();
 * scheduler.scheduleWithFixedDelay(store::purgeExpired, 1, 1, TimeUnit.MINUTES);
 * }</pre>
 *
 * @since 0.1
 */
public final class JdbcDuplicateStore implements DuplicateStore {
  /** The default table name. */
  public static final String DEFAULT_TABLE = "cams_duplicates";
  /** The default timeout of each statement: 1 s. */
  public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(1);
  /** The default number of rows {@link #purgeExpired()} deletes per statement. */
  public static final int DEFAULT_PURGE_BATCH_SIZE = 1_000;

  private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z_][A-Za-z0-9_]{0,62}");
  private static final Executor DIRECT = Runnable::run;
  private static final int CLAIM_ATTEMPTS = 4;

  /** The databases the store speaks to. */
  public enum Dialect {
    /** PostgreSQL 10 or newer. */
    POSTGRESQL("postgresql"),
    /** MySQL 5.7 or newer, and MariaDB 10.3 or newer. */
    MYSQL("mysql"),
    /** H2 2.x. */
    H2("h2");

    private final String resourceSuffix;

    Dialect(String resourceSuffix) {
      this.resourceSuffix = resourceSuffix;
    }

    /**
     * The dialect of a database product as {@link DatabaseMetaData#getDatabaseProductName()} names it.
     *
     * @throws IllegalArgumentException when the product is not supported
     */
    public static Dialect ofProductName(String productName) {
      String name = productName == null ? "" : productName.toLowerCase(Locale.ROOT);
      if (name.contains("postgresql")) {
        return POSTGRESQL;
      }
      if (name.contains("mysql") || name.contains("mariadb")) {
        return MYSQL;
      }
      if (name.equals("h2")) {
        return H2;
      }
      throw new IllegalArgumentException("database '" + productName
          + "' is not supported by JdbcDuplicateStore; use PostgreSQL, MySQL/MariaDB or H2");
    }
  }

  private final DataSource dataSource;
  private final String table;
  private final Clock clock;
  private final int timeoutMillis;
  private final int queryTimeoutSeconds;
  private final int purgeBatchSize;
  // Identifies this store object as a claim's holder, so that release() frees only claims made here.
  private final String owner = UUID.randomUUID().toString().replace("-", "");
  private final Dialect configuredDialect;
  private volatile Statements statements;
  private volatile boolean networkTimeoutUnsupported;

  private JdbcDuplicateStore(Builder builder) {
    this.dataSource = builder.dataSource;
    this.table = builder.table;
    this.clock = builder.clock;
    this.timeoutMillis = (int) builder.timeout.toMillis();
    this.queryTimeoutSeconds = (int) Math.max(1, (builder.timeout.toMillis() + 999) / 1000);
    this.purgeBatchSize = builder.purgeBatchSize;
    this.configuredDialect = builder.dialect;
    if (builder.dialect != null) {
      this.statements = new Statements(builder.dialect, table);
    }
  }

  /** A builder over {@code dataSource}, the pool the store takes a connection from for each call. */
  public static Builder builder(DataSource dataSource) {
    return new Builder(dataSource);
  }

  /**
   * The DDL of the store's table for {@code dialect}, with {@code table} (validated as by
   * {@link Builder#table(String)}) as the table's name: a {@code CREATE TABLE IF NOT EXISTS} and, except on MySQL
   * where it is part of the table, a {@code CREATE INDEX IF NOT EXISTS} on {@code expires_at}.
   */
  public static String ddl(Dialect dialect, String table) {
    Objects.requireNonNull(dialect, "dialect");
    checkTable(table);
    String resource = "cams_duplicates-" + dialect.resourceSuffix + ".sql";
    String text;
    try (InputStream in = JdbcDuplicateStore.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("resource " + resource + " is missing from the SDK's jar");
      }
      text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read resource " + resource, e);
    }
    return text.replace("cams_duplicates_expires_at", indexName(dialect, table))
        .replace("cams_duplicates", table);
  }

  @Override
  public ClaimResult claim(String key, Duration lease) {
    Objects.requireNonNull(key, "key");
    checkPositive(lease, "lease");
    String id = hash(key);
    return run("claim", (connection, sql) -> {
      for (int attempt = 0; attempt < CLAIM_ATTEMPTS; attempt++) {
        long now = clock.millis();
        long expiresAt = now + lease.toMillis();
        if (sql.dialect == Dialect.POSTGRESQL) {
          if (update(connection, sql.claimUpsert, id, owner, expiresAt, now) == 1) {
            return ClaimResult.acquired();
          }
        } else {
          if (insertClaim(connection, sql, id, expiresAt)) {
            return ClaimResult.acquired();
          }
          if (update(connection, sql.claimTakeOver, owner, expiresAt, id, now) == 1) {
            return ClaimResult.acquired();
          }
        }
        ClaimResult found = read(connection, sql, id, now);
        if (found != null) {
          return found;
        }
        // The row expired or was purged between our two statements: try again with a fresh time.
      }
      throw new DuplicateStoreException("Duplicate store's claim did not settle after " + CLAIM_ATTEMPTS
          + " attempts because the row kept changing; the call will be retried");
    });
  }

  @Override
  public void complete(String key, StoredReply reply, Duration retention) {
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(reply, "reply");
    checkPositive(retention, "retention");
    String id = hash(key);
    byte[] body = reply.body();
    run("complete", (connection, sql) -> {
      long expiresAt = clock.millis() + retention.toMillis();
      if (sql.dialect == Dialect.POSTGRESQL) {
        update(connection, sql.completeUpsert, id, reply.status(), body, expiresAt);
        return null;
      }
      for (int attempt = 0; attempt < CLAIM_ATTEMPTS; attempt++) {
        if (update(connection, sql.completeUpdate, reply.status(), body, expiresAt, id) == 1) {
          return null;
        }
        // The row was purged (the lease ran out long ago): store the reply anyway, it is what was answered.
        try {
          update(connection, sql.completeInsert, id, reply.status(), body, expiresAt);
          return null;
        } catch (SQLException e) {
          if (!isUniqueViolation(e)) {
            throw e;
          }
        }
      }
      throw new DuplicateStoreException("Duplicate store's complete did not settle after " + CLAIM_ATTEMPTS
          + " attempts because the row kept changing");
    });
  }

  /**
   * {@inheritDoc}
   *
   * <p>Frees only a claim made through this store object and still in progress: a claim that another instance
   * took over after this one's lease ran out, or a completed key, is left as it is.
   */
  @Override
  public void release(String key) {
    Objects.requireNonNull(key, "key");
    String id = hash(key);
    run("release", (connection, sql) -> update(connection, sql.release, id, owner));
  }

  /**
   * {@inheritDoc}
   *
   * <p>Takes a connection from the pool and asks the driver whether it is valid
   * ({@link Connection#isValid(int)}, bounded by the store's timeout); the table is not touched.
   */
  @Override
  public void ping() {
    run("ping", (connection, sql) -> {
      if (!connection.isValid(queryTimeoutSeconds)) {
        throw new SQLException("connection is not valid", "08006");
      }
      return null;
    });
  }

  /**
   * Deletes the rows whose lease or retention has ended, in batches of {@code purgeBatchSize} rows (one short
   * statement each) until a batch comes back short. Schedule it, e.g. every minute; running it on several
   * instances at once is safe.
   *
   * @return how many rows were deleted
   * @throws DuplicateStoreException when the database cannot be reached or fails
   */
  public long purgeExpired() {
    return run("purgeExpired", (connection, sql) -> {
      long total = 0;
      while (true) {
        long now = clock.millis();
        int deleted = sql.dialect == Dialect.POSTGRESQL
            ? update(connection, sql.purge, now, now, purgeBatchSize)
            : update(connection, sql.purge, now, purgeBatchSize);
        total += deleted;
        if (deleted < purgeBatchSize) {
          return total;
        }
      }
    });
  }

  /**
   * Creates the table and its index unless they exist, with the DDL of {@link #ddl(Dialect, String)}. Call it
   * once at startup if you do not manage the schema with migrations; the database user then needs the right to
   * create tables.
   *
   * @throws DuplicateStoreException when the database cannot be reached or refuses the DDL
   */
  public void createTableIfMissing() {
    run("createTableIfMissing", (connection, sql) -> {
      for (String statement : statementsOf(ddl(sql.dialect, table))) {
        try (Statement s = connection.createStatement()) {
          s.setQueryTimeout(Math.max(queryTimeoutSeconds, 10));
          s.execute(statement);
        }
      }
      return null;
    });
  }

  /** The configured table name. */
  public String table() {
    return table;
  }

  /**
   * The dialect: the configured one, else the one detected from the database on first use.
   *
   * @throws DuplicateStoreException when it must be detected and the database cannot be reached
   */
  public Dialect dialect() {
    return run("dialect", (connection, sql) -> sql.dialect);
  }

  @Override
  public String toString() {
    return "JdbcDuplicateStore{table=" + table + ", dialect=" + configuredDialect + ", timeoutMillis="
        + timeoutMillis + "}";
  }

  // --- machinery ---

  private interface Work<T> {
    T run(Connection connection, Statements sql) throws SQLException;
  }

  private <T> T run(String operation, Work<T> work) {
    try (Connection connection = dataSource.getConnection()) {
      Statements sql = statementsFor(connection);
      boolean autoCommit = connection.getAutoCommit();
      if (!autoCommit) {
        connection.setAutoCommit(true);
      }
      int previousNetworkTimeout = applyNetworkTimeout(connection);
      try {
        return work.run(connection, sql);
      } finally {
        restore(connection, autoCommit, previousNetworkTimeout);
      }
    } catch (SQLException e) {
      throw failure(operation, e);
    }
  }

  private Statements statementsFor(Connection connection) throws SQLException {
    Statements sql = statements;
    if (sql == null) {
      Dialect detected;
      try {
        detected = Dialect.ofProductName(connection.getMetaData().getDatabaseProductName());
      } catch (IllegalArgumentException e) {
        throw new DuplicateStoreException(e.getMessage(), e);
      }
      sql = new Statements(detected, table);
      statements = sql;
    }
    return sql;
  }

  private int applyNetworkTimeout(Connection connection) throws SQLException {
    if (networkTimeoutUnsupported) {
      return -1;
    }
    try {
      int previous = connection.getNetworkTimeout();
      if (previous != timeoutMillis) {
        connection.setNetworkTimeout(DIRECT, timeoutMillis);
      }
      return previous;
    } catch (SQLFeatureNotSupportedException | AbstractMethodError | UnsupportedOperationException e) {
      networkTimeoutUnsupported = true;
      return -1;
    }
  }

  private void restore(Connection connection, boolean autoCommit, int previousNetworkTimeout) {
    // Best effort: a connection that cannot be reset is broken, and closing it hands it back to the pool,
    // which validates it. The call's own outcome stands.
    try {
      if (previousNetworkTimeout >= 0 && previousNetworkTimeout != timeoutMillis && !connection.isClosed()) {
        connection.setNetworkTimeout(DIRECT, previousNetworkTimeout);
      }
      if (!autoCommit && !connection.isClosed()) {
        connection.setAutoCommit(false);
      }
    } catch (SQLException e) {
      // Ignored on purpose, see above.
    }
  }

  private boolean insertClaim(Connection connection, Statements sql, String id, long expiresAt)
      throws SQLException {
    try {
      return update(connection, sql.claimInsert, id, owner, expiresAt) == 1;
    } catch (SQLException e) {
      if (isUniqueViolation(e)) {
        return false;
      }
      throw e;
    }
  }

  /** The live row's outcome, or null when there is no live row. */
  private ClaimResult read(Connection connection, Statements sql, String id, long now) throws SQLException {
    try (PreparedStatement s = connection.prepareStatement(sql.select)) {
      s.setQueryTimeout(queryTimeoutSeconds);
      s.setString(1, id);
      try (ResultSet row = s.executeQuery()) {
        if (!row.next()) {
          return null;
        }
        String state = row.getString(1);
        int status = row.getInt(2);
        byte[] body = row.getBytes(3);
        long expiresAt = row.getLong(4);
        if (expiresAt <= now) {
          return null;
        }
        if ("D".equals(state)) {
          return ClaimResult.completed(new StoredReply(status, body == null ? new byte[0] : body));
        }
        return ClaimResult.inProgress();
      }
    }
  }

  private int update(Connection connection, String statement, Object... parameters) throws SQLException {
    try (PreparedStatement s = connection.prepareStatement(statement)) {
      s.setQueryTimeout(queryTimeoutSeconds);
      for (int i = 0; i < parameters.length; i++) {
        Object p = parameters[i];
        if (p instanceof String text) {
          s.setString(i + 1, text);
        } else if (p instanceof Long number) {
          s.setLong(i + 1, number);
        } else if (p instanceof Integer number) {
          s.setInt(i + 1, number);
        } else if (p instanceof byte[] bytes) {
          s.setBytes(i + 1, bytes);
        } else {
          throw new IllegalStateException("unexpected parameter type " + p.getClass());
        }
      }
      return s.executeUpdate();
    }
  }

  private static boolean isUniqueViolation(SQLException e) {
    // 23505: PostgreSQL and H2; 23000 with error 1062: MySQL and MariaDB. Any class-23 state is an integrity
    // violation; our statements can only break the primary key, and the caller re-reads the row anyway.
    String state = e.getSQLState();
    return (state != null && state.startsWith("23")) || e.getErrorCode() == 1062;
  }

  private DuplicateStoreException failure(String operation, SQLException e) {
    String state = e.getSQLState() == null ? "none" : e.getSQLState();
    String what = e instanceof SQLTimeoutException || "57014".equals(state)
        ? "did not answer within " + timeoutMillis + " ms"
        : "failed (SQLState " + state + ")";
    String hint = state.startsWith("42")
        ? "; check that table " + table + " exists (JdbcDuplicateStore.createTableIfMissing() creates it)"
        : "; check that the database is reachable and the pool's timeouts";
    return new DuplicateStoreException("Duplicate store's database " + what + " during " + operation + hint, e);
  }

  static String hash(String key) {
    try {
      MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
      return HexFormat.of().formatHex(sha256.digest(key.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JVM has SHA-256", e);
    }
  }

  static List<String> statementsOf(String script) {
    StringBuilder code = new StringBuilder();
    for (String line : script.split("\n", -1)) {
      int comment = line.indexOf("--");
      code.append(comment < 0 ? line : line.substring(0, comment)).append('\n');
    }
    List<String> statements = new ArrayList<>();
    for (String statement : code.toString().split(";")) {
      if (!statement.isBlank()) {
        statements.add(statement.strip());
      }
    }
    return statements;
  }

  private static String indexName(Dialect dialect, String table) {
    int dot = table.indexOf('.');
    // PostgreSQL creates an index in its table's schema and refuses a qualified name; H2 wants the same schema.
    if (dot >= 0 && dialect != Dialect.H2) {
      return table.substring(dot + 1) + "_expires_at";
    }
    return table + "_expires_at";
  }

  private static String checkTable(String table) {
    Objects.requireNonNull(table, "table");
    String[] parts = table.split("\\.", -1);
    boolean valid = parts.length <= 2;
    for (String part : parts) {
      valid &= IDENTIFIER.matcher(part).matches();
    }
    if (!valid) {
      throw new IllegalArgumentException("table must be an unquoted SQL identifier, optionally schema-qualified "
          + "(letters, digits, '_', at most 63 each, e.g. cams_duplicates or app.cams_duplicates) but was '"
          + table + "'");
    }
    return table;
  }

  private static void checkPositive(Duration duration, String name) {
    Objects.requireNonNull(duration, name);
    if (duration.isNegative() || duration.isZero()) {
      throw new IllegalArgumentException(name + " must be positive but was " + duration);
    }
  }

  /** The SQL of one dialect and table, built once. */
  private static final class Statements {
    final Dialect dialect;
    final String claimUpsert;
    final String claimInsert;
    final String claimTakeOver;
    final String select;
    final String completeUpsert;
    final String completeUpdate;
    final String completeInsert;
    final String release;
    final String purge;

    Statements(Dialect dialect, String t) {
      this.dialect = dialect;
      this.claimUpsert = "INSERT INTO " + t + " AS d (id, state, claim_owner, reply_status, reply_body, expires_at)"
          + " VALUES (?, 'C', ?, NULL, NULL, ?)"
          + " ON CONFLICT (id) DO UPDATE SET state = 'C', claim_owner = EXCLUDED.claim_owner,"
          + " reply_status = NULL, reply_body = NULL, expires_at = EXCLUDED.expires_at"
          + " WHERE d.expires_at <= ?";
      this.claimInsert = "INSERT INTO " + t + " (id, state, claim_owner, expires_at) VALUES (?, 'C', ?, ?)";
      this.claimTakeOver = "UPDATE " + t + " SET state = 'C', claim_owner = ?, reply_status = NULL,"
          + " reply_body = NULL, expires_at = ? WHERE id = ? AND expires_at <= ?";
      this.select = "SELECT state, reply_status, reply_body, expires_at FROM " + t + " WHERE id = ?";
      this.completeUpsert = "INSERT INTO " + t + " AS d (id, state, claim_owner, reply_status, reply_body,"
          + " expires_at) VALUES (?, 'D', NULL, ?, ?, ?)"
          + " ON CONFLICT (id) DO UPDATE SET state = 'D', claim_owner = NULL,"
          + " reply_status = EXCLUDED.reply_status, reply_body = EXCLUDED.reply_body,"
          + " expires_at = EXCLUDED.expires_at";
      this.completeUpdate = "UPDATE " + t + " SET state = 'D', claim_owner = NULL, reply_status = ?,"
          + " reply_body = ?, expires_at = ? WHERE id = ?";
      this.completeInsert = "INSERT INTO " + t + " (id, state, claim_owner, reply_status, reply_body, expires_at)"
          + " VALUES (?, 'D', NULL, ?, ?, ?)";
      this.release = "DELETE FROM " + t + " WHERE id = ? AND state = 'C' AND claim_owner = ?";
      this.purge = switch (dialect) {
        // The outer condition is re-checked on a row that a concurrent claim has just taken over.
        case POSTGRESQL -> "DELETE FROM " + t + " WHERE expires_at <= ? AND id IN (SELECT id FROM " + t
            + " WHERE expires_at <= ? LIMIT ?)";
        case MYSQL -> "DELETE FROM " + t + " WHERE expires_at <= ? LIMIT ?";
        case H2 -> "DELETE FROM " + t + " WHERE expires_at <= ? FETCH FIRST ? ROWS ONLY";
      };
    }
  }

  /** Configures a {@link JdbcDuplicateStore}. */
  public static final class Builder {
    private final DataSource dataSource;
    private String table = DEFAULT_TABLE;
    private Clock clock = Clock.systemUTC();
    private Duration timeout = DEFAULT_TIMEOUT;
    private int purgeBatchSize = DEFAULT_PURGE_BATCH_SIZE;
    private Dialect dialect;

    private Builder(DataSource dataSource) {
      this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
    }

    /**
     * The table's name (default {@value #DEFAULT_TABLE}): an unquoted identifier of letters, digits and
     * {@code _}, optionally qualified by a schema ({@code app.cams_duplicates}).
     */
    public Builder table(String table) {
      this.table = checkTable(table);
      return this;
    }

    /** The clock that times leases and retention (default: the system clock). */
    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock");
      return this;
    }

    /**
     * The most each statement may take (default 1 s; between 100 ms and 2.5 s, since the platform waits 3 s for
     * the whole call). Applied as the statement's query timeout (rounded up to whole seconds, as JDBC wants)
     * and as the connection's network timeout where the driver supports one.
     */
    public Builder timeout(Duration timeout) {
      Objects.requireNonNull(timeout, "timeout");
      if (timeout.compareTo(Duration.ofMillis(100)) < 0 || timeout.compareTo(Duration.ofMillis(2_500)) > 0) {
        throw new IllegalArgumentException("timeout must be between 100 ms and 2.5 s but was " + timeout);
      }
      this.timeout = timeout;
      return this;
    }

    /** How many rows {@link #purgeExpired()} deletes per statement (default 1,000; 1 to 100,000). */
    public Builder purgeBatchSize(int purgeBatchSize) {
      if (purgeBatchSize < 1 || purgeBatchSize > 100_000) {
        throw new IllegalArgumentException("purgeBatchSize must be between 1 and 100000 but was "
            + purgeBatchSize);
      }
      this.purgeBatchSize = purgeBatchSize;
      return this;
    }

    /**
     * The database's dialect (default: detected from {@link DatabaseMetaData#getDatabaseProductName()} on
     * first use).
     */
    public Builder dialect(Dialect dialect) {
      this.dialect = Objects.requireNonNull(dialect, "dialect");
      return this;
    }

    public JdbcDuplicateStore build() {
      return new JdbcDuplicateStore(this);
    }
  }
}
