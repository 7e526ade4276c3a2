package io.camssdk.spring.autoconfigure;

import io.camssdk.CamsCode;
import io.camssdk.CamsException;
import io.camssdk.signature.CamsHeaders;
import io.camssdk.webhook.CamsEndpoint;
import io.camssdk.webhook.EndpointRequest;
import io.camssdk.webhook.EndpointResponse;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.OptionalLong;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.web.reactive.function.server.HandlerFunction;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;

/**
 * One CAMS path on WebFlux: reads the body (bounded in size and time), hands it to {@link CamsEndpoint} on the
 * handler scheduler, tells the listeners, and writes the endpoint's reply. The endpoint's rejection table decides
 * every answer but one: a body that does not arrive in time, which the endpoint never sees.
 */
final class CamsWebFluxHandler implements HandlerFunction<ServerResponse> {
  private static final Logger log = LoggerFactory.getLogger(CamsWebFluxHandler.class);

  /** Stands for a body whose reading failed; compared by identity. */
  private static final byte[] UNREADABLE = new byte[0];

  private final CamsEndpoint endpoint;
  private final String kind;
  private final Duration readTimeout;
  private final Scheduler scheduler;
  private final List<CamsCallListener> listeners;

  CamsWebFluxHandler(CamsEndpoint endpoint, String kind, Duration readTimeout, Scheduler scheduler,
      List<CamsCallListener> listeners) {
    this.endpoint = endpoint;
    this.kind = kind;
    this.readTimeout = readTimeout;
    this.scheduler = scheduler;
    this.listeners = List.copyOf(listeners);
  }

  @Override
  public Mono<ServerResponse> handle(ServerRequest request) {
    OptionalLong declared = request.headers().contentLength();
    long contentLength = declared.isPresent() ? declared.getAsLong() : -1;
    int maxBodyBytes = endpoint.maxBodyBytes();
    boolean rejectedUnread = !"POST".equals(request.method().name()) || contentLength > maxBodyBytes;
    // A call the endpoint rejects before reading (method, declared size) is not read: the endpoint decides alone.
    Mono<byte[]> body = rejectedUnread ? Mono.just(new byte[0])
        : read(request.exchange().getRequest().getBody(), (int) Math.min(Integer.MAX_VALUE, maxBodyBytes + 1L))
            .timeout(readTimeout)
            // A body that breaks off (the client closed early): the endpoint answers it as unreadable.
            .onErrorResume(failure -> !(failure instanceof TimeoutException), failure -> Mono.just(UNREADABLE));
    return body
        .publishOn(scheduler) // the endpoint runs the (possibly blocking) handlers: never on the event loop
        .map(bytes -> answer(request, contentLength, bytes))
        .onErrorResume(failure -> !(failure instanceof TimeoutException),
            failure -> Mono.just(failed(request, failure)))
        .onErrorResume(TimeoutException.class, timeout -> Mono.just(timedOut(request)))
        .flatMap(CamsWebFluxHandler::write);
  }

  /** The body did not arrive in time: {@code 408 RequestTimeout}, told to the listeners like any answer. */
  private EndpointResponse timedOut(ServerRequest request) {
    EndpointResponse reply = endpoint.reject(new CamsException(CamsCode.REQUEST_TIMEOUT,
        "the request body did not arrive within " + readTimeout.toMillis() + " ms"),
        request.headers().firstHeader(CamsHeaders.REQUEST_ID));
    notifyListeners(reply);
    return reply;
  }

  /**
   * Anything thrown outside the endpoint's own handling (an {@code Error} from a handler, a failing listener):
   * {@code 500 HandlerError}, as the servlet stack answers it, logged by class name only.
   */
  private EndpointResponse failed(ServerRequest request, Throwable failure) {
    String requestId = request.headers().firstHeader(CamsHeaders.REQUEST_ID); // kept only when well formed
    EndpointResponse reply = endpoint.reject(new CamsException(CamsCode.HANDLER_ERROR,
        "the call could not be handled; the platform may retry"), requestId);
    log.warn("CAMS call failed outside the endpoint's handling (request id {}): {}", reply.requestId(),
        failure.getClass().getName());
    return reply;
  }

  private EndpointResponse answer(ServerRequest request, long contentLength, byte[] bytes) {
    // A body cut at the cap is declared at least that long, so the endpoint answers 413 as it would on its own.
    long length = bytes.length > endpoint.maxBodyBytes() ? Math.max(contentLength, bytes.length) : contentLength;
    InputStream in = bytes == UNREADABLE ? new UnreadableBody() : new ByteArrayInputStream(bytes);
    EndpointRequest endpointRequest = EndpointRequest.builder(request.method().name())
        .contentType(request.headers().firstHeader("Content-Type"))
        .headers(name -> request.headers().header(name))
        .queryString(request.exchange().getRequest().getURI().getRawQuery())
        .body(in, length)
        .build();
    EndpointResponse out = CamsEndpointKinds.handle(endpoint, kind, endpointRequest);
    notifyListeners(out);
    return out;
  }

  private void notifyListeners(EndpointResponse reply) {
    for (CamsCallListener listener : listeners) {
      listener.onCall(kind, reply); // before the reply leaves, as on the servlet stack
    }
  }

  /**
   * Collects the body's bytes, at most {@code cap}: once that many have arrived, reading stops (the rest is never
   * requested) and the bytes so far are returned. Every buffer is released as soon as it is copied.
   */
  static Mono<byte[]> read(Flux<DataBuffer> body, int cap) {
    return Mono.defer(() -> {
      BoundedBytes collected = new BoundedBytes(cap);
      return body.<Void>handle((buffer, sink) -> {
        boolean full;
        try {
          full = collected.add(buffer);
        } finally {
          DataBufferUtils.release(buffer);
        }
        if (full) {
          sink.complete();
        }
      }).then(Mono.fromSupplier(collected::toByteArray));
    });
  }

  static Mono<ServerResponse> write(EndpointResponse reply) {
    int status = reply.status();
    byte[] body = reply.body();
    ServerResponse.BodyBuilder response = ServerResponse.status(status)
        .header("Content-Type", EndpointResponse.CONTENT_TYPE); // as the endpoint spells it
    if (status == 405) {
      response.header("Allow", "POST");
    }
    if (status == 405 || status == 408 || status == 413 || status == 415) {
      // The body may be unread (or still arriving): do not keep a connection whose framing would need skipping.
      response.header("Connection", "close");
    }
    return response.contentLength(body.length).bodyValue(body);
  }

  /** Bytes up to a cap, grown as they arrive. */
  private static final class BoundedBytes {
    private final int cap;
    private byte[] bytes = new byte[0];
    private int length;

    BoundedBytes(int cap) {
      this.cap = cap;
    }

    /** Copies what fits; returns whether the cap is reached. */
    boolean add(DataBuffer buffer) {
      int take = Math.min(buffer.readableByteCount(), cap - length);
      if (length + take > bytes.length) {
        bytes = Arrays.copyOf(bytes, Math.min(cap, Math.max(length + take, bytes.length * 2)));
      }
      buffer.read(bytes, length, take);
      length += take;
      return length >= cap;
    }

    byte[] toByteArray() {
      return length == bytes.length ? bytes : Arrays.copyOf(bytes, length);
    }
  }

  /** A body that could not be read, as the endpoint sees it: its first read fails. */
  private static final class UnreadableBody extends InputStream {
    @Override
    public int read() throws IOException {
      throw new IOException("the request body broke off");
    }
  }
}
