package io.crosswatch.providers.http;

import io.crosswatch.core.apply.Sleeper;
import io.crosswatch.core.provider.ApiUsage;
import io.crosswatch.core.provider.DiagnosticLog;
import io.crosswatch.core.provider.ProviderException;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.random.RandomGenerator;
import javax.net.ssl.SSLHandshakeException;

/**
 * The HTTP client every service adapter shares: paces requests, retries transient failures of
 * reads, counts API use and logs {@code debug_http} lines without secrets. Answers come back as
 * {@link HttpAnswer} values whatever their status; only I/O failures that outlast the retries
 * throw.
 *
 * <p>A write ({@link ApiRequest#isWrite()}) is sent once per call unless it asks for the client's
 * retries ({@link ApiRequest#withClientRetries()}, e.g. a token refresh): its caller owns the
 * retries (the applier sends a chunk at most 1 + 5 times in all), so that retries are never
 * multiplied by two layers. A 429 still holds every request of the instance back for its {@code
 * Retry-After}.
 *
 * <p>Built once per provider instance with {@link #builder}; thread-safe.
 */
public final class HttpApiClient {
  private final String provider;
  private final URI baseUri;
  private final Map<String, String> defaultHeaders;
  private final RetryPolicy retry;
  private final Duration timeout;
  private final Clock clock;
  private final Sleeper sleeper;
  private final RandomGenerator random;
  private final HttpLog log;
  private final Pacer pacer;
  private final UsageCounters counters = new UsageCounters();
  private final RatePolicy rate;
  private volatile Map<String, String> lastRateHeaders = Map.of();
  private final HttpClient http;

  private HttpApiClient(Builder b) {
    this.provider = b.provider;
    this.baseUri = b.baseUri;
    this.defaultHeaders = Map.copyOf(b.defaultHeaders);
    this.retry = b.retry;
    this.timeout = b.timeout;
    this.clock = b.clock;
    this.sleeper = b.sleeper;
    this.random = b.random;
    this.log =
        new HttpLog(provider, b.log, b.debugHttp, Redactor.standard().withSecrets(b.secrets));
    this.pacer = new Pacer(b.rate, b.clock);
    this.rate = b.rate;
    this.http =
        // Redirects are not followed: a redirect could carry the credentials to another host.
        b.http != null
            ? b.http
            : HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(b.connectTimeout)
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
  }

  /** A builder for the client of one provider instance, e.g. {@code TRAKT:default}. */
  public static Builder builder(String provider, URI baseUri) {
    return new Builder(provider, baseUri);
  }

  /**
   * Sends a request, pacing and retrying as configured.
   *
   * @return the last answer: a success, a status that is not retried, or the final retried one
   * @throws ProviderException (retriable, kind UNAVAILABLE) when the service could not be reached
   *     or did not answer in time on the last attempt; (not retriable) when interrupted
   */
  public HttpAnswer send(ApiRequest request) throws ProviderException {
    Objects.requireNonNull(request, "request");
    URI uri = resolve(request);
    String endpoint = request.endpoint();
    String key = request.method() + " " + endpoint;
    int maxAttempts = request.retriedByClient() ? retry.maxAttempts() : 1;
    for (int attempt = 1; ; attempt++) {
      CallInfo call = new CallInfo(provider, request.method(), endpoint, attempt);
      Pacer.Slot slot = pacer.reserve(request.isWrite());
      waitFor(slot.waitTime(), call);
      counters.sent(key, attempt > 1);
      long started = System.nanoTime();
      Duration wait;
      try {
        HttpResponse<String> response;
        try {
          response =
              http.send(
                  build(uri, request), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } finally {
          pacer.done(slot);
        }
        HttpAnswer answer =
            new HttpAnswer(response.statusCode(), response.headers(), bodyOf(response), call);
        log.answer(request.method(), uri, answer, elapsed(started));
        RateHeaders.of(answer).ifPresent(h -> lastRateHeaders = h);
        Optional<Duration> retryWait = retryWait(request, answer, maxAttempts);
        if (retryWait.isEmpty()) {
          return answer;
        }
        wait = retryWait.get();
      } catch (IOException e) {
        log.failure(request.method(), uri, e, elapsed(started));
        if (attempt >= maxAttempts || !mayRetry(request, e)) {
          throw ioFailure(call, e);
        }
        wait = retry.backoff(attempt, random);
      } catch (InterruptedException e) {
        throw interrupted(call, e);
      }
      waitFor(wait, call);
    }
  }

  /**
   * Secret values learnt while the client is in use (tokens loaded from the state dir or issued by
   * a refresh), masked from now on wherever the client would print them.
   */
  public void addSecrets(Collection<String> values) {
    log.addSecrets(Objects.requireNonNull(values, "values"));
  }

  /** Request counters so far. */
  public ApiUsage usage() {
    return counters.snapshot();
  }

  /**
   * The rate budget as health details: what the service's last answer said about it ({@code
   * rate_limit}, {@code rate_remaining}, {@code rate_reset}, when it sends such headers), and the
   * GETs this client may still send in its current pacing window ({@code get_budget_left}).
   */
  public Map<String, String> rateDetails() {
    Map<String, String> details = new LinkedHashMap<>(lastRateHeaders);
    if (rate.limitsGets()) {
      details.put(
          "get_budget_left",
          pacer.getsLeft()
              + " of "
              + rate.getBudget()
              + " per "
              + rate.getWindow().toSeconds()
              + " s");
    }
    return details;
  }

  /** The provider label this client speaks for. */
  public String provider() {
    return provider;
  }

  /** The clock pacing and {@code Retry-After} dates are measured with. */
  public Clock clock() {
    return clock;
  }

  private Optional<Duration> retryWait(ApiRequest request, HttpAnswer answer, int maxAttempts) {
    int status = answer.status();
    int attempt = answer.call().attempts();
    Optional<Duration> asked = Optional.empty();
    if (status == 429) {
      counters.rateLimited();
      asked = answer.retryAfter(clock.instant());
      if (asked.isPresent() && asked.get().compareTo(retry.maxRetryAfter()) <= 0) {
        // Every request of this instance waits, not only this one: the service asked us all.
        pacer.pauseUntil(clock.instant().plus(asked.get()));
      }
    }
    if (attempt >= maxAttempts) {
      return Optional.empty();
    }
    if (status == 429) {
      if (asked.isEmpty()) {
        return Optional.of(retry.backoff(attempt, random));
      }
      if (asked.get().compareTo(retry.maxRetryAfter()) > 0) {
        return Optional.empty();
      }
      return Optional.of(Duration.ZERO);
    }
    if (status >= 500 && status <= 599 && request.repeatable()) {
      return Optional.of(retry.backoff(attempt, random));
    }
    return Optional.empty();
  }

  private static boolean mayRetry(ApiRequest request, IOException e) {
    if (e instanceof SSLHandshakeException) {
      return false; // the same certificate will be refused again
    }
    // A request that could not even connect was surely not acted on, so even a request that
    // must not be repeated may be sent again.
    return request.repeatable()
        || e instanceof ConnectException
        || e instanceof HttpConnectTimeoutException;
  }

  private ProviderException ioFailure(CallInfo call, IOException e) {
    if (e instanceof SSLHandshakeException) {
      return ProviderException.transientFailure(
          call.describe()
              + ": the TLS handshake failed (SSLHandshakeException: "
              + e.getMessage()
              + "); the server's certificate is not trusted. For a Plex, Jellyfin or Emby"
              + " server with a self-signed certificate, set verify_ssl: false in its block",
          e);
    }
    boolean timedOut =
        e instanceof HttpTimeoutException && !(e instanceof HttpConnectTimeoutException);
    String what =
        e instanceof HttpTimeoutException
            ? "timed out after " + timeout.toSeconds() + " s"
            : "failed (" + e.getClass().getSimpleName() + ")";
    String message =
        call.describe()
            + ": "
            + what
            + " after "
            + call.attemptsText()
            + "; check the service's address and your network, then retry";
    return timedOut
        ? ProviderException.timeout(message, e)
        : ProviderException.transientFailure(message, e);
  }

  private static ProviderException interrupted(CallInfo call, InterruptedException e) {
    Thread.currentThread().interrupt();
    return new ProviderException(
        ProviderException.Kind.UNAVAILABLE, call.describe() + ": interrupted", false, null, e);
  }

  private void waitFor(Duration wait, CallInfo call) throws ProviderException {
    if (wait.isZero() || wait.isNegative()) {
      return;
    }
    try {
      sleeper.sleep(wait);
    } catch (InterruptedException e) {
      throw interrupted(call, e);
    }
  }

  private HttpRequest build(URI uri, ApiRequest request) {
    HttpRequest.Builder b = HttpRequest.newBuilder(uri).timeout(timeout);
    Map<String, String> headers = new LinkedHashMap<>(defaultHeaders);
    headers.putAll(request.headers());
    if (request.body() != null
        && headers.keySet().stream().noneMatch("content-type"::equalsIgnoreCase)) {
      headers.put("Content-Type", "application/json");
    }
    headers.forEach(b::header);
    HttpRequest.BodyPublisher body =
        request.body() == null
            ? HttpRequest.BodyPublishers.noBody()
            : HttpRequest.BodyPublishers.ofString(request.body(), StandardCharsets.UTF_8);
    return b.method(request.method(), body).build();
  }

  private URI resolve(ApiRequest request) {
    String path = request.path();
    StringBuilder sb = new StringBuilder();
    if (path.startsWith("http://") || path.startsWith("https://")) {
      sb.append(path);
    } else {
      String base = baseUri.toString();
      sb.append(base.endsWith("/") ? base.substring(0, base.length() - 1) : base);
      sb.append(path.startsWith("/") ? path : "/" + path);
    }
    char sep = sb.indexOf("?") >= 0 ? '&' : '?';
    for (Map.Entry<String, String> e : request.query().entrySet()) {
      sb.append(sep).append(encode(e.getKey())).append('=').append(encode(e.getValue()));
      sep = '&';
    }
    return URI.create(sb.toString());
  }

  private static String encode(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
  }

  private static String bodyOf(HttpResponse<String> response) {
    return response.body() == null ? "" : response.body();
  }

  private static Duration elapsed(long startedNanos) {
    return Duration.ofNanos(System.nanoTime() - startedNanos);
  }

  /** Configures an {@link HttpApiClient}; every setting has a sensible default. */
  public static final class Builder {
    private final String provider;
    private final URI baseUri;
    private final Map<String, String> defaultHeaders = new LinkedHashMap<>();
    private final List<String> secrets = new ArrayList<>();
    private RatePolicy rate = RatePolicy.unlimited();
    private RetryPolicy retry = RetryPolicy.defaults();
    private Duration timeout = Duration.ofSeconds(30);
    private Duration connectTimeout = Duration.ofSeconds(10);
    private Clock clock = Clock.systemUTC();
    private Sleeper sleeper = Sleeper.SYSTEM;
    private RandomGenerator random = new SplittableRandom();
    private DiagnosticLog log = DiagnosticLog.silent();
    private boolean debugHttp;
    private HttpClient http;

    private Builder(String provider, URI baseUri) {
      this.provider = Objects.requireNonNull(provider, "provider");
      this.baseUri = Objects.requireNonNull(baseUri, "baseUri");
    }

    /** A header sent with every request (e.g. an api key); request headers override it. */
    public Builder defaultHeader(String name, String value) {
      defaultHeaders.put(Objects.requireNonNull(name, "name"), Objects.requireNonNull(value, name));
      return this;
    }

    /** Secret values (tokens, keys) that must be masked wherever they would be printed. */
    public Builder secrets(Collection<String> values) {
      values.stream().filter(Objects::nonNull).forEach(secrets::add);
      return this;
    }

    /** Pacing limits; default none. */
    public Builder rate(RatePolicy policy) {
      this.rate = Objects.requireNonNull(policy, "policy");
      return this;
    }

    /** Retry policy; default {@link RetryPolicy#defaults()}. */
    public Builder retry(RetryPolicy policy) {
      this.retry = Objects.requireNonNull(policy, "policy");
      return this;
    }

    /** How long one attempt may take from sending to the full answer; default 30 s. */
    public Builder timeout(Duration value) {
      this.timeout = positive(value, "timeout");
      return this;
    }

    /** How long opening a connection may take; default 10 s (ignored with {@link #http}). */
    public Builder connectTimeout(Duration value) {
      this.connectTimeout = positive(value, "connectTimeout");
      return this;
    }

    /** The clock pacing measures with; default the system clock. */
    public Builder clock(Clock value) {
      this.clock = Objects.requireNonNull(value, "clock");
      return this;
    }

    /** How the client waits (pacing, backoff); default real sleeping. */
    public Builder sleeper(Sleeper value) {
      this.sleeper = Objects.requireNonNull(value, "sleeper");
      return this;
    }

    /** Randomness for backoff jitter; pass a seeded generator for repeatable tests. */
    public Builder random(RandomGenerator value) {
      this.random = Objects.requireNonNull(value, "random");
      return this;
    }

    /** Where {@code debug_http} lines go, and whether they are written at all. */
    public Builder log(DiagnosticLog value, boolean debugHttp) {
      this.log = Objects.requireNonNull(value, "log");
      this.debugHttp = debugHttp;
      return this;
    }

    /** A JDK client to use instead of the default HTTP/1.1 one. */
    public Builder http(HttpClient value) {
      this.http = Objects.requireNonNull(value, "http");
      return this;
    }

    public HttpApiClient build() {
      return new HttpApiClient(this);
    }

    private static Duration positive(Duration value, String name) {
      Objects.requireNonNull(value, name);
      if (value.isZero() || value.isNegative()) {
        throw new IllegalArgumentException(name + " must be longer than zero, got " + value);
      }
      return value;
    }
  }
}
