package io.camssdk.spring;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks the method that handles intent calls whose code has no {@link CamsIntentHandler} of its own. Without one,
 * such calls are answered {@code 404 UnknownIntent}. Parameters and return value as for {@link CamsIntentHandler};
 * at most one per application.
 *
 * <pre>{@code
 * @CamsDefaultIntentHandler
 * Map<String, Object> anyOther(IntentCall call) {
 *   return Map.of("intent", call.intentCode());
 * }
 * }</pre>
 *
 * @since 0.1
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface CamsDefaultIntentHandler {}
