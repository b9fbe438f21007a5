package io.crosswatch.core.config;

import io.crosswatch.core.model.MediaType;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

/**
 * CrossWatch's ratings filters of one pair: which item types' ratings are planned ({@code types})
 * and, with {@code "mode": "from_date"}, from which day on ({@code from_date}).
 *
 * @param types the types whose ratings are planned (never empty)
 * @param fromDate the first day (UTC) whose ratings are planned, or {@code null} for every day
 */
public record RatingsFilter(Set<MediaType> types, LocalDate fromDate) {
  /** No filter: every rating is planned. */
  public static final RatingsFilter ALL = new RatingsFilter(EnumSet.allOf(MediaType.class), null);

  public RatingsFilter {
    Objects.requireNonNull(types, "types");
    if (types.isEmpty()) {
      throw new IllegalArgumentException("types must not be empty");
    }
    types = Set.copyOf(types);
  }

  /** Whether the filter lets every rating through. */
  public boolean isAll() {
    return fromDate == null && types.size() == MediaType.values().length;
  }
}
