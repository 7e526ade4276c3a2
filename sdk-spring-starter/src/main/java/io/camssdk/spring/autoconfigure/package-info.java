/**
 * Spring Boot auto-configuration for CAMS: the endpoint servlet ({@link
 * io.camssdk.spring.autoconfigure.CamsEndpointAutoConfiguration}), Micrometer metrics, an actuator info
 * contributor and the management client. Listed in {@code META-INF/spring/*.AutoConfiguration.imports}.
 */
package io.camssdk.spring.autoconfigure;
