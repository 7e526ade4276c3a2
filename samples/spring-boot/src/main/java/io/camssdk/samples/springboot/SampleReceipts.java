package io.camssdk.samples.springboot;

import io.camssdk.receipt.AuditReceipt;
import io.camssdk.receipt.InboundReceipt;
import io.camssdk.receipt.StatusReceipt;
import io.camssdk.spring.CamsAuditHandler;
import io.camssdk.spring.CamsInboundHandler;
import io.camssdk.spring.CamsStatusHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/** The sample's receipt handlers: one log line per receipt item (ids and states only, never message text). */
@Component
public class SampleReceipts {
  private static final Logger log = LoggerFactory.getLogger(SampleReceipts.class);

  @CamsStatusHandler
  public void status(StatusReceipt receipt) {
    log.info("status receipt: message {} is {}", receipt.messageId(), receipt.status());
  }

  @CamsInboundHandler
  public void inbound(InboundReceipt receipt) {
    log.info("inbound message {} of type {}", receipt.messageId(), receipt.type());
  }

  @CamsAuditHandler
  public void audit(AuditReceipt receipt) {
    log.info("audit receipt: template {} is {}", receipt.templateCode(), receipt.auditStatus());
  }
}
