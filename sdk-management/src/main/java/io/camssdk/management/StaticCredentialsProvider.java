package io.camssdk.management;

/** Returns one fixed {@link Credentials}; its {@code toString()} shows only the AccessKey ID. */
record StaticCredentialsProvider(Credentials credentials) implements CredentialsProvider {
  @Override
  public String toString() {
    return "CredentialsProvider[accessKeyId=" + credentials.accessKeyId() + "]";
  }
}
