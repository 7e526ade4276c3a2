package io.camssdk.benchmarks.core;

import io.camssdk.duplicate.InMemoryDuplicateStore;
import io.camssdk.duplicate.StoredReply;
import io.camssdk.intent.IntentCall;
import io.camssdk.intent.IntentCallParser;
import io.camssdk.json.JsonLimits;
import io.camssdk.webhook.CamsEndpoint;
import io.camssdk.webhook.EndpointRequest;
import io.camssdk.webhook.EndpointResponse;
import java.io.ByteArrayInputStream;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Where the time of {@link EndpointBenchmark#d_fullEntryPoint} goes, for profiling work (not part of the issue's
 * targets): the parse alone, parse + bind, one duplicate-store claim/complete, and the entry point with a handler
 * that does not bind ({@code p_noBind}) or returns {@code null} ({@code p_nullReply}). Inherits (a)-(d).
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 3, time = 2)
@Fork(1)
@State(Scope.Thread)
public class EndpointPartsBenchmark extends EndpointBenchmark {
  IntentCallParser parser = new IntentCallParser(JsonLimits.DEFAULTS);
  CamsEndpoint noBind;
  CamsEndpoint nullReply;
  InMemoryDuplicateStore store;

  @Setup(Level.Trial)
  public void setUpParts() {
    Clock clock = Clock.fixed(Instant.ofEpochSecond(NOW), ZoneOffset.UTC);
    noBind = CamsEndpoint.builder().verifier(verifier)
        .duplicateStore(
            InMemoryDuplicateStore.builder().maxEntries(1024).clock(new AdvancingClock(clock.instant())).build())
        .onIntent("ORDER_STATUS", call -> new OrderStatus("A-1001", "SHIPPED")).build();
    nullReply = CamsEndpoint.builder().verifier(verifier)
        .duplicateStore(
            InMemoryDuplicateStore.builder().maxEntries(1024).clock(new AdvancingClock(clock.instant())).build())
        .onIntent("ORDER_STATUS", call -> null).build();
    store = InMemoryDuplicateStore.builder().maxEntries(1024).clock(new AdvancingClock(clock.instant())).build();
  }

  private int part;

  private Call nextPart() {
    Call call = calls[part];
    part = (part + 1) % CALLS;
    return call;
  }

  private static EndpointRequest request(Call call) {
    return new EndpointRequest("POST", "application/json; charset=utf-8", call.headerSource(), call.body().length,
        new ByteArrayInputStream(call.body()));
  }

  @Benchmark
  public IntentCall p_parse() {
    return parser.parse(nextPart().body());
  }

  @Benchmark
  public Object p_parseBind() {
    return parser.parse(nextPart().body()).data(OrderQuery.class);
  }

  @Benchmark
  public Object p_store() {
    String key = "intent:" + nextPart().requestId();
    store.claim(key, Duration.ofSeconds(30));
    store.complete(key, new StoredReply(200, new byte[60]), Duration.ofHours(24));
    return key;
  }

  @Benchmark
  public EndpointResponse p_noBind() {
    return noBind.handleIntent(request(nextPart()));
  }

  @Benchmark
  public EndpointResponse p_nullReply() {
    return nullReply.handleIntent(request(nextPart()));
  }
}
