package io.camssdk.webhook;

import static io.camssdk.webhook.TestCalls.CLOCK;
import static io.camssdk.webhook.TestCalls.JSON;
import static io.camssdk.webhook.TestCalls.TOKEN;
import static io.camssdk.webhook.TestCalls.body;
import static io.camssdk.webhook.TestCalls.request;
import static io.camssdk.webhook.TestCalls.signedHeaders;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.camssdk.CamsCode;
import io.camssdk.CamsConfigurationException;
import io.camssdk.duplicate.InMemoryDuplicateStore;
import io.camssdk.duplicate.JdbcDuplicateStore;
import io.camssdk.receipt.ReceiptType;
import io.camssdk.signature.SignatureVerifier;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;

/** Issue 12, defect 1: unauthenticated receipt pushes must not weaken the replay protection of verified calls. */
class ReplayProtectionTest {
  final AtomicInteger handled = new AtomicInteger();
  final AtomicInteger receipts = new AtomicInteger();

  CamsEndpoint.Builder endpoint() {
    return CamsEndpoint.builder()
        .verifier(SignatureVerifier.builder().token(TOKEN).clock(CLOCK).build())
        .onIntent("ORDER_STATUS", call -> Map.of("run", handled.incrementAndGet()))
        .onStatus(batch -> receipts.addAndGet(batch.size()));
  }

  /** A captured, correctly signed call: the same headers and body each time it is sent. */
  record Captured(Map<String, List<String>> headers, byte[] body) {
    EndpointRequest send() {
      Map<String, List<String>> copy = new HashMap<>();
      headers.forEach((name, values) -> copy.put(name, List.copyOf(values)));
      return request("POST", JSON, copy, body);
    }
  }

  static Captured capture(String requestId) {
    byte[] bytes = body(requestId, "ORDER_STATUS", "{\"orderId\":\"A-1\"}").getBytes(StandardCharsets.UTF_8);
    return new Captured(signedHeaders(requestId, bytes), bytes);
  }

  static EndpointRequest freshReceipts(int push, int items) {
    StringBuilder batch = new StringBuilder("[");
    for (int i = 0; i < items; i++) {
      batch.append(i == 0 ? "" : ",").append("{\"MessageId\":\"flood-").append(push).append('-').append(i)
          .append("\",\"Status\":\"Delivered\"}");
    }
    return request("POST", JSON, new HashMap<>(), batch.append(']').toString().getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void receiptFloodDoesNotEvictVerifiedRequestIds() {
    CamsEndpoint endpoint = endpoint().build(); // the default stores
    Captured call = capture("r-flood-1");
    assertThat(endpoint.handleIntent(call.send()).status()).isEqualTo(200);

    for (int push = 0; push < 110; push++) { // 110,000 fresh receipts: more than the default cap of 100,000
      assertThat(endpoint.handleReceipts(ReceiptType.STATUS, freshReceipts(push, 1_000)).status()).isEqualTo(200);
    }
    assertThat(receipts.get()).isEqualTo(110_000);

    EndpointResponse replay = endpoint.handleIntent(call.send());
    assertThat(replay.status()).isEqualTo(200);
    assertThat(replay.replayed()).isTrue();
    assertThat(handled.get()).isEqualTo(1);
  }

  @Test
  void receiptFloodDoesNotEvictRequestIdsOfAnInMemoryStoreTheApplicationGave() {
    CamsEndpoint endpoint = endpoint()
        .duplicateStore(InMemoryDuplicateStore.builder().maxEntries(2_000).clock(CLOCK).build())
        .build();
    Captured call = capture("r-flood-2");
    endpoint.handleIntent(call.send());
    for (int push = 0; push < 5; push++) {
      assertThat(endpoint.handleReceipts(ReceiptType.STATUS, freshReceipts(push, 1_000)).status()).isEqualTo(200);
    }
    assertThat(endpoint.handleIntent(call.send()).replayed()).isTrue();
    assertThat(handled.get()).isEqualTo(1);
  }

  @Test
  void aFullIntentStoreRefusesNewCallsWithStoreUnavailableInsteadOfForgettingAnId() {
    CamsEndpoint endpoint = endpoint()
        .duplicateStore(InMemoryDuplicateStore.builder().maxEntries(3).clock(CLOCK).build())
        .build();
    Captured first = capture("r-full-1");
    for (Captured call : List.of(first, capture("r-full-2"), capture("r-full-3"))) {
      assertThat(endpoint.handleIntent(call.send()).status()).isEqualTo(200);
    }
    EndpointResponse refused = endpoint.handleIntent(capture("r-full-4").send());
    assertThat(refused.code()).isEqualTo(CamsCode.STORE_UNAVAILABLE);
    assertThat(refused.status()).isEqualTo(503);
    assertThat(endpoint.handleIntent(first.send()).replayed()).isTrue();
    assertThat(handled.get()).isEqualTo(3);
  }

  @Test
  void refusesAnInMemoryStoreThatCouldForgetAnIdInsideTheReplayWindow() {
    assertThatThrownBy(() -> endpoint()
            .duplicateStore(InMemoryDuplicateStore.builder().evictionFloor(Duration.ofMinutes(9)).build())
            .build())
        .isInstanceOfSatisfying(CamsConfigurationException.class, e -> {
          assertThat(e.setting()).isEqualTo("duplicateStore");
          assertThat(e.fix()).contains("evictionFloor(PT10M)");
        });
  }

  @Test
  void refusesTheIntentsInMemoryStoreAsTheReceiptStore() {
    InMemoryDuplicateStore store = InMemoryDuplicateStore.create();
    assertThatThrownBy(() -> endpoint().duplicateStore(store).receiptDuplicateStore(store).build())
        .isInstanceOfSatisfying(CamsConfigurationException.class,
            e -> assertThat(e.setting()).isEqualTo("receiptDuplicateStore"));
  }

  @Test
  void aSharedStoreKeepsReceiptKeysAndRequestIdsInSeparateKeySpaces() throws Exception {
    JdbcDataSource dataSource = new JdbcDataSource();
    dataSource.setURL("jdbc:h2:mem:replay-" + System.nanoTime() + ";DB_CLOSE_DELAY=-1");
    JdbcDuplicateStore store = JdbcDuplicateStore.builder(dataSource).clock(CLOCK).build();
    store.createTableIfMissing();
    CamsEndpoint endpoint = endpoint().duplicateStore(store).build();
    Captured call = capture("m-1");
    endpoint.handleIntent(call.send());
    // A receipt whose key text equals the request id's cannot collide with it.
    endpoint.handleReceipts(ReceiptType.STATUS, request("POST", JSON, new HashMap<>(),
        "[{\"MessageId\":\"m-1\",\"Status\":\"Read\"}]".getBytes(StandardCharsets.UTF_8)));
    try (Connection c = dataSource.getConnection(); Statement s = c.createStatement();
        ResultSet rows = s.executeQuery("SELECT id FROM " + store.table() + " ORDER BY id")) {
      StringBuilder ids = new StringBuilder();
      while (rows.next()) {
        ids.append(rows.getString(1)).append('\n');
      }
      String intentKey = java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
          .digest("intent:m-1".getBytes(StandardCharsets.UTF_8)));
      assertThat(ids.toString().lines()).hasSize(2).contains(intentKey);
    }
    assertThat(endpoint.handleIntent(call.send()).replayed()).isTrue();
    assertThat(handled.get()).isEqualTo(1);
  }
}
