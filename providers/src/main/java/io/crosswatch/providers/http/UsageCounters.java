package io.crosswatch.providers.http;

import io.crosswatch.core.provider.ApiUsage;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/** Thread-safe request counters behind {@link ApiUsage}. */
final class UsageCounters {
  private final LongAdder requests = new LongAdder();
  private final LongAdder retries = new LongAdder();
  private final LongAdder rateLimited = new LongAdder();
  private final Map<String, LongAdder> byEndpoint = new ConcurrentHashMap<>();

  void sent(String endpointKey, boolean retry) {
    requests.increment();
    if (retry) {
      retries.increment();
    }
    byEndpoint.computeIfAbsent(endpointKey, k -> new LongAdder()).increment();
  }

  void rateLimited() {
    rateLimited.increment();
  }

  ApiUsage snapshot() {
    Map<String, Long> endpoints = new TreeMap<>();
    byEndpoint.forEach((k, v) -> endpoints.put(k, v.sum()));
    return new ApiUsage(requests.sum(), retries.sum(), rateLimited.sum(), endpoints);
  }
}
