package io.camssdk.intent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.camssdk.CamsConfigurationException;
import org.junit.jupiter.api.Test;

class IntentRouterTest {
  final IntentHandler orders = call -> "orders";
  final IntentHandler fallback = call -> "fallback";

  @Test
  void routesAnIntentCodeToItsHandlerByExactCaseSensitiveMatch() {
    IntentRouter router = IntentRouter.builder().on("ORDER_STATUS", orders).build();
    assertThat(router.route("ORDER_STATUS")).isSameAs(orders);
    assertThat(router.route("order_status")).isNull();
    assertThat(router.route("ORDER_STATUS ")).isNull();
  }

  @Test
  void routesOtherCodesToTheDefaultHandlerWhenThereIsOne() {
    IntentRouter router = IntentRouter.builder().on("ORDER_STATUS", orders).otherwise(fallback).build();
    assertThat(router.route("ANYTHING")).isSameAs(fallback);
    assertThat(router.route("ORDER_STATUS")).isSameAs(orders);
    assertThat(router.hasDefaultHandler()).isTrue();
    assertThat(IntentRouter.builder().build().hasDefaultHandler()).isFalse();
  }

  @Test
  void listsTheCodesWithTheirOwnHandler() {
    IntentRouter router = IntentRouter.builder().on("A", orders).on("B.c-d_1", orders).otherwise(fallback).build();
    assertThat(router.intentCodes()).containsExactlyInAnyOrder("A", "B.c-d_1");
    assertThat(router.toString()).isEqualTo("IntentRouter{intents=" + router.intentCodes() + ", default=true}");
  }

  @Test
  void refusesACodeOutsideTheContractsAlphabetWithoutRepeatingIt() {
    for (String code : new String[] {"", "order status", "a/b", "x".repeat(65), "ünïcode"}) {
      assertThatThrownBy(() -> IntentRouter.builder().on(code, orders))
          .isInstanceOfSatisfying(CamsConfigurationException.class, e -> {
            assertThat(e.setting()).isEqualTo("intentCode");
            assertThat(e.rule()).isEqualTo("must match [A-Za-z0-9_.-]{1,64}");
            if (!code.isEmpty()) {
              assertThat(e.getMessage()).doesNotContain(code);
            }
          });
    }
  }

  @Test
  void refusesASecondHandlerForOneCodeNamingTheCode() {
    IntentRouter.Builder builder = IntentRouter.builder().on("ORDER_STATUS", orders);
    assertThatThrownBy(() -> builder.on("ORDER_STATUS", fallback))
        .isInstanceOfSatisfying(CamsConfigurationException.class,
            e -> assertThat(e.setting()).isEqualTo("intents[ORDER_STATUS]"));
  }

  @Test
  void refusesASecondDefaultHandler() {
    assertThatThrownBy(() -> IntentRouter.builder().otherwise(orders).otherwise(fallback))
        .isInstanceOfSatisfying(CamsConfigurationException.class,
            e -> assertThat(e.setting()).isEqualTo("otherwise"));
  }

  @Test
  void isUnaffectedByLaterChangesToItsBuilder() {
    IntentRouter.Builder builder = IntentRouter.builder().on("A", orders);
    IntentRouter router = builder.build();
    builder.on("B", orders);
    assertThat(router.intentCodes()).containsExactly("A");
  }
}
