package io.camssdk.spring.autoconfigure;

import io.camssdk.duplicate.DuplicateStore;
import io.camssdk.duplicate.DuplicateStoreException;
import io.camssdk.duplicate.InMemoryDuplicateStore;
import io.camssdk.duplicate.JdbcDuplicateStore;
import io.camssdk.redis.RedisDuplicateStore;
import io.camssdk.spring.CamsConfigurationException;
import io.camssdk.spring.CamsProperties;
import io.lettuce.core.AbstractRedisClient;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.api.StatefulConnection;
import io.lettuce.core.cluster.RedisClusterClient;
import java.time.Clock;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.util.ClassUtils;

/**
 * The {@link DuplicateStore} chosen by {@code cams.duplicates.store}: {@code memory} (default), {@code jdbc} on
 * the application's {@link DataSource}, or {@code redis}. A {@code DuplicateStore} bean of the application's own
 * wins over all of them.
 */
final class CamsDuplicateStoreConfigurations {
  private static final Logger log = LoggerFactory.getLogger(CamsDuplicateStoreConfigurations.class);
  private static final String PREFIX = "cams.duplicates";

  private CamsDuplicateStoreConfigurations() {}

  @Configuration(proxyBeanMethods = false)
  @ConditionalOnProperty(prefix = PREFIX, name = "store", havingValue = "memory", matchIfMissing = true)
  static class Memory {
    @Bean
    @ConditionalOnMissingBean
    DuplicateStore camsDuplicateStore(CamsProperties properties, ObjectProvider<Clock> clock) {
      // A request id can be replayed for twice the tolerance: the store must not evict it sooner when full.
      return InMemoryDuplicateStore.builder()
          .maxEntries(properties.duplicates().maxEntries())
          .evictionFloor(properties.signature().tolerance().multipliedBy(2))
          .clock(clock.getIfAvailable(Clock::systemUTC))
          .build();
    }
  }

  @Configuration(proxyBeanMethods = false)
  @ConditionalOnProperty(prefix = PREFIX, name = "store", havingValue = "jdbc")
  static class Jdbc {
    @Bean
    @ConditionalOnMissingBean
    DuplicateStore camsDuplicateStore(CamsProperties properties, ObjectProvider<DataSource> dataSources,
        ObjectProvider<Clock> clock) {
      DataSource dataSource = dataSources.getIfUnique();
      if (dataSource == null) {
        throw new CamsConfigurationException(
            "cams.duplicates.store=jdbc but the application has no single DataSource bean.",
            "Add a DataSource (e.g. spring-boot-starter-jdbc with spring.datasource.url), mark one @Primary, or "
                + "set cams.duplicates.store to memory or redis.");
      }
      CamsProperties.Jdbc jdbc = properties.duplicates().jdbc();
      JdbcDuplicateStore.Builder builder;
      try {
        builder = JdbcDuplicateStore.builder(dataSource).table(jdbc.table());
      } catch (IllegalArgumentException e) {
        throw new CamsConfigurationException("Property cams.duplicates.jdbc.table must be an unquoted SQL "
            + "identifier, optionally schema-qualified (letters, digits, '_').",
            "Change cams.duplicates.jdbc.table (env CAMS_DUPLICATES_JDBC_TABLE).");
      }
      JdbcDuplicateStore store = builder.timeout(jdbc.timeout())
          .clock(clock.getIfAvailable(Clock::systemUTC))
          .build();
      if (jdbc.createTable()) {
        try {
          store.createTableIfMissing();
        } catch (DuplicateStoreException e) {
          throw new CamsConfigurationException("The duplicate store's table " + jdbc.table()
              + " could not be created: " + e.getMessage(),
              "Check the database and the user's rights, or create the table with your migrations "
                  + "(JdbcDuplicateStore.ddl) and set cams.duplicates.jdbc.create-table=false.");
        }
      }
      log.info("CAMS duplicate store: table {} on the application's DataSource", jdbc.table());
      return store;
    }

    /** Deletes expired rows every {@code cams.duplicates.jdbc.purge-interval}; stopped with the context. */
    @Bean
    @ConditionalOnMissingBean(name = "camsDuplicatePurge")
    JdbcPurgeSchedule camsDuplicatePurge(ObjectProvider<DuplicateStore> store, CamsProperties properties) {
      return new JdbcPurgeSchedule(store.getIfUnique() instanceof JdbcDuplicateStore jdbc ? jdbc : null,
          properties.duplicates().jdbc().purgeInterval().toMillis());
    }
  }

  /** A daemon single-thread scheduler calling {@link JdbcDuplicateStore#purgeExpired()}; closed with the context. */
  static final class JdbcPurgeSchedule implements AutoCloseable {
    private final ScheduledExecutorService scheduler;

    JdbcPurgeSchedule(JdbcDuplicateStore store, long intervalMillis) {
      if (store == null || intervalMillis <= 0) {
        scheduler = null;
        return;
      }
      scheduler = Executors.newSingleThreadScheduledExecutor(task -> {
        Thread thread = new Thread(task, "cams-duplicates-purge");
        thread.setDaemon(true);
        return thread;
      });
      scheduler.scheduleWithFixedDelay(() -> {
        try {
          long deleted = store.purgeExpired();
          if (deleted > 0) {
            log.debug("CAMS duplicate store: purged {} expired rows", deleted);
          }
        } catch (RuntimeException e) {
          log.warn("CAMS duplicate store: purging expired rows failed; next try in {} ms: {}", intervalMillis,
              e.getMessage());
        }
      }, intervalMillis, intervalMillis, TimeUnit.MILLISECONDS);
    }

    /** Whether purging is scheduled. */
    boolean scheduled() {
      return scheduler != null && !scheduler.isShutdown();
    }

    @Override
    public void close() {
      if (scheduler != null) {
        scheduler.shutdownNow();
      }
    }
  }

  @Configuration(proxyBeanMethods = false)
  @ConditionalOnClass(RedisDuplicateStore.class)
  @ConditionalOnProperty(prefix = PREFIX, name = "store", havingValue = "redis")
  static class Redis {
    private static final String LETTUCE_FACTORY =
        "org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory";

    @Bean
    @ConditionalOnMissingBean
    DuplicateStore camsDuplicateStore(CamsProperties properties, ListableBeanFactory beans,
        ObjectProvider<RedisConnections> connections) {
      CamsProperties.Redis redis = properties.duplicates().redis();
      RedisDuplicateStore.Builder builder;
      try {
        builder = RedisDuplicateStore.builder().keyPrefix(redis.keyPrefix()).timeout(redis.timeout());
      } catch (IllegalArgumentException e) {
        throw new CamsConfigurationException("Property cams.duplicates.redis.key-prefix must be 1 to 64 "
            + "printable ASCII characters without spaces or braces.",
            "Change cams.duplicates.redis.key-prefix (env CAMS_DUPLICATES_REDIS_KEYPREFIX).");
      }
      String source;
      if (redis.uri() != null && !redis.uri().isBlank()) {
        RedisURI uri;
        try {
          uri = RedisURI.create(redis.uri().strip());
        } catch (IllegalArgumentException e) {
          throw new CamsConfigurationException("Property cams.duplicates.redis.uri is not a Redis URI.",
              "Set cams.duplicates.redis.uri (env CAMS_DUPLICATES_REDIS_URI) to redis://host:port or "
                  + "rediss://host:port.");
        }
        builder.uri(uri);
        source = "cams.duplicates.redis.uri";
      } else {
        AbstractRedisClient client = ClassUtils.isPresent(LETTUCE_FACTORY, getClass().getClassLoader())
            ? SpringDataRedisClient.find(beans).orElse(null) : null;
        if (client == null) {
          throw new CamsConfigurationException(
              "cams.duplicates.store=redis but neither cams.duplicates.redis.uri nor a Spring Data Redis "
                  + "LettuceConnectionFactory is configured.",
              "Set cams.duplicates.redis.uri (env CAMS_DUPLICATES_REDIS_URI), or add spring-boot-starter-data-redis "
                  + "with spring.data.redis.* settings.");
        }
        if (client instanceof RedisClient standalone) {
          builder.client(standalone);
        } else if (client instanceof RedisClusterClient cluster) {
          builder.clusterConnection(connections.getObject().keep(cluster.connect(RedisDuplicateStore.codec())));
        } else {
          throw new CamsConfigurationException("The application's Lettuce client is of an unsupported kind "
              + client.getClass().getSimpleName() + ".", "Set cams.duplicates.redis.uri instead.");
        }
        source = "the application's LettuceConnectionFactory";
      }
      try {
        RedisDuplicateStore store = builder.build();
        log.info("CAMS duplicate store: Redis ({}), key prefix {}", source, redis.keyPrefix());
        return store;
      } catch (DuplicateStoreException e) {
        throw new CamsConfigurationException("The duplicate store cannot connect to Redis: " + e.getMessage(),
            "Check cams.duplicates.redis.uri or spring.data.redis.* and that Redis is reachable.");
      }
    }

    @Bean
    RedisConnections camsRedisConnections() {
      return new RedisConnections();
    }
  }

  /** Connections the starter opened on the application's cluster client; closed with the context. */
  static final class RedisConnections implements AutoCloseable {
    private final java.util.List<StatefulConnection<?, ?>> open = new java.util.concurrent.CopyOnWriteArrayList<>();

    <C extends StatefulConnection<?, ?>> C keep(C connection) {
      open.add(connection);
      return connection;
    }

    @Override
    public void close() {
      open.forEach(StatefulConnection::close);
      open.clear();
    }
  }

  /** Only loaded when Spring Data Redis is on the class path. */
  static final class SpringDataRedisClient {
    private SpringDataRedisClient() {}

    static Optional<AbstractRedisClient> find(ListableBeanFactory beans) {
      return beans.getBeanProvider(
              org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory.class)
          .stream().findFirst().map(factory -> factory.getRequiredNativeClient());
    }
  }

  @Configuration(proxyBeanMethods = false)
  @ConditionalOnMissingClass("io.camssdk.redis.RedisDuplicateStore")
  @ConditionalOnProperty(prefix = PREFIX, name = "store", havingValue = "redis")
  static class RedisModuleMissing {
    @Bean
    @ConditionalOnMissingBean
    DuplicateStore camsDuplicateStore() {
      throw new CamsConfigurationException("cams.duplicates.store=redis needs the module io.camssdk:cams-sdk-redis.",
          "Add the dependency io.camssdk:cams-sdk-redis, or set cams.duplicates.store to memory or jdbc.");
    }
  }
}
