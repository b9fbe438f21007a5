package io.crosswatch.providers.mdblist;

import static org.assertj.core.api.Assertions.assertThat;

import io.crosswatch.core.model.Feature;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

class MdblistActivitiesTest {
  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final String ANSWER =
      "{\"watchlisted_at\": \"2026-01-01T10:00:00.000Z\", \"watched_at\": \"2026-01-02T10:00:00Z\","
          + " \"season_watched_at\": null, \"episode_watched_at\": \"2026-01-03T10:00:00Z\","
          + " \"rated_at\": \"2026-01-04T10:00:00Z\", \"collected_at\": null,"
          + " \"journal_at\": \"2026-01-05T10:00:00Z\", \"server_time\": \"%s\"}";

  private static MdblistActivities answer(String json) {
    return new MdblistActivities(JSON.readTree(json));
  }

  @Test
  void eachFeatureIsMarkedByItsOwnTimesAndTheJournal() {
    MdblistActivities acts = answer(ANSWER.formatted("2026-01-06T00:00:00Z"));

    assertThat(acts.marks(Feature.WATCHLIST))
        .containsExactly(
            Map.entry("watchlisted_at", "2026-01-01T10:00:00.000Z"),
            Map.entry("journal_at", "2026-01-05T10:00:00Z"));
    assertThat(acts.marks(Feature.HISTORY))
        .containsEntry("watched_at", "2026-01-02T10:00:00Z")
        .containsEntry("episode_watched_at", "2026-01-03T10:00:00Z")
        .containsEntry("season_watched_at", "")
        .containsEntry("journal_at", "2026-01-05T10:00:00Z")
        .hasSize(4);
    assertThat(acts.marks(Feature.RATINGS))
        .containsOnlyKeys("rated_at", "journal_at")
        .doesNotContainValue("2026-01-06T00:00:00Z");
  }

  @Test
  void theServerTimeIsIgnored() {
    MdblistActivities now = answer(ANSWER.formatted("2026-01-06T00:00:00Z"));
    MdblistActivities later = answer(ANSWER.formatted("2026-01-07T08:30:00Z"));

    for (Feature f : List.of(Feature.WATCHLIST, Feature.HISTORY, Feature.RATINGS)) {
      assertThat(later.marks(f)).isEqualTo(now.marks(f));
    }
  }

  @Test
  void anotherShapeProvesNothingSoNothingIsReused() {
    String nested = "{\"movies\": {\"watched_at\": \"2026-01-02T10:00:00Z\"}}";
    String noJournal = "{\"rated_at\": \"2026-01-04T10:00:00Z\", \"watchlisted_at\": null}";

    assertThat(answer(nested).marks(Feature.HISTORY)).isEmpty();
    assertThat(answer(noJournal).marks(Feature.RATINGS)).isEmpty();
    assertThat(answer("[]").marks(Feature.WATCHLIST)).isEmpty();
    assertThat(answer("null").marks(Feature.WATCHLIST)).isEmpty();
  }

  @Test
  void aTimeNeverSetIsAMarkOfItsOwn() {
    String never = "{\"watchlisted_at\": null, \"journal_at\": null}";

    assertThat(answer(never).marks(Feature.WATCHLIST))
        .containsEntry("watchlisted_at", "")
        .containsEntry("journal_at", "");
  }
}
