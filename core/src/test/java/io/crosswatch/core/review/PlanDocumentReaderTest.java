package io.crosswatch.core.review;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.crosswatch.core.model.Feature;
import io.crosswatch.core.model.IdKind;
import io.crosswatch.core.model.Ids;
import io.crosswatch.core.model.Item;
import io.crosswatch.core.model.ShowRef;
import io.crosswatch.core.plan.SidePlan;
import io.crosswatch.core.review.PlanDocument.FeatureChanges;
import io.crosswatch.core.review.PlanDocument.PairChanges;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PlanDocumentReaderTest {
  private static final Instant T = Instant.parse("2026-03-04T05:06:07Z");
  private static final String HASH = "ab".repeat(32);

  @TempDir Path dir;

  private static PlanDocument sample() {
    Item movie = Item.movie("Heat, \"the\" film", 1995, Ids.of(IdKind.IMDB, "tt0113277"));
    Item episode =
        Item.episode(new ShowRef("Show", 2001, Ids.of(IdKind.TVDB, "71")), 2, 3, "Ep", Ids.empty())
            .withWatchedAt(T);
    Item rated = movie.withRating(8, T);
    Item paused = movie.withProgress(60_000L, 5_400_000L, T);
    return new PlanDocument(
        T,
        HASH,
        List.of(
            new PairChanges(
                "a",
                List.of(
                    new FeatureChanges(
                        Feature.WATCHLIST,
                        new SidePlan(List.of(movie.withListedAt(T)), List.of(), List.of()),
                        new SidePlan(List.of(), List.of(movie), List.of())),
                    new FeatureChanges(
                        Feature.HISTORY,
                        SidePlan.EMPTY,
                        new SidePlan(List.of(episode), List.of(), List.of())))),
            new PairChanges(
                "b",
                List.of(
                    new FeatureChanges(
                        Feature.RATINGS,
                        SidePlan.EMPTY,
                        new SidePlan(List.of(), List.of(), List.of(rated))),
                    new FeatureChanges(
                        Feature.PROGRESS,
                        SidePlan.EMPTY,
                        new SidePlan(List.of(paused), List.of(), List.of()))))));
  }

  private static String written(PlanDocument plan) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    PlanDocumentWriter.write(out, plan);
    return out.toString(StandardCharsets.UTF_8);
  }

  private PlanDocument read(String text) throws IOException {
    Path file = dir.resolve("plan.json");
    Files.writeString(file, text);
    return PlanDocumentReader.read(file);
  }

  private void assertRefused(String text, String... parts) {
    assertThatThrownBy(() -> read(text))
        .isInstanceOf(PlanFileException.class)
        .hasMessageContaining("plan.json")
        .hasMessageContaining("nothing was written")
        .satisfies(e -> assertThat(e.getMessage()).contains(parts));
  }

  @Test
  void aWrittenPlanReadsBackAsTheSamePlan() throws IOException {
    PlanDocument plan = sample();

    assertThat(read(written(plan))).isEqualTo(plan);
  }

  @Test
  void theFormatIsCheckedFirstEvenWhenAHandEditedFileNamesItAfterThePairs() throws IOException {
    String text = written(sample());
    String format = "\"format\":\"crosswatch-plan/1\",";
    String moved = "{" + text.substring(text.indexOf("\"created_at\"")).trim();
    moved = moved.substring(0, moved.length() - 1) + ",\"format\":\"crosswatch-plan/1\"}";
    assertThat(text).contains(format);

    assertThat(read(moved)).isEqualTo(sample());
    assertRefused(
        moved
            .replace("crosswatch-plan/1", "crosswatch-plan/9")
            .replace("\"type\":\"movie\"", "\"type\":\"podcast\""),
        "$.format",
        "a format this version cannot read");
  }

  @Test
  void aTruncatedPlanIsRefusedWhereverItIsCut() {
    String text = written(sample());
    for (int cut : new int[] {0, 1, text.length() / 3, text.length() / 2, text.length() - 3}) {
      assertThatThrownBy(() -> read(text.substring(0, cut)))
          .as("cut at " + cut)
          .isInstanceOf(PlanFileException.class)
          .hasMessageContaining("nothing was written");
    }
    assertRefused(text.substring(0, text.length() / 2), "not a complete plan document");
  }

  @Test
  void keysAndIdKindsCrosswatchNeverWritesAreRefusedWithTheirPath() {
    String text = written(sample());

    assertRefused(
        text.replaceFirst("\"listed_at\"", "\"command\":\"rm\",\"listed_at\""),
        "$.pairs[0].features[0].source.add[0].command",
        "unknown key: crosswatch never writes it");
    assertRefused(
        text.replaceFirst("\"imdb\"", "\"myid\":\"1\",\"imdb\""),
        "$.pairs[0].features[0].source.add[0].ids.myid",
        "unknown id kind");
    assertRefused(
        text.replaceFirst("\"show\":\\{", "\"show\":{\"network\":\"x\","),
        "$.pairs[0].features[1].target.add[0].show.network",
        "unknown key");
    assertRefused(
        text.replaceFirst("\"feature\":\"watchlist\"", "\"feature\":\"watchlist\",\"extra\":1"),
        "$.pairs[0].features[0].extra");
    assertRefused(text.replaceFirst("\\{", "{\"extra\":1,"), "$.extra", "unknown key");
  }

  @Test
  void anItemOfAnUnknownTypeOrAnUpdateWithoutRatingIsRefused() {
    String text = written(sample());

    assertRefused(
        text.replaceFirst("\"type\":\"movie\"", "\"type\":\"podcast\""),
        "$.pairs[0].features[0].source.add[0].type",
        "must be movie, show, season or episode");
    assertRefused(
        text.replaceFirst("\"rating\":8,", ""),
        "$.pairs[1].features[0].target.update[0]",
        "an update must carry a rating");
  }

  @Test
  void missingPartsAndRepeatsAreRefusedWithTheirPath() {
    String text = written(sample());

    assertRefused(text.replaceFirst("\"created_at\":\"[^\"]*\",", ""), "$.created_at: is missing");
    assertRefused(text.replace(HASH, "XYZ"), "$.config_sha256", "64 lower-case hex digits");
    assertRefused(text.replace("\"format\":\"crosswatch-plan/1\",", ""), "$.format: is missing");
    assertRefused(
        text.replace("\"crosswatch-plan/1\"", "\"crosswatch-plan/2\""),
        "is \"crosswatch-plan/2\", a format this version cannot read");
    assertRefused(text.replace("\"id\":\"b\"", "\"id\":\"a\""), "$.pairs[1].id", "names pair");
    assertRefused(
        text.replace("\"feature\":\"history\"", "\"feature\":\"watchlist\""),
        "$.pairs[0].features[1].feature",
        "names watchlist twice");
    assertRefused(
        text.replace("\"feature\":\"history\"", "\"feature\":\"songs\""), "unknown feature");
    assertRefused(
        text.replaceFirst(",\"remove\":\\[\\]", ""),
        "$.pairs[0].features[0].source.remove: is missing");
    assertRefused("[]", "$: must be a JSON object");
  }

  @Test
  void aMissingFileIsReportedAsSuch() {
    assertThatThrownBy(() -> PlanDocumentReader.read(dir.resolve("none.json")))
        .isInstanceOf(PlanFileException.class)
        .hasMessageContaining("plan file not found");
  }
}
