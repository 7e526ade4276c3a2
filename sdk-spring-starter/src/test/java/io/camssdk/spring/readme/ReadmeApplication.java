package io.camssdk.spring.readme;

import org.springframework.boot.autoconfigure.SpringBootApplication;

/** The application of the README's examples: component scan of this package, auto-configuration. */
@SpringBootApplication
class ReadmeApplication {}
