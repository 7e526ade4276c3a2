package io.camssdk.receipt;

import static io.camssdk.receipt.Samples.utf8;
import static org.assertj.core.api.Assertions.assertThat;

import io.camssdk.json.JsonLimits;
import java.util.List;
import org.junit.jupiter.api.Test;

class AuditReceiptTest {

  private static List<AuditReceipt> parse(String json) {
    return ReceiptParser.parseAudit(utf8(json), JsonLimits.DEFAULTS);
  }

  @Test
  void readsTheDocumentedVersion1Reviews() {
    List<AuditReceipt> receipts = ReceiptParser.parseAudit(Samples.read("audit-v1.json"), JsonLimits.DEFAULTS);

    AuditReceipt waiting = receipts.get(0);
    assertThat(waiting.type()).isEqualTo(ReceiptType.AUDIT);
    assertThat(waiting.wabaId()).isEqualTo("9099999990000");
    assertThat(waiting.templateCode()).isEqualTo("744c4b5c79c9432497a075bdfca30000");
    assertThat(waiting.language()).isEqualTo("en_US");
    assertThat(waiting.auditStatus()).isEqualTo(AuditStatus.UNAUDIT);
    assertThat(waiting.reason()).isEmpty();
    assertThat(waiting.auditType()).isNull();
    assertThat(waiting.phoneNumber()).isNull();

    AuditReceipt rejected = receipts.get(1);
    assertThat(rejected.auditStatus()).isEqualTo(AuditStatus.FAIL);
    assertThat(rejected.reason()).isEqualTo("INVALID_FORMAT");
  }

  @Test
  void readsVersion2Notices() {
    List<AuditReceipt> receipts = ReceiptParser.parseAudit(Samples.read("audit-v2.json"), JsonLimits.DEFAULTS);

    assertThat(receipts.get(0).auditType()).isEqualTo(AuditType.TEMPLATE);
    assertThat(receipts.get(0).auditStatus()).isEqualTo(AuditStatus.PASS);

    AuditReceipt quality = receipts.get(1);
    assertThat(quality.auditType()).isEqualTo(AuditType.PHONE_QUALITY_UPDATE);
    assertThat(quality.phoneNumber()).isEqualTo("6580000000");
    assertThat(quality.status()).isEqualTo("YELLOW");
    assertThat(quality.currentLimit()).isEqualTo("TIER_1K");
    assertThat(quality.templateCode()).isNull();
    assertThat(quality.auditStatus()).isNull();

    assertThat(receipts.get(2).auditType()).isEqualTo(AuditType.PHONE_NAME_UPDATE);
  }

  @Test
  void keepsUnknownStatusesTypesAndKeys() {
    AuditReceipt receipt = parse("[{\"AuditStatus\":\"Audit\",\"Type\":\"businessVerificationUpdate\","
        + "\"Event\":\"VERIFIED\",\"CurrentLimit\":1000}]").get(0);

    assertThat(receipt.auditStatus().value()).isEqualTo("Audit");
    assertThat(receipt.auditStatus().isKnown()).isFalse();
    assertThat(receipt.auditType().value()).isEqualTo("businessVerificationUpdate");
    assertThat(receipt.auditType().isKnown()).isFalse();
    assertThat(receipt.raw().getString("Event")).isEqualTo("VERIFIED");
    assertThat(receipt.currentLimit()).isEqualTo("1000");
  }

  @Test
  void repeatedNoticesHaveEqualDedupKeys() {
    List<AuditReceipt> receipts = parse("[{\"WabaId\":\"w\",\"TemplateCode\":\"t\",\"AuditStatus\":\"pass\"},"
        + "{\"TemplateCode\":\"t\",\"WabaId\":\"w\",\"AuditStatus\":\"PASS\",\"Unknown\":1}]");

    assertThat(receipts.get(0).dedupKey()).isEqualTo(receipts.get(1).dedupKey()).matches("ChatAppAudit#[0-9a-f]{64}");
  }

  @Test
  void anyDocumentedFieldChangesTheDedupKey() {
    List<AuditReceipt> receipts = parse("["
        + "{\"WabaId\":\"w\",\"TemplateCode\":\"t\",\"Language\":\"en\",\"AuditStatus\":\"fail\",\"Reason\":\"r\"},"
        + "{\"WabaId\":\"w\",\"TemplateCode\":\"t\",\"Language\":\"en\",\"AuditStatus\":\"fail\",\"Reason\":\"s\"},"
        + "{\"WabaId\":\"w\",\"TemplateCode\":\"t\",\"Language\":\"en\",\"AuditStatus\":\"pass\",\"Reason\":\"r\"},"
        + "{\"WabaId\":\"w\",\"TemplateCode\":\"t\",\"Language\":\"id\",\"AuditStatus\":\"fail\",\"Reason\":\"r\"},"
        + "{\"WabaId\":\"w\",\"TemplateCode\":\"t\",\"Language\":\"en\",\"AuditStatus\":\"fail\"},"
        + "{\"WabaId\":\"w\",\"TemplateCode\":\"t\",\"Language\":\"en\",\"AuditStatus\":\"fail\",\"Reason\":\"\"},"
        + "{\"WabaId\":\"w\",\"Type\":\"phoneQualityUpdate\",\"PhoneNumber\":\"1\",\"Status\":\"RED\"},"
        + "{\"WabaId\":\"w\",\"Type\":\"phoneQualityUpdate\",\"PhoneNumber\":\"1\",\"Status\":\"GREEN\"},"
        + "{\"WabaId\":\"w\",\"Type\":\"phoneQualityUpdate\",\"PhoneNumber\":\"1\",\"Status\":\"GREEN\","
        + "\"CurrentLimit\":\"TIER_10K\"}]");

    assertThat(receipts).extracting(AuditReceipt::dedupKey).doesNotHaveDuplicates();
  }

  @Test
  void dedupKeysCannotBeForgedByMovingTextBetweenFields() {
    List<AuditReceipt> receipts = parse("[{\"WabaId\":\"ab\",\"TemplateCode\":\"c\"},"
        + "{\"WabaId\":\"a\",\"TemplateCode\":\"bc\"},{\"WabaId\":\"a\",\"TemplateCode\":\"1:bc\"},"
        + "{\"WabaId\":\"-\"},{\"TemplateCode\":\"-\"}]");

    assertThat(receipts).extracting(AuditReceipt::dedupKey).doesNotHaveDuplicates();
  }
}
