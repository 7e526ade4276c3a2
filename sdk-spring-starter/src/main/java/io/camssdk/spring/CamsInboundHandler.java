package io.camssdk.spring;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks the method of a Spring bean that receives {@code ChatAppInbound} pushes (mobile-originated messages), posted to
 * {@code cams.paths.inbound}. Items are verified (when signed) and de-duplicated before the method runs.
 *
 * <p>The only parameter is either {@code List<InboundReceipt>} (the batch; called once per push) or a single
 * {@link io.camssdk.receipt.InboundReceipt} (called once per item, in order). The method returns {@code void}. If it throws,
 * the push is answered {@code 500 HandlerError}, nothing is marked done and the platform retries it. At most one
 * per application.
 *
 * <pre>{@code
 * @CamsInboundHandler
 * void onInbound(List<InboundReceipt> receipts) {
 *   receipts.forEach(r -> log.info("{}", r));
 * }
 * }</pre>
 *
 * @since 0.1
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface CamsInboundHandler {}
