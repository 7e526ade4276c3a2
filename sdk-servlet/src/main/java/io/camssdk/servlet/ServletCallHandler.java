package io.camssdk.servlet;

import io.camssdk.CamsCode;
import io.camssdk.CamsException;
import io.camssdk.signature.CamsHeaders;
import io.camssdk.webhook.CamsEndpoint;
import io.camssdk.webhook.EndpointRequest;
import io.camssdk.webhook.EndpointResponse;
import jakarta.servlet.AsyncContext;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.Objects;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Serves one platform call on a servlet request: reads the body within a whole-request <em>read deadline</em>,
 * without holding a thread while its bytes trickle in, hands it to the endpoint and writes the endpoint's reply.
 * Whatever happens on the way, the client gets the SDK's JSON answer, never a container's error page:
 *
 * <ul>
 *   <li>a body that has not fully arrived by the deadline is answered {@code 408} with
 *       {@code {"Code":"RequestTimeout",...}} and the connection is closed;</li>
 *   <li>a body that ends early (a {@code Content-Length} larger than what was sent) or a broken connection is
 *       answered {@code 400 MalformedPayload} while the connection still takes writes;</li>
 *   <li>anything thrown by the endpoint, a handler (an {@link AssertionError} included) or the listener code in
 *       {@code call} is answered {@code 500 HandlerError}, logged as one line naming its class and the request
 *       id.</li>
 * </ul>
 *
 * <p><b>Why not blocking reads.</b> A servlet reading its body with blocking reads keeps its thread until the last
 * byte, and the container only limits the gap between two bytes (its idle timeout): one byte every few seconds
 * holds a thread for hours, and a few hundred such connections leave none for the platform's calls, which it gives
 * up on after 3 seconds. Here the body is read with a {@link ReadListener} on an async request (Servlet 3.1
 * non-blocking I/O): a connection waiting for bytes holds no thread, and the deadline is one timer task. When the
 * servlet is not async-supported ({@code <async-supported>true</async-supported>}, {@code
 * ServletHolder.setAsyncSupported(true)}, {@code Wrapper.setAsyncSupported(true)}; Spring Boot's servlet
 * registrations are by default), it falls back to blocking reads that still end at the deadline, checked after each
 * read, and logs one warning.
 *
 * <pre>{@code
 * ServletCallHandler calls = ServletCallHandler.builder().readDeadline(Duration.ofSeconds(5)).build();
 * // in an async-supported servlet:
 * protected void service(HttpServletRequest request, HttpServletResponse response) {
 *   calls.serve(request, response, endpoint, endpoint::handleIntent);
 * }
 * // in destroy():
 * calls.close();
 * }</pre>
 *
 * <p>Thread-safe: share one per servlet. It owns a one-thread timer for the deadlines (started on first use)
 * unless {@link Builder#scheduler} supplies one; {@link #close()} stops an owned timer.
 *
 * @since 0.1
 */
public final class ServletCallHandler implements AutoCloseable {
  /** The default read deadline: 10 seconds for the whole body, however it trickles in. */
  public static final Duration DEFAULT_READ_DEADLINE = Duration.ofSeconds(10);
  /**
   * The {@code Code} of the {@code 408} answer to a body that missed the read deadline. {@link CamsCode} has no
   * such code: the endpoint never sees these calls, only this adapter answers them.
   */
  public static final String REQUEST_TIMEOUT_CODE = CamsCode.REQUEST_TIMEOUT.wireName();

  private static final Logger log = LoggerFactory.getLogger(ServletCallHandler.class);
  private static final int INITIAL_BUFFER = 8192;

  private final Duration readDeadline;
  private final ScheduledExecutorService suppliedScheduler;
  private final Object schedulerLock = new Object();
  private ScheduledExecutorService ownScheduler;
  private boolean closed;
  private final AtomicBoolean blockingWarned = new AtomicBoolean();

  private ServletCallHandler(Builder builder) {
    this.readDeadline = builder.readDeadline;
    this.suppliedScheduler = builder.scheduler;
  }

  /** A handler with the default read deadline. */
  public static ServletCallHandler create() {
    return builder().build();
  }

  public static Builder builder() {
    return new Builder();
  }

  /** How long the whole body may take to arrive. */
  public Duration readDeadline() {
    return readDeadline;
  }

  /**
   * Serves one call: reads the body (within {@link CamsEndpoint#maxBodyBytes()} and the read deadline), runs
   * {@code call} with it, writes the reply. Returns at once when the request goes async; the reply is written on a
   * container or timer thread later. Never throws for anything the request or {@code call} does.
   *
   * @param endpoint the endpoint whose body limit applies and which renders rejections
   * @param call what to do with the request, usually {@code endpoint::handleIntent} or a receipt type's
   *     {@code in -> endpoint.handleReceipts(type, in)}; it may add listeners (metrics) around the endpoint
   */
  public void serve(HttpServletRequest request, HttpServletResponse response, CamsEndpoint endpoint,
      Function<EndpointRequest, EndpointResponse> call) {
    Objects.requireNonNull(endpoint, "endpoint");
    Objects.requireNonNull(call, "call");
    try {
      if (!bodyIsRead(request, endpoint)) {
        // Rejected by method or declared length before any body byte is read: the endpoint reads nothing.
        respond(request, response, endpoint, call, ServletExchange.adapt(request), false);
      } else if (alreadyArrived(request)) {
        // The usual platform call: the whole body came with the headers. Nothing to wait for, so no async cycle.
        long declared = request.getContentLengthLong();
        byte[] body = request.getInputStream().readNBytes((int) declared);
        respond(request, response, endpoint, call, buffered(request, body, body.length), false);
      } else if (request.isAsyncSupported()) {
        new AsyncBody(request, response, endpoint, call).start();
      } else {
        warnBlockingOnce();
        EndpointRequest in = readBlocking(request, response, endpoint);
        if (in != null) {
          respond(request, response, endpoint, call, in, false);
        }
      }
    } catch (Throwable failure) {
      answerFailure(request, response, endpoint, failure, false);
      rethrowIfFatal(failure);
    }
  }

  /**
   * Reads the body with blocking reads, ending at the read deadline (checked after each read), for callers that
   * must stay on the request's thread (a filter passing the request down its chain). On a failure the answer is
   * already written and {@code null} is returned.
   */
  EndpointRequest readBlocking(HttpServletRequest request, HttpServletResponse response, CamsEndpoint endpoint)
      throws IOException {
    if (!bodyIsRead(request, endpoint)) {
      return ServletExchange.adapt(request);
    }
    long deadline = System.nanoTime() + readDeadline.toNanos();
    int cap = endpoint.maxBodyBytes() + 1;
    byte[] buffer = new byte[initialCapacity(request.getContentLengthLong(), cap)];
    int length = 0;
    try {
      InputStream in = request.getInputStream();
      while (length < cap) {
        if (length == buffer.length) {
          buffer = Arrays.copyOf(buffer, Math.min(cap, buffer.length * 2));
        }
        int read = in.read(buffer, length, buffer.length - length);
        if (read < 0) {
          break;
        }
        length += read;
        if (System.nanoTime() - deadline > 0) {
          answerTimeout(request, response, endpoint, false);
          return null;
        }
      }
    } catch (IOException e) {
      answerUnreadable(request, response, endpoint, e, false);
      return null;
    }
    return buffered(request, buffer, length);
  }

  /**
   * Whether every declared byte is already in the container's buffer, so that reading it cannot block.
   * {@code available()} may under-report (then the body is read asynchronously); it never over-reports.
   */
  private static boolean alreadyArrived(HttpServletRequest request) throws IOException {
    long declared = request.getContentLengthLong();
    return declared >= 0 && request.getInputStream().available() >= declared;
  }

  /** Whether the endpoint would read the body: a POST whose declared length is within the limit. */
  private static boolean bodyIsRead(HttpServletRequest request, CamsEndpoint endpoint) {
    return "POST".equals(request.getMethod()) && request.getContentLengthLong() <= endpoint.maxBodyBytes();
  }

  /**
   * The first buffer: the declared length (plus the byte that finds the end) but at most 8 KiB, growing as bytes
   * arrive. Never sized by the declaration alone: thousands of idle connections each declaring the limit would
   * otherwise hold the limit each before sending a byte.
   */
  private static int initialCapacity(long declared, int cap) {
    int first = Math.min(cap, INITIAL_BUFFER);
    return declared >= 0 ? (int) Math.min(declared + 1, first) : first;
  }

  /** The request with its body in memory; over the limit it holds limit + 1 bytes and the endpoint answers 413. */
  private static EndpointRequest buffered(HttpServletRequest request, byte[] buffer, int length) {
    return EndpointRequest.builder(request.getMethod())
        .contentType(request.getContentType())
        .headers(ServletExchange.headers(request))
        .queryString(request.getQueryString())
        .body(new ByteArrayInputStream(buffer, 0, length), length)
        .build();
  }

  private void respond(HttpServletRequest request, HttpServletResponse response, CamsEndpoint endpoint,
      Function<EndpointRequest, EndpointResponse> call, EndpointRequest in, boolean async) {
    EndpointResponse reply;
    try {
      reply = Objects.requireNonNull(call.apply(in), "the call returned no reply");
    } catch (Throwable failure) {
      answerFailure(request, response, endpoint, failure, async);
      rethrowIfFatal(failure);
      return;
    }
    try {
      ServletExchange.write(reply, response);
    } catch (IOException clientGone) {
      log.debug("Could not write the CAMS reply (request id {}): {}", reply.requestId(),
          clientGone.getClass().getName());
    }
  }

  /** Answers {@code 500 HandlerError} for anything thrown outside the endpoint's own handling. */
  private static void answerFailure(HttpServletRequest request, HttpServletResponse response, CamsEndpoint endpoint,
      Throwable failure, boolean async) {
    EndpointResponse reply = answer(request, response, endpoint, CamsCode.HANDLER_ERROR,
        "the call could not be handled; the platform may retry", async);
    log.warn("CAMS call failed outside the endpoint's handling (request id {}): {}", reply.requestId(),
        failure.getClass().getName());
  }

  /** Answers {@code 408 RequestTimeout} and closes the connection: the rest of the body will not be read. */
  private void answerTimeout(HttpServletRequest request, HttpServletResponse response, CamsEndpoint endpoint,
      boolean async) {
    answer(request, response, endpoint, CamsCode.REQUEST_TIMEOUT,
        "the request body did not arrive within " + readDeadline.toMillis() + " ms", async);
  }

  /** Answers a body that could not be read (it ended early, or the connection failed) while one can still write. */
  private void answerUnreadable(HttpServletRequest request, HttpServletResponse response, CamsEndpoint endpoint,
      Throwable failure, boolean async) {
    if (failure instanceof SocketTimeoutException || failure instanceof TimeoutException
        || failure.getCause() instanceof TimeoutException || failure.getCause() instanceof SocketTimeoutException) {
      answerTimeout(request, response, endpoint, async); // the container's idle timeout came first
      return;
    }
    answer(request, response, endpoint, CamsCode.MALFORMED_PAYLOAD,
        "the body could not be read: it ended before its declared length or the connection failed", async);
  }

  /** Writes the endpoint's rejection with {@code code} for this request (see {@link #writeQuietly}); returns it. */
  private static EndpointResponse answer(HttpServletRequest request, HttpServletResponse response,
      CamsEndpoint endpoint, CamsCode code, String message, boolean async) {
    EndpointResponse reply = endpoint.reject(new CamsException(code, message),
        request.getHeader(CamsHeaders.REQUEST_ID));
    writeQuietly(response, reply.status(), reply.body(), async);
    return reply;
  }

  /**
   * Writes a JSON answer over whatever the response held; a client that has gone away is ignored.
   *
   * <p>On an async request the answer says {@code Connection: close} and is flushed at once: after a failed read
   * Tomcat closes the connection as soon as the read listener's {@code onError} returns. On the request's own
   * thread it is neither: Tomcat closes at once after a 4xx/5xx it commits itself, but, told to close by a
   * committed header, first drains the rest of the body on that thread; Jetty closes when the body was left
   * unread.
   */
  private static void writeQuietly(HttpServletResponse response, int status, byte[] body, boolean async) {
    try {
      if (response.isCommitted()) {
        return;
      }
      response.reset();
      response.setStatus(status);
      response.setContentType(EndpointResponse.CONTENT_TYPE);
      response.setContentLength(body.length);
      if (async) {
        response.setHeader("Connection", "close");
      }
      response.getOutputStream().write(body);
      if (async) {
        response.flushBuffer();
      }
    } catch (IOException | RuntimeException e) {
      log.debug("Could not write the CAMS answer ({}): {}", status, e.getClass().getName());
    }
  }

  private static void rethrowIfFatal(Throwable failure) {
    if (failure instanceof VirtualMachineError fatal) {
      throw fatal; // answered if possible; the JVM must still learn it is out of memory
    }
  }

  private void warnBlockingOnce() {
    if (blockingWarned.compareAndSet(false, true)) {
      log.warn("CAMS servlet is not async-supported: bodies are read with blocking reads, which hold a thread up "
          + "to the read deadline ({} ms) per slow sender; register it with asyncSupported=true",
          readDeadline.toMillis());
    }
  }

  private ScheduledExecutorService scheduler() {
    if (suppliedScheduler != null) {
      return suppliedScheduler;
    }
    synchronized (schedulerLock) {
      if (closed) {
        throw new IllegalStateException("ServletCallHandler is closed");
      }
      if (ownScheduler == null) {
        ScheduledThreadPoolExecutor timer = new ScheduledThreadPoolExecutor(1, runnable -> {
          Thread thread = new Thread(runnable, "cams-read-deadline");
          thread.setDaemon(true);
          return thread;
        });
        timer.setRemoveOnCancelPolicy(true); // most bodies arrive in time: do not keep their cancelled tasks
        ownScheduler = timer;
      }
      return ownScheduler;
    }
  }

  /** Stops the deadline timer this handler started; a supplied scheduler is left to its owner. */
  @Override
  public void close() {
    synchronized (schedulerLock) {
      closed = true;
      if (ownScheduler != null) {
        ownScheduler.shutdownNow();
      }
    }
  }

  @Override
  public String toString() {
    return "ServletCallHandler{readDeadline=" + readDeadline + "}";
  }

  /**
   * One async request: its body collected by a read listener, then handed over exactly once, to the endpoint, or
   * to the 408 / 400 answer, whichever comes first.
   */
  private final class AsyncBody implements ReadListener {
    private static final int READING = 0;
    private static final int HANDLING = 1;
    private static final int DONE = 2;

    private final HttpServletRequest request;
    private final HttpServletResponse response;
    private final CamsEndpoint endpoint;
    private final Function<EndpointRequest, EndpointResponse> call;
    private final AtomicInteger state = new AtomicInteger(READING);
    private final int cap;
    private AsyncContext async;
    private ServletInputStream in;
    private volatile Future<?> deadline;
    private byte[] buffer;
    private int length;

    AsyncBody(HttpServletRequest request, HttpServletResponse response, CamsEndpoint endpoint,
        Function<EndpointRequest, EndpointResponse> call) {
      this.request = request;
      this.response = response;
      this.endpoint = endpoint;
      this.call = call;
      this.cap = endpoint.maxBodyBytes() + 1;
      this.buffer = new byte[initialCapacity(request.getContentLengthLong(), cap)];
    }

    void start() {
      async = request.startAsync(request, response); // if this fails nothing has started: serve() answers
      try {
        async.setTimeout(0); // the deadline below ends the read; the handler's time is the endpoint's concern
        deadline = scheduler().schedule(this::deadlinePassed, readDeadline.toNanos(), TimeUnit.NANOSECONDS);
        in = request.getInputStream();
        in.setReadListener(this);
      } catch (Throwable failure) {
        // Async has started: the answer and complete() are ours, or the request would wait for ever.
        if (state.compareAndSet(READING, DONE)) {
          if (deadline != null) {
            deadline.cancel(false);
          }
          try {
            answerFailure(request, response, endpoint, failure, true);
          } finally {
            complete();
          }
        }
        rethrowIfFatal(failure);
      }
    }

    @Override
    public void onDataAvailable() throws IOException {
      try {
        while (state.get() == READING && in.isReady()) {
          if (length == buffer.length) {
            buffer = Arrays.copyOf(buffer, Math.min(cap, buffer.length * 2));
          }
          int read = in.read(buffer, length, buffer.length - length);
          if (read < 0) {
            return; // the container calls onAllDataRead
          }
          length += read;
          if (length >= cap) {
            handOver(); // over the limit: the endpoint answers 413 from limit + 1 bytes
            return;
          }
        }
      } catch (IOException e) {
        if (state.get() == READING) {
          throw e; // the container passes it to onError, where the response can still be written
        }
      }
    }

    @Override
    public void onAllDataRead() {
      handOver();
    }

    @Override
    public void onError(Throwable failure) {
      if (state.compareAndSet(READING, DONE)) {
        deadline.cancel(false);
        try {
          answerUnreadable(request, response, endpoint, failure, true);
        } finally {
          complete();
        }
      }
    }

    private void deadlinePassed() {
      if (state.compareAndSet(READING, DONE)) {
        try {
          answerTimeout(request, response, endpoint, true);
        } finally {
          complete();
        }
      }
    }

    private void handOver() {
      if (!state.compareAndSet(READING, HANDLING)) {
        return;
      }
      deadline.cancel(false);
      try {
        respond(request, response, endpoint, call, buffered(request, buffer, length), true);
      } catch (Throwable failure) {
        answerFailure(request, response, endpoint, failure, true);
        rethrowIfFatal(failure);
      } finally {
        state.set(DONE);
        complete();
      }
    }

    private void complete() {
      try {
        async.complete();
      } catch (RuntimeException e) {
        log.debug("Could not complete the async CAMS request: {}", e.getClass().getName());
      }
    }
  }

  /** Configures a {@link ServletCallHandler}. */
  public static final class Builder {
    private Duration readDeadline = DEFAULT_READ_DEADLINE;
    private ScheduledExecutorService scheduler;

    private Builder() {}

    /**
     * How long the whole body may take to arrive (default 10 s), from the moment the servlet gets the request.
     * The platform gives up after 3 s, so its own calls are never near it; it only ends slow senders.
     */
    public Builder readDeadline(Duration readDeadline) {
      Objects.requireNonNull(readDeadline, "readDeadline");
      if (readDeadline.isNegative() || readDeadline.isZero()) {
        throw new IllegalArgumentException("readDeadline must be positive but was " + readDeadline);
      }
      this.readDeadline = readDeadline;
      return this;
    }

    /** Runs the deadline tasks (default: a one-thread daemon timer owned by the handler). */
    public Builder scheduler(ScheduledExecutorService scheduler) {
      this.scheduler = Objects.requireNonNull(scheduler, "scheduler");
      return this;
    }

    public ServletCallHandler build() {
      return new ServletCallHandler(this);
    }
  }
}
