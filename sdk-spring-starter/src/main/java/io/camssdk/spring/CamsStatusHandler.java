package io.camssdk.spring;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks the method of a Spring bean that receives {@code ChatAppStatus} pushes (delivery receipts), posted to
 * {@code cams.paths.status}. Items are verified (when signed) and de-duplicated before the method runs.
 *
 * <p>The only parameter is either {@code List<StatusReceipt>} (the batch; called once per push) or a single
 * {@link io.camssdk.receipt.StatusReceipt} (called once per item, in order). The method returns {@code void}. If it throws,
 * the push is answered {@code 500 HandlerError}, nothing is marked done and the platform retries it. At most one
 * per application.
 *
 * <pre>{@code
 * @CamsStatusHandler
 * void onStatus(List<StatusReceipt> receipts) {
 *   receipts.forEach(r -> log.info("{}", r));
 * }
 * }</pre>
 *
 * @since 0.1
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface CamsStatusHandler {}
