package io.camssdk.servlet;

import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Objects;

/** A request whose body, already read and verified, is served again from memory, exactly as received. */
final class VerifiedBodyRequest extends HttpServletRequestWrapper {
  private final byte[] body;
  private boolean streamTaken;
  private boolean readerTaken;

  VerifiedBodyRequest(HttpServletRequest request, byte[] body) {
    super(request);
    this.body = Objects.requireNonNull(body, "body");
  }

  @Override
  public ServletInputStream getInputStream() {
    if (readerTaken) {
      throw new IllegalStateException("getReader() was already called on this request");
    }
    streamTaken = true;
    return new BytesInputStream(body);
  }

  @Override
  public BufferedReader getReader() {
    if (streamTaken) {
      throw new IllegalStateException("getInputStream() was already called on this request");
    }
    readerTaken = true;
    // The verified body is UTF-8 JSON: the endpoint rejects any other charset (415) before this point.
    return new BufferedReader(new InputStreamReader(new ByteArrayInputStream(body), StandardCharsets.UTF_8));
  }

  @Override
  public String getCharacterEncoding() {
    String declared = super.getCharacterEncoding();
    return declared != null ? declared : StandardCharsets.UTF_8.name();
  }

  @Override
  public int getContentLength() {
    return body.length;
  }

  @Override
  public long getContentLengthLong() {
    return body.length;
  }

  /** Serves the bytes; complete from the start, so a read listener is told at once that all data is there. */
  private static final class BytesInputStream extends ServletInputStream {
    private final ByteArrayInputStream in;

    BytesInputStream(byte[] body) {
      this.in = new ByteArrayInputStream(body);
    }

    @Override
    public int read() {
      return in.read();
    }

    @Override
    public int read(byte[] buffer, int offset, int length) {
      return in.read(buffer, offset, length);
    }

    @Override
    public boolean isFinished() {
      return in.available() == 0;
    }

    @Override
    public boolean isReady() {
      return true;
    }

    @Override
    public void setReadListener(ReadListener listener) {
      Objects.requireNonNull(listener, "listener");
      try {
        if (in.available() > 0) {
          listener.onDataAvailable();
        }
        listener.onAllDataRead();
      } catch (IOException e) {
        listener.onError(e);
        throw new UncheckedIOException(e);
      }
    }
  }
}
