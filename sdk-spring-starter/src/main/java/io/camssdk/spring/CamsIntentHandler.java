package io.camssdk.spring;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a method of a Spring bean as the handler of one or more intent codes. The starter finds such methods once
 * at start-up and routes verified intent calls to them.
 *
 * <p>Parameters, in any order, at most one of each: the {@link io.camssdk.intent.IntentCall}; the intent data,
 * either as {@link io.camssdk.json.JsonObject} or bound to the parameter's own type (a record or class, as by
 * {@link io.camssdk.intent.IntentCall#data(Class)}). The return value is the reply's {@code Data}: a {@code Map},
 * a {@code JsonObject}, any object the SDK can write as a JSON object, or nothing ({@code void} or {@code null},
 * replied as {@code {}}).
 *
 * <pre>{@code
 * @Component
 * class OrderIntents {
 *   record OrderQuery(String orderId) {}
 *
 *   @CamsIntentHandler("ORDER_STATUS")
 *   Map<String, Object> status(OrderQuery query) {
 *     return Map.of("status", orders.statusOf(query.orderId()));
 *   }
 * }
 * }</pre>
 *
 * <p>Two handlers for one code, or a method with other parameters or a primitive return type, stop start-up with a
 * message naming the bean(s) and method(s).
 *
 * @see CamsDefaultIntentHandler
 * @since 0.1
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface CamsIntentHandler {

  /** The intent codes this method handles, each matching {@code [A-Za-z0-9_.-]{1,64}}. */
  String[] value();
}
