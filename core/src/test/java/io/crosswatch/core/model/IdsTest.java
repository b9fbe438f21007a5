package io.crosswatch.core.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class IdsTest {
  @ParameterizedTest
  @CsvSource({
    "TMDB, 603, 603",
    "TMDB, '0603', 603",
    "TMDB, 0, ",
    "TMDB, '', ",
    "TMDB, null, ",
    "TMDB, none, ",
    "TMDB, abc, ",
    "TMDB, -5, ",
    "IMDB, tt0133093, tt0133093",
    "IMDB, TT0133093, tt0133093",
    "IMDB, 0133093, tt0133093",
    "IMDB, tt, ",
    "IMDB, tt0000000, ",
    "SLUG, The-Matrix, the-matrix",
    "PLEX, 12345, 12345"
  })
  void normalizesRawValues(IdKind kind, String raw, String expected) {
    assertThat(Ids.normalize(kind, raw)).isEqualTo(expected);
  }

  @Test
  void numbersAndDigitStringsAreTheSameId() {
    assertThat(Ids.of(Map.of(IdKind.TMDB, 603))).isEqualTo(Ids.of(Map.of(IdKind.TMDB, "603")));
    assertThat(Ids.of(Map.of(IdKind.TMDB, 603.0))).isEqualTo(Ids.of(Map.of(IdKind.TMDB, "603")));
    assertThat(Ids.of(Map.of(IdKind.TMDB, 603.5)).isEmpty()).isTrue();
  }

  @Test
  void mergeKeepsThisSideOnConflictsAndAddsMissingKinds() {
    Ids a = Ids.of(Map.of(IdKind.TMDB, 1, IdKind.IMDB, "tt1"));
    Ids b = Ids.of(Map.of(IdKind.TMDB, 2, IdKind.TRAKT, 3));
    assertThat(a.merge(b).asMap())
        .containsExactly(
            Map.entry(IdKind.IMDB, "tt1"),
            Map.entry(IdKind.TMDB, "1"),
            Map.entry(IdKind.TRAKT, "3"));
  }

  @Test
  void sharesAnyNeedsTheSameValueOfTheSameKind() {
    Ids a = Ids.of(Map.of(IdKind.TMDB, 603, IdKind.IMDB, "tt0133093"));
    assertThat(a.sharesAny(Ids.of(IdKind.IMDB, "tt0133093"))).isTrue();
    assertThat(a.sharesAny(Ids.of(IdKind.TVDB, 603))).isFalse();
    assertThat(a.sharesAny(Ids.empty())).isFalse();
  }

  @Test
  void localIdsAreNotUsableAcrossProviders() {
    assertThat(Ids.of(IdKind.PLEX, 5).hasCrossProviderId()).isFalse();
    assertThat(Ids.of(IdKind.TVDB, 5).hasCrossProviderId()).isTrue();
  }

  @Test
  void itemJsonRoundTripsEveryField() {
    Item episode =
        new Item(
            MediaType.EPISODE,
            "Pilot",
            null,
            Ids.of(IdKind.TVDB, 20010102),
            new ShowRef(
                "Show 1", 1960, Ids.of(Map.of(IdKind.TVDB, 300001, IdKind.IMDB, "tt5000001"))),
            1,
            2,
            Instant.parse("2026-01-02T03:04:05Z"),
            Instant.parse("2026-01-02T03:04:05.123Z"),
            7,
            Instant.parse("2025-12-31T23:59:59Z"));
    assertThat(ItemJson.read(ItemJson.toJson(episode), "$")).isEqualTo(episode);
  }

  @Test
  void itemJsonNamesThePathOfAMalformedValue() {
    var node = ItemJson.toJson(Item.movie("M", 1, Ids.empty())).put("rating", 11);
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> ItemJson.read(node, "watchlist[3]"))
        .hasMessageStartingWith("watchlist[3].rating: must be an integer 1–10");
    var bad = ItemJson.toJson(Item.movie("M", 1, Ids.empty())).put("listed_at", "yesterday");
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> ItemJson.read(bad, "w[0]"))
        .hasMessageStartingWith("w[0].listed_at: must be an ISO-8601 time");
  }

  @ParameterizedTest
  @CsvSource({
    "2026-01-02T03:04:05Z",
    "2026-01-02T03:04:05.5Z",
    "2026-01-02T03:04:05.123456789Z",
    "2024-02-29T00:00:00Z",
    "2026-01-02T03:04:05+01:00"
  })
  void parsesIsoTimesLikeTheJdk(String text) {
    assertThat(ItemJson.parseInstant(text, "$"))
        .isEqualTo(java.time.OffsetDateTime.parse(text).toInstant());
  }

  @ParameterizedTest
  @CsvSource({"2026-02-30T00:00:00Z", "2026-13-01T00:00:00Z", "2026-01-02 03:04:05Z", "now"})
  void rejectsTimesThatAreNot(String text) {
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> ItemJson.parseInstant(text, "$.t"))
        .hasMessageStartingWith("$.t: must be an ISO-8601 time");
  }
}
