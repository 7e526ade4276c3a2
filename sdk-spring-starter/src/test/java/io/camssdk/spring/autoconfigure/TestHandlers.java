package io.camssdk.spring.autoconfigure;

import io.camssdk.intent.IntentCall;
import io.camssdk.json.JsonObject;
import io.camssdk.signature.Signer;
import io.camssdk.spring.CamsDefaultIntentHandler;
import io.camssdk.spring.CamsIntentHandler;
import io.camssdk.webhook.EndpointRequest;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/** Handler beans and request helpers shared by the starter's tests. */
final class TestHandlers {
  static final String TOKEN = "test-token-0123456789";
  static final String OLD_TOKEN = "old-token-9876543210";

  private TestHandlers() {}

  /** Intent handlers covering each parameter form. */
  static class OrderHandlers {
    final AtomicInteger statusCalls = new AtomicInteger();

    public record OrderQuery(String orderId) {}

    @CamsIntentHandler("ORDER_STATUS")
    Map<String, Object> status(OrderQuery query, IntentCall call) {
      statusCalls.incrementAndGet();
      return Map.of("orderId", query.orderId(), "status", "shipped", "channel", String.valueOf(call.channelType()));
    }

    @CamsIntentHandler({"PING", "PING2"})
    public JsonObject ping(JsonObject data) {
      return data;
    }

    @CamsIntentHandler("NOTHING")
    void nothing() {}

    @CamsIntentHandler("BROKEN")
    Object broken(IntentCall call) {
      throw new IllegalStateException("database password is hunter2");
    }
  }

  /** Receipt handlers: batch and per-item forms. */
  static class ReceiptHandlers {
    final java.util.List<io.camssdk.receipt.StatusReceipt> statuses = new java.util.concurrent.CopyOnWriteArrayList<>();
    final java.util.List<io.camssdk.receipt.InboundReceipt> inbound = new java.util.concurrent.CopyOnWriteArrayList<>();

    @io.camssdk.spring.CamsStatusHandler
    void onStatus(List<io.camssdk.receipt.StatusReceipt> receipts) {
      statuses.addAll(receipts);
    }

    @io.camssdk.spring.CamsInboundHandler
    public void onInbound(io.camssdk.receipt.InboundReceipt receipt) {
      inbound.add(receipt);
    }
  }

  static class ReceiptReturningValue {
    @io.camssdk.spring.CamsAuditHandler
    String onAudit(List<io.camssdk.receipt.AuditReceipt> receipts) {
      return "x";
    }
  }

  static class ReceiptWrongList {
    @io.camssdk.spring.CamsStatusHandler
    void onStatus(List<io.camssdk.receipt.InboundReceipt> receipts) {}
  }

  static class SecondStatusHandler {
    @io.camssdk.spring.CamsStatusHandler
    void again(io.camssdk.receipt.StatusReceipt receipt) {}
  }

  /** A default handler. */
  static class Fallback {
    @CamsDefaultIntentHandler
    Map<String, Object> any(IntentCall call) {
      return Map.of("fallback", call.intentCode());
    }
  }

  /** Clashes with {@link OrderHandlers} on ORDER_STATUS. */
  static class ClashingHandlers {
    @CamsIntentHandler("ORDER_STATUS")
    Map<String, Object> other(IntentCall call) {
      return Map.of();
    }
  }

  static class TwoCalls {
    @CamsIntentHandler("X")
    Object twice(IntentCall a, IntentCall b) {
      return null;
    }
  }

  static class PrimitiveReturn {
    @CamsIntentHandler("X")
    int count(IntentCall call) {
      return 1;
    }
  }

  static class StringParameter {
    @CamsIntentHandler("X")
    Object text(String data) {
      return null;
    }
  }

  static class TwoDefaults {
    @CamsDefaultIntentHandler
    Object one(IntentCall call) {
      return null;
    }

    @CamsDefaultIntentHandler
    Object two(IntentCall call) {
      return null;
    }
  }

  static byte[] intentBody(String requestId, String intentCode, String dataJson) {
    return ("{\"RequestId\":\"" + requestId + "\",\"IntentCode\":\"" + intentCode + "\",\"ChannelType\":\"whatsapp\","
        + "\"IntentData\":" + dataJson + ",\"Timestamp\":" + System.currentTimeMillis() + "}")
        .getBytes(StandardCharsets.UTF_8);
  }

  static Map<String, String> signedHeaders(String token, String requestId, byte[] body) {
    Map<String, String> headers = new HashMap<>(Signer.of(List.of(token), java.time.Clock.systemUTC(),
        io.camssdk.signature.SignatureScheme.V1).sign(requestId, body).asMap());
    return headers;
  }

  static EndpointRequest signedRequest(String token, String requestId, String intentCode, String dataJson) {
    byte[] body = intentBody(requestId, intentCode, dataJson);
    return EndpointRequest.post("application/json; charset=utf-8", signedHeaders(token, requestId, body), body);
  }
}
