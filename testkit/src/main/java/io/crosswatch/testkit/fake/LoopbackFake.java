package io.crosswatch.testkit.fake;

import java.net.URI;
import java.time.Clock;
import java.util.List;
import java.util.Map;

/**
 * What a fake service on one loopback port offers its tests: start and stop, its address, fault
 * injection and the request log. Subclasses answer requests in {@link #handle}.
 *
 * @param <S> the fake itself, returned by {@link #start()}
 */
public abstract class LoopbackFake<S extends LoopbackFake<S>> implements AutoCloseable {
  private final Faults faults = new Faults();
  private final LoopbackServer server;

  /** A fake whose request log is stamped by {@code clock}; it answers once started. */
  protected LoopbackFake(Clock clock) {
    this.server = new LoopbackServer(this::handle, faults, clock);
  }

  /** The service's answer to one request that no injected fault took. */
  protected abstract FakeResponse handle(FakeRequest request);

  /** Starts answering on a free loopback port; returns this. */
  @SuppressWarnings("unchecked")
  public final S start() {
    server.start();
    return (S) this;
  }

  /** Stops answering. */
  public final void stop() {
    server.stop();
  }

  @Override
  public final void close() {
    stop();
  }

  /** {@code http://127.0.0.1:PORT}. */
  public final String baseUrl() {
    return server.baseUri().toString();
  }

  /** {@code http://127.0.0.1:PORT}, as a URI. */
  public final URI baseUri() {
    return server.baseUri();
  }

  /** Fault injection for the next requests. */
  public final Faults faults() {
    return faults;
  }

  /** Every request received, in order, with the status answered. */
  public final List<RecordedRequest> requests() {
    return server.requests();
  }

  /** Requests per {@code "METHOD /path"}. */
  public final Map<String, Long> counts() {
    return server.counts();
  }

  /** Requests of one {@code "METHOD /path"}. */
  public final long count(String endpoint) {
    return server.count(endpoint);
  }

  /** Forgets the request log. */
  public final void clearLog() {
    server.clearLog();
  }
}
