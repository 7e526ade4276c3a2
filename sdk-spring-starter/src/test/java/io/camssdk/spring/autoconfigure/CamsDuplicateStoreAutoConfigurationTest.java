package io.camssdk.spring.autoconfigure;

import static io.camssdk.spring.autoconfigure.TestHandlers.TOKEN;
import static org.assertj.core.api.Assertions.assertThat;

import io.camssdk.duplicate.ClaimResult;
import io.camssdk.duplicate.DuplicateStore;
import io.camssdk.duplicate.InMemoryDuplicateStore;
import io.camssdk.duplicate.JdbcDuplicateStore;
import io.camssdk.redis.RedisDuplicateStore;
import io.camssdk.spring.CamsConfigurationException;
import io.camssdk.spring.CamsProperties;
import java.io.IOException;
import java.lang.reflect.Method;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.sql.Connection;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.data.redis.connection.RedisStandaloneConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import redis.embedded.RedisServer;

/**
 * {@code cams.duplicates.store=memory|jdbc|redis} against real stores: H2 for the application's DataSource, an
 * embedded Redis on a free loopback port (by URI and through Spring Data Redis's LettuceConnectionFactory).
 */
class CamsDuplicateStoreAutoConfigurationTest {
  /** Boot 4's health indicator interface (spring-boot-health), else Boot 3.5's (spring-boot-actuator). */
  private static final String HEALTH_INDICATOR = isPresent("org.springframework.boot.health.contributor.HealthIndicator")
      ? "org.springframework.boot.health.contributor.HealthIndicator"
      : "org.springframework.boot.actuate.health.HealthIndicator";
  private static int redisPort;
  private static RedisServer redis;

  private final WebApplicationContextRunner runner = new WebApplicationContextRunner()
      .withConfiguration(AutoConfigurations.of(CamsEndpointAutoConfiguration.class,
          CamsHealthAutoConfiguration.class, CamsBoot3HealthAutoConfiguration.class))
      .withPropertyValues("cams.signature.tokens=" + TOKEN);

  @BeforeAll
  static void startRedis() throws IOException {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      redisPort = socket.getLocalPort();
    }
    redis = RedisServer.newRedisServer().port(redisPort).bind("127.0.0.1").setting("save \"\"")
        .setting("appendonly no").build();
    redis.start();
  }

  @AfterAll
  static void stopRedis() throws IOException {
    redis.stop();
  }

  @Test
  void theMemoryStoreIsTheDefaultAndTheLeaseIsBound() {
    runner.withPropertyValues("cams.duplicates.lease=7s").run(context -> {
      assertThat(context).hasNotFailed();
      assertThat(context.getBean(DuplicateStore.class)).isInstanceOf(InMemoryDuplicateStore.class);
      CamsProperties.Duplicates duplicates = context.getBean(CamsProperties.class).duplicates();
      assertThat(duplicates.store()).isEqualTo(CamsProperties.StoreType.MEMORY);
      assertThat(duplicates.lease()).isEqualTo(Duration.ofSeconds(7));
    });
  }

  @Test
  void jdbcUsesTheApplicationsDataSourceAndCreatesTheTableWhenAsked() {
    DataSource dataSource = h2();
    runner.withBean(DataSource.class, () -> dataSource)
        .withPropertyValues("cams.duplicates.store=jdbc", "cams.duplicates.jdbc.create-table=true",
            "cams.duplicates.jdbc.table=app_cams_dups", "cams.duplicates.jdbc.purge-interval=50ms")
        .run(context -> {
          assertThat(context).hasNotFailed();
          JdbcDuplicateStore store = (JdbcDuplicateStore) context.getBean(DuplicateStore.class);
          assertThat(store.table()).isEqualTo("app_cams_dups");
          assertThat(store.claim("spring-jdbc-1", Duration.ofMinutes(1))).isEqualTo(ClaimResult.acquired());
          assertThat(rows(dataSource, "app_cams_dups")).isEqualTo(1);
          assertThat(context.getBean(CamsDuplicateStoreConfigurations.JdbcPurgeSchedule.class).scheduled()).isTrue();
        });
  }

  @Test
  void jdbcPurgesExpiredRowsOnItsScheduleAndStopsWithTheContext() throws Exception {
    DataSource dataSource = h2();
    CamsDuplicateStoreConfigurations.JdbcPurgeSchedule[] schedule = new CamsDuplicateStoreConfigurations.JdbcPurgeSchedule[1];
    runner.withBean(DataSource.class, () -> dataSource)
        .withPropertyValues("cams.duplicates.store=jdbc", "cams.duplicates.jdbc.create-table=true",
            "cams.duplicates.jdbc.purge-interval=50ms")
        .run(context -> {
          DuplicateStore store = context.getBean(DuplicateStore.class);
          store.claim("expires-soon", Duration.ofMillis(1));
          long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
          while (rows(dataSource, "cams_duplicates") > 0 && System.nanoTime() < deadline) {
            Thread.sleep(20);
          }
          assertThat(rows(dataSource, "cams_duplicates")).isZero();
          schedule[0] = context.getBean(CamsDuplicateStoreConfigurations.JdbcPurgeSchedule.class);
        });
    assertThat(schedule[0].scheduled()).isFalse();
  }

  @Test
  void jdbcWithoutADataSourceFailsNamingWhatToDo() {
    runner.withPropertyValues("cams.duplicates.store=jdbc").run(context -> {
      assertThat(context).hasFailed();
      assertThat(context).getFailure().rootCause().isInstanceOf(CamsConfigurationException.class)
          .hasMessageContaining("cams.duplicates.store=jdbc").hasMessageContaining("DataSource");
    });
  }

  @Test
  void jdbcRefusesATableNameThatIsNotAnIdentifier() {
    runner.withBean(DataSource.class, CamsDuplicateStoreAutoConfigurationTest::h2)
        .withPropertyValues("cams.duplicates.store=jdbc", "cams.duplicates.jdbc.table=x; drop table y")
        .run(context -> assertThat(context).getFailure().rootCause()
            .isInstanceOf(CamsConfigurationException.class).hasMessageContaining("cams.duplicates.jdbc.table")
            .hasMessageNotContaining("drop table"));
  }

  @Test
  void redisConnectsToTheUriAndIsClosedWithTheContext() {
    RedisDuplicateStore[] store = new RedisDuplicateStore[1];
    runner.withPropertyValues("cams.duplicates.store=redis",
            "cams.duplicates.redis.uri=redis://127.0.0.1:" + redisPort, "cams.duplicates.redis.key-prefix=app1:")
        .run(context -> {
          assertThat(context).hasNotFailed();
          store[0] = (RedisDuplicateStore) context.getBean(DuplicateStore.class);
          assertThat(store[0].keyPrefix()).isEqualTo("app1:");
          String key = "spring-redis-" + UUID.randomUUID();
          assertThat(store[0].claim(key, Duration.ofMinutes(1))).isEqualTo(ClaimResult.acquired());
          assertThat(store[0].claim(key, Duration.ofMinutes(1))).isEqualTo(ClaimResult.inProgress());
          assertThat(context.getBean(CamsProperties.class).toString()).doesNotContain(
              "redis://127.0.0.1:" + redisPort);
        });
    // Closed with the context: its connection and client are gone.
    org.assertj.core.api.Assertions.assertThatThrownBy(store[0]::ping).isInstanceOf(RuntimeException.class);
  }

  @Test
  void redisUsesTheLettuceClientOfSpringDataRedis() {
    runner.withBean(LettuceConnectionFactory.class,
            () -> new LettuceConnectionFactory(new RedisStandaloneConfiguration("127.0.0.1", redisPort)))
        .withPropertyValues("cams.duplicates.store=redis")
        .run(context -> {
          assertThat(context).hasNotFailed();
          DuplicateStore store = context.getBean(DuplicateStore.class);
          assertThat(store).isInstanceOf(RedisDuplicateStore.class);
          String key = "spring-data-redis-" + UUID.randomUUID();
          assertThat(store.claim(key, Duration.ofMinutes(1))).isEqualTo(ClaimResult.acquired());
          store.ping();
        });
  }

  @Test
  void redisWithoutAUriOrAConnectionFactoryFailsNamingWhatToDo() {
    runner.withPropertyValues("cams.duplicates.store=redis").run(context -> assertThat(context).getFailure()
        .rootCause().isInstanceOf(CamsConfigurationException.class)
        .hasMessageContaining("cams.duplicates.redis.uri"));
  }

  @Test
  void redisWithoutTheRedisModuleFailsNamingTheModule() {
    runner.withClassLoader(new FilteredClassLoader(RedisDuplicateStore.class))
        .withPropertyValues("cams.duplicates.store=redis").run(context -> assertThat(context).getFailure()
            .rootCause().isInstanceOf(CamsConfigurationException.class).hasMessageContaining("cams-sdk-redis"));
  }

  @Test
  void anApplicationsOwnStoreWinsOverTheProperty() {
    InMemoryDuplicateStore own = InMemoryDuplicateStore.create();
    runner.withBean(DuplicateStore.class, () -> own).withPropertyValues("cams.duplicates.store=jdbc")
        .run(context -> assertThat(context.getBean(DuplicateStore.class)).isSameAs(own));
  }

  @Test
  void healthIsUpWhileTheStoreAnswersAndDownWithTheReasonWhenItDoesNot() {
    assertThat(new DuplicateStoreHealth(JdbcDuplicateStore.builder(h2()).build()).check().up()).isTrue();
    JdbcDataSource unreachable = new JdbcDataSource();
    unreachable.setURL("jdbc:h2:tcp://127.0.0.1:1/nothing-listens-here");
    DuplicateStoreHealth.Result down = new DuplicateStoreHealth(JdbcDuplicateStore.builder(unreachable).build())
        .check();
    assertThat(down.up()).isFalse();
    assertThat(down.details()).containsEntry("store", "JdbcDuplicateStore").containsKey("error")
        .containsKey("millis");
    assertThat(new DuplicateStoreHealth(InMemoryDuplicateStore.create()).check().up()).isTrue();
  }

  /** Boot 3.5 had no indicator before (its health API is in another package); both Boots now have the same one. */
  @Test
  void theHealthIndicatorIsABeanOfTheBootsOwnHealthIndicatorTypeOnBoot4AndBoot35() throws Exception {
    Class<?> indicatorType = Class.forName(HEALTH_INDICATOR, false, getClass().getClassLoader());
    runner.run(context -> {
      assertThat(context).hasNotFailed();
      // The actuator collects indicators by type: the bean's type is known without creating it.
      assertThat(context.getBeanFactory().getBeanNamesForType(indicatorType, true, false))
          .contains("camsDuplicateStoreHealthIndicator");
      Object indicator = context.getBean("camsDuplicateStoreHealthIndicator");
      Object health = indicatorType.getMethod("health").invoke(indicator);
      Method status = health.getClass().getMethod("getStatus");
      assertThat(status.invoke(health).toString()).isEqualTo("UP");
      @SuppressWarnings("unchecked")
      Map<String, Object> details = (Map<String, Object>) health.getClass().getMethod("getDetails").invoke(health);
      assertThat(details).containsEntry("store", "InMemoryDuplicateStore").containsKey("millis");
    });
    runner.withPropertyValues("management.health.cams.enabled=false")
        .run(context -> assertThat(context).doesNotHaveBean("camsDuplicateStoreHealthIndicator"));
  }

  @Test
  void theHealthIndicatorIsDownWithTheReasonWhenTheStoreDoesNotAnswer() throws Exception {
    Class<?> indicatorType = Class.forName(HEALTH_INDICATOR, false, getClass().getClassLoader());
    org.h2.jdbcx.JdbcDataSource unreachable = new org.h2.jdbcx.JdbcDataSource();
    unreachable.setURL("jdbc:h2:tcp://127.0.0.1:1/nothing-listens-here");
    runner.withBean(io.camssdk.duplicate.DuplicateStore.class,
        () -> io.camssdk.duplicate.JdbcDuplicateStore.builder(unreachable).build()).run(context -> {
          Object health = indicatorType.getMethod("health").invoke(context.getBean("camsDuplicateStoreHealthIndicator"));
          assertThat(health.getClass().getMethod("getStatus").invoke(health).toString()).isEqualTo("DOWN");
          @SuppressWarnings("unchecked")
          Map<String, Object> details = (Map<String, Object>) health.getClass().getMethod("getDetails").invoke(health);
          assertThat(details).containsKeys("error", "effect");
        });
  }

  private static boolean isPresent(String className) {
    try {
      Class.forName(className, false, CamsDuplicateStoreAutoConfigurationTest.class.getClassLoader());
      return true;
    } catch (ClassNotFoundException e) {
      return false;
    }
  }

  private static DataSource h2() {
    JdbcDataSource dataSource = new JdbcDataSource();
    dataSource.setURL("jdbc:h2:mem:cams-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
    return dataSource;
  }

  private static int rows(DataSource dataSource, String table) throws Exception {
    try (Connection connection = dataSource.getConnection();
        ResultSet rows = connection.createStatement().executeQuery("SELECT COUNT(*) FROM " + table)) {
      rows.next();
      return rows.getInt(1);
    }
  }
}
