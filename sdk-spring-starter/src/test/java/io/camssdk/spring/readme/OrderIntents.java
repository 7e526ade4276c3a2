package io.camssdk.spring.readme;

import io.camssdk.intent.IntentCall;
import io.camssdk.receipt.StatusReceipt;
import io.camssdk.spring.CamsDefaultIntentHandler;
import io.camssdk.spring.CamsIntentHandler;
import io.camssdk.spring.CamsStatusHandler;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

// The starter README's first example, compiled as shown (package aside).
@Component
class OrderIntents {
  private static final Logger log = LoggerFactory.getLogger(OrderIntents.class);

  record OrderQuery(String orderId) {}                  // any visibility; unknown keys ignored

  @CamsIntentHandler("ORDER_STATUS")
  Map<String, Object> status(OrderQuery query, IntentCall call) {
    return Map.of("orderId", query.orderId(), "status", "SHIPPED", "requestId", call.requestId());
  }

  @CamsDefaultIntentHandler                            // optional: any other intent code
  Map<String, Object> other(IntentCall call) {
    return Map.of("unknownIntent", call.intentCode());
  }

  @CamsStatusHandler                                   // or List<StatusReceipt> for the whole batch
  void delivered(StatusReceipt receipt) {
    log.info("message {} is {}", receipt.messageId(), receipt.status());
  }
}
