package io.camssdk.receipt;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class OpenValueTest {

  @Test
  void ofReturnsTheKnownConstantIgnoringCase() {
    assertThat(MessageStatus.of("sent")).isSameAs(MessageStatus.SENT);
    assertThat(MessageStatus.of("DELETED")).isSameAs(MessageStatus.DELETED);
    assertThat(InboundMessageType.of("Location")).isSameAs(InboundMessageType.LOCATION);
    assertThat(AuditStatus.of("Auditing")).isSameAs(AuditStatus.AUDITING);
    assertThat(AuditType.of("WABAREVIEWUPDATE")).isSameAs(AuditType.WABA_REVIEW_UPDATE);
  }

  @Test
  void aKnownValueIsSpelledAsDocumentedAndAnUnknownOneAsSent() {
    assertThat(MessageStatus.of("READ").value()).isEqualTo("Read");
    MessageStatus shouted = MessageStatus.of("DELIVERED_TO_WATCH");
    assertThat(shouted.value()).isEqualTo("DELIVERED_TO_WATCH");
    assertThat(shouted).hasToString("DELIVERED_TO_WATCH");
    assertThat(shouted).isEqualTo(MessageStatus.of("delivered_to_watch"))
        .hasSameHashCodeAs(MessageStatus.of("delivered_to_watch"));
  }

  @Test
  void theFourSetsShareOneImplementation() {
    for (Class<?> type : new Class<?>[] {MessageStatus.class, InboundMessageType.class, AuditStatus.class,
        AuditType.class}) {
      assertThat(type.getSuperclass()).isEqualTo(OpenValue.class);
      assertThat(java.lang.reflect.Modifier.isFinal(type.getModifiers())).isTrue();
    }
  }

  @Test
  void keepsUnknownValues() {
    MessageStatus status = MessageStatus.of("pending");
    InboundMessageType type = InboundMessageType.of("STICKER");
    AuditStatus auditStatus = AuditStatus.of("in_appeal");
    AuditType auditType = AuditType.of("businessCapabilityUpdate");

    assertThat(status.value()).isEqualTo("pending");
    assertThat(status.isKnown()).isFalse();
    assertThat(status).isEqualTo(MessageStatus.of("PENDING")).isNotEqualTo(MessageStatus.SENT);
    assertThat(type.isKnown()).isFalse();
    assertThat(auditStatus.isKnown()).isFalse();
    assertThat(auditType.isKnown()).isFalse();
  }

  @Test
  void theDocumentedValuesAreKnown() {
    assertThat(new MessageStatus[] {MessageStatus.SENT, MessageStatus.DELIVERED, MessageStatus.READ,
        MessageStatus.FAILED, MessageStatus.DELETED, MessageStatus.UNSUBSCRIBE, MessageStatus.SUBSCRIBE})
        .allMatch(MessageStatus::isKnown);
    assertThat(new String[] {"TEXT", "LOCATION", "DOCUMENT", "VIDEO", "AUDIO", "REPLY", "IMAGE", "CONTACTS",
        "SYSTEM"}).allMatch(name -> InboundMessageType.of(name).isKnown());
    assertThat(new String[] {"pass", "fail", "auditing", "unaudit", "disabled", "paused"})
        .allMatch(name -> AuditStatus.of(name).isKnown());
    assertThat(new String[] {"template", "phoneNameUpdate", "phoneQualityUpdate", "wabaReviewUpdate",
        "wabaAccountUpdate", "templateCategoryUpdate", "templateQualityUpdate"})
        .allMatch(name -> AuditType.of(name).isKnown());
  }

  @Test
  void valuesOfDifferentSetsAreNeverEqual() {
    assertThat((Object) AuditStatus.of("x")).isNotEqualTo(AuditType.of("x"));
  }

  @Test
  void receiptTypesHaveThePlatformsNames() {
    assertThat(ReceiptType.STATUS.wireName()).isEqualTo("ChatAppStatus");
    assertThat(ReceiptType.INBOUND.wireName()).isEqualTo("ChatAppInbound");
    assertThat(ReceiptType.AUDIT.wireName()).isEqualTo("ChatAppAudit");
    assertThat(ReceiptType.ofWireName("ChatAppAudit")).isEqualTo(ReceiptType.AUDIT);
  }
}
