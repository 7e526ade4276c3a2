package io.camssdk.samples.quickstart;

import static org.assertj.core.api.Assertions.assertThat;

import io.camssdk.json.JsonObject;
import io.camssdk.management.CamsManagementClient;
import io.camssdk.management.CreateIntentRequest;
import io.camssdk.management.ModifyBusinessSystemRequest;
import io.camssdk.testkit.CamsEmulator;
import io.camssdk.testkit.Delivery;
import io.camssdk.testkit.Dispatch;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Collectors;
import java.util.stream.LongStream;

/**
 * The fault run shared by the servlet and Spring samples: COUNT and ECHO intents fired through a {@link FaultyProxy}
 * that fails or stalls 30 % of attempts; every call must end DELIVERED and be handled exactly once.
 */
final class FaultRun {
  static final long SEED = 20261124L;
  static final Duration TIMEOUT = Duration.ofMillis(300);
  static final Duration STALL = Duration.ofMillis(450);
  static final int COUNT_CALLS = 30;
  static final int ECHO_CALLS = 10;

  private FaultRun() {}

  static CamsEmulator emulator() {
    return CamsEmulator.builder()
        .random(new Random(SEED))
        .deliveryTimeout(TIMEOUT)
        .backoffBase(Duration.ofMillis(20))
        .build()
        .start();
  }

  /** What a run produced, for the sample-specific assertions on handler counts. */
  record Result(List<Delivery> deliveries, List<Long> counts) {}

  /**
   * Points the business system at a faulty proxy in front of {@code sampleBase}, fires the calls and checks the
   * delivery log: every call delivered, request ids unique, COUNT replies 1..N each exactly once, ECHO replies
   * carrying their own data.
   */
  static Result run(CamsEmulator emulator, CamsManagementClient cams, String space, String systemId,
      URI sampleBase) throws Exception {
    for (String code : List.of("COUNT", "ECHO")) {
      cams.createIntent(CreateIntentRequest.builder().custSpaceId(space).businessSystemId(systemId)
          .intentCode(code).intentName(code).defaultIntentData(Map.of("run", "fault")).build());
    }
    try (FaultyProxy proxy = new FaultyProxy(sampleBase, SEED, 0.30, 3, STALL)) {
      cams.modifyBusinessSystem(ModifyBusinessSystemRequest.builder().custSpaceId(space).businessSystemId(systemId)
          .apiUrl(proxy.url("/cams/intents").toString()).build());
      List<Dispatch> counts = new ArrayList<>();
      Map<String, Long> echoSeq = new HashMap<>();
      for (int i = 0; i < COUNT_CALLS; i++) {
        counts.add(emulator.triggerIntent(space, systemId, "COUNT", JsonObject.empty()));
        if (i < ECHO_CALLS) {
          Dispatch echo = emulator.triggerIntent(space, systemId, "ECHO", JsonObject.of(Map.of("seq", i)));
          echoSeq.put(echo.requestId(), (long) i);
        }
      }
      List<Delivery> log = emulator.awaitDeliveries(Duration.ofSeconds(60));

      assertThat(log).hasSize(COUNT_CALLS + ECHO_CALLS);
      assertThat(log).allSatisfy(d -> assertThat(d.outcome()).as(d.summary()).isEqualTo(Delivery.Outcome.DELIVERED));
      assertThat(log.stream().map(Delivery::requestId).distinct()).hasSize(log.size());
      // Faults really happened, of every kind, and the platform retried through them.
      assertThat(proxy.injected(FaultyProxy.Fault.FAIL)).isPositive();
      assertThat(proxy.injected(FaultyProxy.Fault.STALL_BEFORE)).isPositive();
      assertThat(proxy.injected(FaultyProxy.Fault.STALL_AFTER)).isPositive();
      long retried = log.stream().filter(d -> d.attempts().size() > 1).count();
      System.out.printf("fault run: %d calls, %d attempts, %d retried; injected fail=%d stall-before=%d"
          + " stall-after=%d%n", log.size(), log.stream().mapToInt(d -> d.attempts().size()).sum(), retried,
          proxy.injected(FaultyProxy.Fault.FAIL), proxy.injected(FaultyProxy.Fault.STALL_BEFORE),
          proxy.injected(FaultyProxy.Fault.STALL_AFTER));
      assertThat(retried).isGreaterThanOrEqualTo(5);
      for (Delivery d : log) {
        assertThat(proxy.attemptsSeen(d.requestId())).isEqualTo(d.attempts().size());
      }

      // COUNT: each run of the handler returns the next number; replays return the stored reply. Exactly once per
      // request id <=> the final replies are 1..N, each once.
      List<Long> countValues = new ArrayList<>();
      for (Dispatch dispatch : counts) {
        Delivery d = emulator.delivery(dispatch.requestId()).orElseThrow();
        countValues.add(((Number) data(d).get("count")).longValue());
      }
      assertThat(countValues).containsExactlyInAnyOrderElementsOf(
          LongStream.rangeClosed(1, COUNT_CALLS).boxed().collect(Collectors.toList()));

      // ECHO: every reply is the default data overlaid by that call's own data.
      for (Map.Entry<String, Long> echo : echoSeq.entrySet()) {
        JsonObject data = data(emulator.delivery(echo.getKey()).orElseThrow());
        assertThat(data.asMap()).containsEntry("seq", echo.getValue()).containsEntry("run", "fault");
      }
      return new Result(log, countValues);
    }
  }

  static JsonObject data(Delivery delivery) {
    JsonObject data = JsonObject.parse(delivery.lastAttempt().replyBody()).getObject("Data");
    return data == null ? JsonObject.empty() : data;
  }
}
