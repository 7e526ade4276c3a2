package io.camssdk.management;

/** A user type for default intent data; public, as Moshi's record adapter requires. */
public record OrderDefaults(String locale, boolean vip) {}
