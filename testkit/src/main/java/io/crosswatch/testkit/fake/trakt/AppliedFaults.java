package io.crosswatch.testkit.fake.trakt;

import io.crosswatch.testkit.fake.FakeRequest;
import io.crosswatch.testkit.fake.FakeResponse;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/** Writes that take effect and then answer an error, so the client cannot tell they did. */
final class AppliedFaults {
  private static final class Rule {
    final String pathPrefix;
    final int status;
    int remaining;

    Rule(String pathPrefix, int status, int remaining) {
      this.pathPrefix = pathPrefix;
      this.status = status;
      this.remaining = remaining;
    }
  }

  private final List<Rule> rules = new ArrayList<>();

  synchronized void add(int count, int status, String pathPrefix) {
    if (count < 1) {
      throw new IllegalArgumentException("count must be at least 1");
    }
    rules.add(new Rule(pathPrefix, status, count));
  }

  /** The answer to send for a request the fake has just handled (and applied). */
  synchronized FakeResponse after(FakeRequest request, FakeResponse handled) {
    if (!request.method().equals("POST")) {
      return handled;
    }
    for (Iterator<Rule> it = rules.iterator(); it.hasNext(); ) {
      Rule rule = it.next();
      if (request.path().startsWith(rule.pathPrefix)) {
        if (--rule.remaining <= 0) {
          it.remove();
        }
        return FakeResponse.error(
            rule.status, "injected failure " + rule.status + " after applying");
      }
    }
    return handled;
  }
}
