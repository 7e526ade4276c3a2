package io.camssdk.testkit.spring;

import io.camssdk.json.JsonObject;
import io.camssdk.testkit.CamsEmulator;
import io.camssdk.testkit.Dispatch;
import java.util.Objects;

/**
 * The business system {@link AutoConfigureCamsEmulator} created on the emulator; a bean of the test's context.
 *
 * @param custSpaceId the channel it belongs to
 * @param businessSystemId its id
 * @since 0.1
 */
public record EmulatedBusinessSystem(String custSpaceId, String businessSystemId) {

  public EmulatedBusinessSystem {
    Objects.requireNonNull(custSpaceId, "custSpaceId");
    Objects.requireNonNull(businessSystemId, "businessSystemId");
  }

  /** Fires an intent call of {@code intentCode} at this business system; see {@link CamsEmulator#triggerIntent}. */
  public Dispatch trigger(CamsEmulator emulator, String intentCode, JsonObject data) {
    return emulator.triggerIntent(custSpaceId, businessSystemId, intentCode, data);
  }
}
