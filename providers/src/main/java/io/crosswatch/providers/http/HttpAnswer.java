package io.crosswatch.providers.http;

import java.net.http.HttpHeaders;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Objects;
import java.util.Optional;

/**
 * One HTTP answer as a value: what the service said, not what it means (the adapter decides).
 *
 * @param status the HTTP status code
 * @param headers response headers (case-insensitive lookup)
 * @param body the body as UTF-8 text, empty when there was none
 * @param call which call produced this answer and after how many attempts
 */
public record HttpAnswer(int status, HttpHeaders headers, String body, CallInfo call) {

  public HttpAnswer {
    Objects.requireNonNull(headers, "headers");
    Objects.requireNonNull(body, "body");
    Objects.requireNonNull(call, "call");
  }

  /** Whether the status is 2xx. */
  public boolean isSuccess() {
    return status >= 200 && status < 300;
  }

  /** The first value of a header, if present. */
  public Optional<String> header(String name) {
    return headers.firstValue(name);
  }

  /** The first value of a header as an integer, if present and numeric. */
  public Optional<Integer> intHeader(String name) {
    return header(name).flatMap(HttpAnswer::parseInt);
  }

  /**
   * The wait asked for by {@code Retry-After}: delta seconds or an HTTP date (measured from {@code
   * now}); empty when absent or malformed.
   */
  public Optional<Duration> retryAfter(Instant now) {
    return header("Retry-After").flatMap(value -> parseRetryAfter(value.trim(), now));
  }

  /** {@code "TRAKT:default GET /sync/history: 503 after 4 attempts"}, for error messages. */
  public String describe() {
    return call.describe() + ": " + status + " after " + call.attemptsText();
  }

  static Optional<Duration> parseRetryAfter(String value, Instant now) {
    Optional<Integer> seconds = parseInt(value);
    if (seconds.isPresent()) {
      return Optional.of(Duration.ofSeconds(Math.max(0, seconds.get())));
    }
    try {
      Instant at = ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
      Duration wait = Duration.between(now, at);
      return Optional.of(wait.isNegative() ? Duration.ZERO : wait);
    } catch (DateTimeParseException e) {
      return Optional.empty();
    }
  }

  private static Optional<Integer> parseInt(String value) {
    String s = value.trim();
    if (s.isEmpty() || s.length() > 9 || !s.chars().allMatch(c -> c >= '0' && c <= '9')) {
      return Optional.empty();
    }
    return Optional.of(Integer.parseInt(s));
  }
}
