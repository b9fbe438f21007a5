package io.crosswatch.core.config;

import static io.crosswatch.core.config.TestConfigs.withPair;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.crosswatch.core.model.MediaType;
import io.crosswatch.core.provider.ConfigIssue;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code features.ratings} takes CrossWatch's filters: {@code types} (default all) and {@code
 * "mode": "from_date"} with {@code from_date}; wrong values are errors at their JSON path.
 */
class RatingsFilterConfigTest {
  @TempDir Path dir;

  private LoadedConfig load(String ratings) throws ConfigException {
    Path file =
        TestConfigs.write(
            dir,
            withPair(
                "{'source': 'FILE', 'target': 'FILE', 'target_instance': 'backup',"
                    + " 'features': {'ratings': "
                    + ratings
                    + "}}"));
    return new ConfigLoader(TestConfigs.REGISTRY, Map.of()).load(file);
  }

  private String errors(String ratings) {
    return catchThrowableOfType(ConfigException.class, () -> load(ratings)).getMessage();
  }

  @Test
  void withoutFiltersEveryRatingIsPlanned() throws Exception {
    assertThat(load("true").config().pairs().get(0).ratingsFilter()).isEqualTo(RatingsFilter.ALL);
    assertThat(load("{'enable': true}").config().pairs().get(0).ratingsFilter())
        .isEqualTo(RatingsFilter.ALL);
  }

  @Test
  void typesAndFromDateAreRead() throws Exception {
    LoadedConfig loaded =
        load(
            "{'enable': true, 'types': ['movies', 'episodes'], 'mode': 'from_date',"
                + " 'from_date': '2025-01-01'}");

    RatingsFilter filter = loaded.config().pairs().get(0).ratingsFilter();
    assertThat(filter.types()).containsExactlyInAnyOrder(MediaType.MOVIE, MediaType.EPISODE);
    assertThat(filter.fromDate()).isEqualTo(LocalDate.parse("2025-01-01"));
    assertThat(loaded.warnings()).isEmpty();
  }

  @Test
  void allAndASingleStringAreAccepted() throws Exception {
    assertThat(load("{'types': ['all']}").config().pairs().get(0).ratingsFilter().isAll()).isTrue();
    assertThat(load("{'types': 'shows'}").config().pairs().get(0).ratingsFilter().types())
        .containsExactly(MediaType.SHOW);
  }

  @Test
  void aFromDateOutsideFromDateModeIsIgnoredAndOtherModesAreWarnedAbout() throws Exception {
    LoadedConfig loaded = load("{'mode': 'only_new', 'from_date': '2025-01-01'}");

    assertThat(loaded.config().pairs().get(0).ratingsFilter()).isEqualTo(RatingsFilter.ALL);
    assertThat(loaded.warnings())
        .extracting(ConfigIssue::path)
        .containsExactly("pairs[0].features.ratings.mode");
    assertThat(loaded.warnings().get(0).message())
        .startsWith("\"only_new\" is not followed; every rating is planned");
    assertThat(load("{'mode': 'all'}").warnings()).isEmpty();
  }

  @Test
  void wrongValuesAreErrorsAtTheirPaths() {
    assertThat(errors("{'types': ['movies', 'films']}"))
        .contains(
            "pairs[0].features.ratings.types[1]: must be \"movies\", \"shows\", \"seasons\","
                + " \"episodes\" or \"all\", got \"films\"");
    assertThat(errors("{'types': []}"))
        .contains("pairs[0].features.ratings.types: must be a list of");
    assertThat(errors("{'mode': 'from_date'}"))
        .contains("pairs[0].features.ratings.from_date: is required with \"mode\": \"from_date\"");
    assertThat(errors("{'mode': 'from_date', 'from_date': '01/02/2025'}"))
        .contains(
            "pairs[0].features.ratings.from_date: must be a date \"YYYY-MM-DD\", got"
                + " \"01/02/2025\"");
    assertThat(errors("{'mode': 3}")).contains("pairs[0].features.ratings.mode: must be a string");
  }
}
