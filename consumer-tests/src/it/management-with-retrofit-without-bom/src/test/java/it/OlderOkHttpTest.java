package it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.camssdk.CamsCode;
import io.camssdk.CamsConfigurationException;
import io.camssdk.management.CamsManagementClient;
import io.camssdk.management.Credentials;
import org.junit.jupiter.api.Test;

/** cams-sdk-management without the BOM next to an older OkHttp: the client refuses to start and says why. */
class OlderOkHttpTest {
  @Test
  void buildingTheClientFailsNamingTheVersionsFoundAndTheBom() {
    CamsConfigurationException failure = assertThrows(CamsConfigurationException.class,
        () -> CamsManagementClient.builder().credentials(Credentials.of("LTAI-consumer", "consumer-secret")).build());

    System.out.println("build() failed with: " + failure.getMessage());
    assertEquals(CamsCode.INVALID_CONFIGURATION, failure.code());
    assertTrue(failure.getMessage().contains("found OkHttp 3.14.9 (okhttp-3.14.9.jar"), failure.getMessage());
    assertTrue(failure.getMessage().contains("Okio 1.17.2 (okio-1.17.2.jar"), failure.getMessage());
    assertTrue(failure.getMessage().contains("Fix: import io.camssdk:cams-sdk-bom:"), failure.getMessage());
    assertTrue(!failure.getMessage().contains("consumer-secret"), failure.getMessage());
  }
}
