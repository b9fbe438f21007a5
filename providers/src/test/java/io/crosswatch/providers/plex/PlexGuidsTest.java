package io.crosswatch.providers.plex;

import static org.assertj.core.api.Assertions.assertThat;

import io.crosswatch.core.model.IdKind;
import io.crosswatch.core.model.Ids;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class PlexGuidsTest {

  private static JsonNode json(String text) {
    return PlexApi.MAPPER.readTree(text);
  }

  @Test
  void newAgentItemsTakeExternalIdsFromTheirGuidChildrenAndThePlexKeyFromTheirGuid() {
    Ids ids =
        PlexGuids.ids(
            json(
                "{\"guid\":\"plex://movie/5d776825880197001ec967c6\",\"Guid\":["
                    + "{\"id\":\"imdb://tt0133093\"},{\"id\":\"tmdb://603\"},"
                    + "{\"id\":\"tvdb://169\"}]}"));

    assertThat(ids.asMap())
        .containsEntry(IdKind.IMDB, "tt0133093")
        .containsEntry(IdKind.TMDB, "603")
        .containsEntry(IdKind.TVDB, "169")
        .containsEntry(IdKind.PLEX, "5d776825880197001ec967c6");
  }

  @Test
  void legacyImdbAndTheMovieDbAgentsMapWithoutTheirLanguageSuffix() {
    assertThat(PlexGuids.parse("com.plexapp.agents.imdb://tt0133093?lang=en").ids())
        .isEqualTo(Ids.of(IdKind.IMDB, "tt0133093"));
    assertThat(PlexGuids.parse("com.plexapp.agents.themoviedb://603?lang=de").ids())
        .isEqualTo(Ids.of(IdKind.TMDB, 603));
    assertThat(PlexGuids.parse("com.plexapp.agents.thetvdb://81189?lang=en").ids())
        .isEqualTo(Ids.of(IdKind.TVDB, 81189));
  }

  @Test
  void legacyTvdbEpisodeGuidsNameTheShowSeasonAndEpisode() {
    PlexGuids.Parsed p = PlexGuids.parse("com.plexapp.agents.thetvdb://81189/2/13?lang=en");

    assertThat(p.ids().isEmpty()).isTrue();
    assertThat(p.showIds()).isEqualTo(Ids.of(IdKind.TVDB, 81189));
    assertThat(p.season()).isEqualTo(2);
    assertThat(p.number()).isEqualTo(13);
  }

  @Test
  void legacyTheMovieDbEpisodeAndHamaGuidsAreRead() {
    PlexGuids.Parsed tmdb = PlexGuids.parse("com.plexapp.agents.themoviedb://1399/1/1?lang=en");
    PlexGuids.Parsed hama = PlexGuids.parse("com.plexapp.agents.hama://anidb-4563/1/5?lang=en");

    assertThat(tmdb.showIds()).isEqualTo(Ids.of(IdKind.TMDB, 1399));
    assertThat(hama.showIds()).isEqualTo(Ids.of(IdKind.ANIDB, 4563));
    assertThat(hama.number()).isEqualTo(5);
    assertThat(PlexGuids.parse("com.plexapp.agents.hama://tvdb-81189").ids())
        .isEqualTo(Ids.of(IdKind.TVDB, 81189));
  }

  @Test
  void localAndUnknownGuidsCarryNoIds() {
    assertThat(PlexGuids.parse("local://1234")).isEqualTo(PlexGuids.Parsed.NONE);
    assertThat(PlexGuids.parse("com.plexapp.agents.none://abc?lang=xn"))
        .isEqualTo(PlexGuids.Parsed.NONE);
    assertThat(PlexGuids.parse("imdb://nonsense")).isEqualTo(PlexGuids.Parsed.NONE);
    assertThat(PlexGuids.parse("com.plexapp.agents.thetvdb://81189/x/1"))
        .isEqualTo(PlexGuids.Parsed.NONE);
    assertThat(PlexGuids.parse("")).isEqualTo(PlexGuids.Parsed.NONE);
    assertThat(PlexGuids.parse(null)).isEqualTo(PlexGuids.Parsed.NONE);
  }

  @Test
  void theChildArrayWinsOverALegacyGuidOfTheSameKind() {
    Ids ids =
        PlexGuids.ids(
            json(
                "{\"guid\":\"com.plexapp.agents.imdb://tt0000001?lang=en\","
                    + "\"Guid\":[{\"id\":\"imdb://tt0133093\"}]}"));

    assertThat(ids).isEqualTo(Ids.of(IdKind.IMDB, "tt0133093"));
  }

  @Test
  void thePlexKeyIsTheLastSegmentOfAPlexGuid() {
    assertThat(PlexGuids.plexKey("plex://show/5d9c086c46115600200aa2fe"))
        .isEqualTo("5d9c086c46115600200aa2fe");
    assertThat(PlexGuids.plexKey("com.plexapp.agents.imdb://tt0133093")).isNull();
  }
}
