package io.crosswatch.bench;

import io.crosswatch.testkit.fake.RecordedRequest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;

/**
 * What a fake server's request log says about one run: requests per {@code "METHOD /path"}, how
 * many were answered 429, how many were writes and when the first and last write arrived.
 *
 * @param byEndpoint requests per endpoint, sorted
 * @param total every request
 * @param tooMany requests answered 429
 * @param writes requests other than GET
 * @param acceptedWrites writes answered 2xx
 * @param firstWrite when the first write arrived, or {@code null}
 * @param lastWrite when the last write arrived, or {@code null}
 * @param minWriteGap the shortest time between two consecutive write arrivals, or {@code null}
 */
record RequestStats(
    Map<String, Long> byEndpoint,
    long total,
    long tooMany,
    long writes,
    long acceptedWrites,
    Instant firstWrite,
    Instant lastWrite,
    Duration minWriteGap) {

  RequestStats {
    byEndpoint = Collections.unmodifiableMap(new TreeMap<>(byEndpoint));
  }

  /** The statistics of one server's request log. */
  static RequestStats of(Collection<RecordedRequest> log) {
    return of("", log);
  }

  /** The statistics of one server's request log, its endpoints named {@code prefix + "GET /x"}. */
  static RequestStats of(String prefix, Collection<RecordedRequest> log) {
    Map<String, Long> counts = new TreeMap<>();
    long tooMany = 0;
    long writes = 0;
    long accepted = 0;
    List<Instant> writeTimes = new ArrayList<>();
    for (RecordedRequest r : log) {
      counts.merge(prefix + r.endpoint(), 1L, Long::sum);
      tooMany += r.status() == 429 ? 1 : 0;
      if (!r.method().equals("GET")) {
        writes++;
        accepted += r.status() / 100 == 2 ? 1 : 0;
        writeTimes.add(r.at());
      }
    }
    Collections.sort(writeTimes);
    Duration minGap = null;
    for (int i = 1; i < writeTimes.size(); i++) {
      Duration gap = Duration.between(writeTimes.get(i - 1), writeTimes.get(i));
      minGap = minGap == null || gap.compareTo(minGap) < 0 ? gap : minGap;
    }
    return new RequestStats(
        counts,
        log.size(),
        tooMany,
        writes,
        accepted,
        writeTimes.isEmpty() ? null : writeTimes.get(0),
        writeTimes.isEmpty() ? null : writeTimes.get(writeTimes.size() - 1),
        minGap);
  }

  /** Time from the first write's arrival to the last's, or zero without writes. */
  Duration writeSpan() {
    return firstWrite == null ? Duration.ZERO : Duration.between(firstWrite, lastWrite);
  }

  /** {@code "`GET /a` ×3, `POST /b` ×1"}. */
  String endpoints() {
    return byEndpoint.entrySet().stream()
        .map(e -> "`" + e.getKey() + "` ×" + e.getValue())
        .collect(Collectors.joining(", "));
  }

  /** The endpoints with paths rewritten by {@code folding} (e.g. ids replaced by {@code {id}}). */
  RequestStats folded(UnaryOperator<String> folding) {
    Map<String, Long> counts = new TreeMap<>();
    byEndpoint.forEach((k, v) -> counts.merge(folding.apply(k), v, Long::sum));
    return new RequestStats(
        counts, total, tooMany, writes, acceptedWrites, firstWrite, lastWrite, minWriteGap);
  }

  /** The statistics of two servers' logs together (the write gap is the smaller of the two). */
  RequestStats plus(RequestStats o) {
    Map<String, Long> counts = new TreeMap<>(byEndpoint);
    o.byEndpoint.forEach((k, v) -> counts.merge(k, v, Long::sum));
    return new RequestStats(
        counts,
        total + o.total,
        tooMany + o.tooMany,
        writes + o.writes,
        acceptedWrites + o.acceptedWrites,
        earlier(firstWrite, o.firstWrite),
        later(lastWrite, o.lastWrite),
        minWriteGap == null || (o.minWriteGap != null && o.minWriteGap.compareTo(minWriteGap) < 0)
            ? o.minWriteGap
            : minWriteGap);
  }

  private static Instant earlier(Instant a, Instant b) {
    return a == null || (b != null && b.isBefore(a)) ? b : a;
  }

  private static Instant later(Instant a, Instant b) {
    return a == null || (b != null && b.isAfter(a)) ? b : a;
  }
}
