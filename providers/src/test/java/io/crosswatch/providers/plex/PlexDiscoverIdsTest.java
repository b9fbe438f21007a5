package io.crosswatch.providers.plex;

import static org.assertj.core.api.Assertions.assertThat;

import io.crosswatch.core.model.IdKind;
import io.crosswatch.core.model.Ids;
import io.crosswatch.testkit.RecordingLog;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PlexDiscoverIdsTest {
  private static final String SCOPE = "https://discover.example/";
  private final RecordingLog log = new RecordingLog();
  @TempDir Path stateDir;

  private PlexDiscoverIds load(String scope) {
    return PlexDiscoverIds.load(stateDir, "default", scope, log, "PLEX:default");
  }

  @Test
  void savedIdsComeBackInTheNextRunOfTheSameScope() {
    PlexDiscoverIds ids = load(SCOPE);
    ids.put("5d776b59ad5437001f79c6f8", Ids.of(IdKind.IMDB, "tt0111161").with(IdKind.TMDB, 278));
    ids.save();

    Ids again = load(SCOPE).get("5d776b59ad5437001f79c6f8");

    assertThat(again.value(IdKind.IMDB)).isEqualTo("tt0111161");
    assertThat(again.value(IdKind.TMDB)).isEqualTo("278");
    assertThat(log.warnings()).isEmpty();
  }

  @Test
  void idsOfAnotherDiscoverAddressAreIgnoredWithoutWarning() {
    PlexDiscoverIds ids = load(SCOPE);
    ids.put("5d776b59ad5437001f79c6f8", Ids.of(IdKind.IMDB, "tt0111161"));
    ids.save();

    assertThat(load("http://127.0.0.1:1/").get("5d776b59ad5437001f79c6f8")).isNull();
    assertThat(log.warnings()).isEmpty();
  }

  @Test
  void titlesWithoutExternalIdsAreNotKeptAndLeftTitlesAreForgotten() throws Exception {
    PlexDiscoverIds ids = load(SCOPE);
    ids.put("aaaa", Ids.of(IdKind.IMDB, "tt0000001"));
    ids.put("bbbb", Ids.empty());
    ids.put("cccc", Ids.of(IdKind.TVDB, 81189));
    ids.retain(Set.of("bbbb", "cccc"));
    ids.save();

    PlexDiscoverIds again = load(SCOPE);

    assertThat(again.get("aaaa")).isNull();
    assertThat(again.get("bbbb")).isNull();
    assertThat(again.get("cccc").value(IdKind.TVDB)).isEqualTo("81189");
    assertThat(Files.readString(PlexDiscoverIds.file(stateDir, "default"))).doesNotContain("aaaa");
  }
}
