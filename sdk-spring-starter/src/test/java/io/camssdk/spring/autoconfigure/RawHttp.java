package io.camssdk.spring.autoconfigure;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * HTTP/1.1 over a plain socket, for what {@code java.net.http} refuses to send: bodies shorter than declared, slow
 * bodies, odd header bytes. One request per connection.
 */
final class RawHttp {
  private RawHttp() {}

  /** A reply: status (0 when the server closed without answering), raw header block and body text. */
  record Reply(int status, String headers, String body) {
    String header(String name) {
      for (String line : headers.split("\r\n")) {
        int colon = line.indexOf(':');
        if (colon > 0 && line.substring(0, colon).trim().equalsIgnoreCase(name)) {
          return line.substring(colon + 1).trim();
        }
      }
      return null;
    }
  }

  /** A step of writing a request: bytes to send, then a pause. */
  record Chunk(byte[] bytes, long pauseMillis) {}

  static String head(String method, String path, int port, String... headerLines) {
    StringBuilder out = new StringBuilder(method).append(' ').append(path).append(" HTTP/1.1\r\n")
        .append("Host: 127.0.0.1:").append(port).append("\r\n");
    for (String line : headerLines) {
      out.append(line).append("\r\n");
    }
    return out.append("\r\n").toString();
  }

  /** Sends the chunks in turn, optionally half-closes, and reads the reply (within {@code readTimeoutMillis}). */
  static Reply exchange(int port, boolean halfClose, int readTimeoutMillis, Chunk... chunks) throws IOException {
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress("127.0.0.1", port), 5000);
      socket.setSoTimeout(readTimeoutMillis);
      OutputStream out = socket.getOutputStream();
      try {
        for (Chunk chunk : chunks) {
          out.write(chunk.bytes());
          out.flush();
          if (chunk.pauseMillis() > 0) {
            Thread.sleep(chunk.pauseMillis());
          }
        }
        if (halfClose) {
          socket.shutdownOutput();
        }
      } catch (IOException e) {
        // The server may answer (and close) before the whole request is sent: read what it said.
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IOException("interrupted", e);
      }
      return read(socket.getInputStream());
    }
  }

  static Chunk chunk(String text, long pauseMillis) {
    return new Chunk(text.getBytes(StandardCharsets.ISO_8859_1), pauseMillis);
  }

  static Chunk chunk(byte[] bytes, long pauseMillis) {
    return new Chunk(bytes, pauseMillis);
  }

  private static Reply read(InputStream in) throws IOException {
    ByteArrayOutputStream all = new ByteArrayOutputStream();
    byte[] buffer = new byte[8192];
    try {
      int headEnd = -1;
      long contentLength = -1;
      while (true) {
        int n = in.read(buffer);
        if (n < 0) {
          break;
        }
        all.write(buffer, 0, n);
        String text = all.toString(StandardCharsets.ISO_8859_1);
        if (headEnd < 0) {
          headEnd = text.indexOf("\r\n\r\n");
          if (headEnd >= 0) {
            String length = new Reply(0, text.substring(0, headEnd), "").header("Content-Length");
            contentLength = length == null ? -1 : Long.parseLong(length);
          }
        }
        if (headEnd >= 0 && contentLength >= 0 && all.size() >= headEnd + 4 + contentLength) {
          break;
        }
        if (headEnd >= 0 && contentLength < 0 && text.endsWith("\r\n0\r\n\r\n")) {
          break;
        }
      }
    } catch (SocketTimeoutException | java.net.SocketException e) {
      // What arrived is the reply.
    }
    String text = all.toString(StandardCharsets.UTF_8);
    int headEnd = text.indexOf("\r\n\r\n");
    if (!text.startsWith("HTTP/1.1 ") || headEnd < 0) {
      return new Reply(0, text, "");
    }
    int status = Integer.parseInt(text.substring(9, 12));
    String headers = text.substring(0, headEnd);
    String body = text.substring(headEnd + 4);
    if (headers.toLowerCase(Locale.ROOT).contains("transfer-encoding: chunked")) {
      body = dechunk(body);
    }
    return new Reply(status, headers, body);
  }

  private static String dechunk(String chunked) {
    StringBuilder out = new StringBuilder();
    int at = 0;
    while (at < chunked.length()) {
      int lineEnd = chunked.indexOf("\r\n", at);
      if (lineEnd < 0) {
        break;
      }
      int size = Integer.parseInt(chunked.substring(at, lineEnd).trim(), 16);
      if (size == 0) {
        break;
      }
      out.append(chunked, lineEnd + 2, Math.min(chunked.length(), lineEnd + 2 + size));
      at = lineEnd + 2 + size + 2;
    }
    return out.toString();
  }
}
