package io.camssdk;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CamsConfigurationExceptionTest {

  @Test
  void namesTheSettingTheRuleAndTheFix() {
    CamsConfigurationException e = new CamsConfigurationException("retention", "must be at least PT10M",
        "raise retention to at least PT10M");
    assertThat(e.getMessage()).isEqualTo("retention must be at least PT10M. Fix: raise retention to at least PT10M");
    assertThat(e.code()).isEqualTo(CamsCode.INVALID_CONFIGURATION);
  }

  @Test
  void anAdapterRenamesTheSettingAndKeepsTheRule() {
    CamsConfigurationException renamed = new CamsConfigurationException("tokens[1]", "is empty",
        "set tokens[1] to the Signature").renamed("cams.signature.tokens[1]");
    assertThat(renamed.setting()).isEqualTo("cams.signature.tokens[1]");
    assertThat(renamed.getMessage())
        .isEqualTo("cams.signature.tokens[1] is empty. Fix: set cams.signature.tokens[1] to the Signature");
  }

  @Test
  void anInternalErrorIsRetriedByThePlatform() {
    assertThat(CamsCode.INTERNAL_ERROR.httpStatus()).isEqualTo(500);
    assertThat(CamsCode.INTERNAL_ERROR.retriedByPlatform()).isTrue();
    assertThat(CamsCode.INTERNAL_ERROR.wireName()).isEqualTo("InternalError");
  }
}
