package io.crosswatch.providers.file;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.crosswatch.core.io.AtomicFiles;
import io.crosswatch.core.model.Feature;
import io.crosswatch.core.model.IdKind;
import io.crosswatch.core.model.Ids;
import io.crosswatch.core.model.Item;
import io.crosswatch.core.provider.DiagnosticLog;
import io.crosswatch.core.provider.HealthReport;
import io.crosswatch.core.provider.ItemOutcome;
import io.crosswatch.core.provider.ItemOutcome.Status;
import io.crosswatch.core.provider.ProviderException;
import io.crosswatch.providers.local.LibraryDocument;
import io.crosswatch.testkit.LibraryGenerator;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileProviderTest {
  private static final Instant T = Instant.parse("2026-01-02T03:04:05Z");
  private static final Clock CLOCK = Clock.fixed(T, ZoneOffset.UTC);
  private static final Item MATRIX =
      Item.movie("The Matrix", 1999, Ids.of(IdKind.IMDB, "tt0133093").with(IdKind.TMDB, 603));
  private static final FileTime LONG_AGO = FileTime.from(Instant.parse("2020-01-01T00:00:00Z"));

  @TempDir Path dir;

  private Path file() {
    return dir.resolve("library.json");
  }

  private FileProvider provider() {
    return new FileProvider("default", file(), CLOCK);
  }

  @Test
  void aMissingFileIsEmptyAndHealthyAndIsNotCreatedByReading() throws Exception {
    FileProvider provider = provider();

    HealthReport health = provider.health();

    assertThat(health.status()).isEqualTo(HealthReport.Status.OK);
    assertThat(health.message()).contains("will be created on the first write");
    assertThat(health.features()).containsExactlyInAnyOrder(Feature.values());
    assertThat(provider.snapshot(Feature.WATCHLIST)).isEmpty();
    assertThat(file()).doesNotExist();
  }

  @Test
  void writesAreOnDiskWhenTheCallReturns() throws Exception {
    LibraryGenerator gen = new LibraryGenerator(1);
    LibraryGenerator.Library library = gen.library(50, T);
    FileProvider writer = provider();

    for (Feature f : Feature.values()) {
      writer.add(f, library.feature(f));
    }

    FileProvider reader = provider();
    for (Feature f : Feature.values()) {
      assertThat(reader.snapshot(f)).containsExactlyElementsOf(library.feature(f));
    }
    String text = Files.readString(file());
    assertThat(text.indexOf("\"watchlist\"")).isLessThan(text.indexOf("\"history\""));
    assertThat(text.indexOf("\"history\"")).isLessThan(text.indexOf("\"ratings\""));
  }

  @Test
  void aFeaturesDigestFollowsItsItemsAndNotTheOtherFeaturesOrTheFormatting() throws Exception {
    LibraryGenerator.Library library = new LibraryGenerator(3).library(40, T);
    FileProvider writer = provider();
    for (Feature f : Feature.values()) {
      writer.add(f, library.feature(f));
    }
    String watchlist = writer.snapshotDigest(Feature.WATCHLIST).orElseThrow();
    String ratings = writer.snapshotDigest(Feature.RATINGS).orElseThrow();

    assertThat(provider().snapshotDigest(Feature.WATCHLIST)).contains(watchlist);
    Files.writeString(file(), Files.readString(file()).replace("\n", "\n  "));
    assertThat(provider().snapshotDigest(Feature.WATCHLIST)).contains(watchlist);

    writer.add(Feature.RATINGS, List.of(MATRIX.withRating(8, T)));
    assertThat(writer.snapshotDigest(Feature.RATINGS))
        .isPresent()
        .isNotEqualTo(Optional.of(ratings));
    assertThat(writer.snapshotDigest(Feature.WATCHLIST)).contains(watchlist);
    assertThat(provider().snapshotDigest(Feature.RATINGS))
        .isEqualTo(writer.snapshotDigest(Feature.RATINGS));
  }

  @Test
  void anInvalidFileHasNoDigest() throws Exception {
    Files.writeString(file(), "{\"watchlist\": [");

    assertThat(provider().snapshotDigest(Feature.WATCHLIST)).isEmpty();
  }

  @Test
  void aSettledFileIsAnsweredFromTheCacheUntilItsBytesChange() throws Exception {
    Path cache = dir.resolve("state/cache/FILE-default.json");
    LibraryGenerator.Library library = new LibraryGenerator(4).library(30, T);
    FileProvider writer = new FileProvider("default", file(), CLOCK, cache, DiagnosticLog.silent());
    for (Feature f : Feature.values()) {
      writer.add(f, library.feature(f));
    }
    Map<Feature, String> digests = new EnumMap<>(Feature.class);
    for (Feature f : Feature.values()) {
      digests.put(f, writer.snapshotDigest(f).orElseThrow());
    }
    writer.settle();
    assertThat(cache).exists();

    FileProvider cached = new FileProvider("default", file(), CLOCK, cache, DiagnosticLog.silent());
    HealthReport health = cached.health();
    assertThat(health.status()).isEqualTo(HealthReport.Status.OK);
    assertThat(health.details())
        .containsEntry("watchlist", Integer.toString(library.feature(Feature.WATCHLIST).size()));
    for (Feature f : Feature.values()) {
      assertThat(cached.snapshotDigest(f)).contains(digests.get(f));
    }
    assertThat(cached.snapshot(Feature.HISTORY))
        .containsExactlyElementsOf(library.feature(Feature.HISTORY));

    // Same length, one byte different: the cache no longer speaks for the file.
    String text = Files.readString(file());
    Files.writeString(file(), text.replaceFirst("\"rating\": (\\d)", "\"rating\": 0"));
    FileProvider changed =
        new FileProvider("default", file(), CLOCK, cache, DiagnosticLog.silent());
    assertThat(changed.health().status()).isEqualTo(HealthReport.Status.DOWN);
    assertThat(changed.snapshotDigest(Feature.RATINGS)).isEmpty();
  }

  @Test
  void keepsOtherTopLevelKeysOfTheDocument() throws Exception {
    Files.writeString(file(), "{\"owner\": \"me\", \"watchlist\": []}");

    provider().add(Feature.WATCHLIST, List.of(MATRIX));

    assertThat(Files.readString(file())).contains("\"owner\": \"me\"");
  }

  @Test
  void atomicWritesLeaveNoTemporaryFiles() throws Exception {
    FileProvider provider = provider();

    provider.add(Feature.WATCHLIST, List.of(MATRIX));
    provider.add(Feature.RATINGS, List.of(MATRIX.withRating(8, T)));
    provider.remove(Feature.WATCHLIST, List.of(MATRIX));

    assertThat(listing()).containsExactly("library.json");
  }

  @Test
  void invalidJsonMakesTheProviderDownAndTheFileIsNeverWritten() throws Exception {
    String broken = "{\n  \"watchlist\": [\n    {\"type\": \"movie\" \"title\": \"A\"}\n  ]\n}\n";
    Files.writeString(file(), broken);
    FileProvider provider = provider();

    HealthReport health = provider.health();

    assertThat(health.status()).isEqualTo(HealthReport.Status.DOWN);
    assertThat(health.message()).contains(file().toString()).contains("line 3, column ");
    assertThatThrownBy(() -> provider.snapshot(Feature.WATCHLIST))
        .isInstanceOfSatisfying(
            ProviderException.class,
            e -> {
              assertThat(e.kind()).isEqualTo(ProviderException.Kind.UNAVAILABLE);
              assertThat(e.retriable()).isFalse();
              assertThat(e.getMessage()).isEqualTo(health.message());
            });
    assertThatThrownBy(() -> provider.add(Feature.WATCHLIST, List.of(MATRIX)))
        .isInstanceOf(ProviderException.class);
    assertThat(Files.readString(file())).isEqualTo(broken);
    assertThat(listing()).containsExactly("library.json");
  }

  @Test
  void aMalformedItemMakesTheProviderDownNamingItsPath() throws Exception {
    String doc =
        "{\"history\": [{\"type\": \"movie\", \"title\": \"A\"},"
            + " {\"type\": \"movie\"}, {\"type\": \"movie\"}, {\"type\": \"flim\"}]}";
    Files.writeString(file(), doc);
    FileProvider provider = provider();

    assertThat(provider.health().message()).contains("history[3].type: must be movie");
    assertThatThrownBy(() -> provider.remove(Feature.HISTORY, List.of(MATRIX)))
        .hasMessageContaining("history[3].type");
    assertThat(Files.readString(file())).isEqualTo(doc);
  }

  @Test
  void aFileThatCannotBeReadMakesTheProviderDown() throws Exception {
    Files.createDirectory(file());

    HealthReport health = provider().health();

    assertThat(health.status()).isEqualTo(HealthReport.Status.DOWN);
    assertThat(health.message()).contains("cannot read " + file());
  }

  @Test
  void addingAHeldItemIsAlreadyPresentAndDoesNotRewriteTheFile() throws Exception {
    provider().add(Feature.WATCHLIST, List.of(MATRIX.withListedAt(T)));
    byte[] before = Files.readAllBytes(file());
    Files.setLastModifiedTime(file(), LONG_AGO);

    ItemOutcome outcome =
        provider()
            .add(Feature.WATCHLIST, List.of(Item.movie("Matrix", null, Ids.of(IdKind.TMDB, 603))))
            .outcomes()
            .get(0);

    assertThat(outcome.status()).isEqualTo(Status.ALREADY_PRESENT);
    assertThat(Files.readAllBytes(file())).isEqualTo(before);
    assertThat(Files.getLastModifiedTime(file())).isEqualTo(LONG_AGO);
  }

  @Test
  void removingAMissingItemIsNotFoundAndDoesNotRewriteTheFile() throws Exception {
    provider().add(Feature.WATCHLIST, List.of(MATRIX));
    Files.setLastModifiedTime(file(), LONG_AGO);

    ItemOutcome outcome =
        provider()
            .remove(Feature.WATCHLIST, List.of(Item.movie("Other", 2000, Ids.of(IdKind.TMDB, 1))))
            .outcomes()
            .get(0);

    assertThat(outcome.status()).isEqualTo(Status.NOT_FOUND);
    assertThat(outcome.reason()).isEqualTo("not_found");
    assertThat(Files.getLastModifiedTime(file())).isEqualTo(LONG_AGO);
  }

  @Test
  void historyPlaysMatchByTitleAndTime() throws Exception {
    FileProvider provider = provider();
    provider.add(Feature.HISTORY, List.of(MATRIX.withWatchedAt(T)));

    List<Status> outcomes =
        statuses(
            provider
                .remove(
                    Feature.HISTORY,
                    List.of(MATRIX.withWatchedAt(T.plusSeconds(60)), MATRIX.withWatchedAt(T)))
                .outcomes());

    assertThat(outcomes).containsExactly(Status.NOT_FOUND, Status.CONFIRMED);
    assertThat(provider().snapshot(Feature.HISTORY)).isEmpty();
  }

  @Test
  void updateReplacesTheRatingOfTheSameTitle() throws Exception {
    provider().add(Feature.RATINGS, List.of(MATRIX.withRating(6, T)));

    ItemOutcome outcome =
        provider()
            .update(
                Feature.RATINGS,
                List.of(
                    Item.movie("The Matrix", 1999, Ids.of(IdKind.TMDB, 603))
                        .withRating(9, T.plusSeconds(5))))
            .outcomes()
            .get(0);

    assertThat(outcome.status()).isEqualTo(Status.CONFIRMED);
    assertThat(provider().snapshot(Feature.RATINGS))
        .containsExactly(MATRIX.withRating(9, T.plusSeconds(5)));
  }

  @Test
  void aFailedWriteIsReportedAndTheMemoryCopyFollowsTheFileAgain() throws Exception {
    Path blocker = dir.resolve("blocker");
    Files.writeString(blocker, "a file where a folder should be");
    FileProvider provider = new FileProvider("default", blocker.resolve("library.json"), CLOCK);

    assertThatThrownBy(() -> provider.add(Feature.WATCHLIST, List.of(MATRIX)))
        .isInstanceOfSatisfying(
            ProviderException.class,
            e ->
                assertThat(e.getMessage())
                    .contains("FILE:default feature=watchlist op=add: cannot write"));
    assertThat(provider.snapshot(Feature.WATCHLIST)).isEmpty();
  }

  @Test
  void handlesAHundredThousandItemsPerFeature() throws Exception {
    LibraryGenerator.Library library = new LibraryGenerator(100).library(100_000, T);
    Map<Feature, List<Item>> items = new EnumMap<>(Feature.class);
    for (Feature f : Feature.values()) {
      items.put(f, library.feature(f));
    }
    AtomicFiles.write(file(), out -> LibraryDocument.write(out, items, Map.of()), null);
    Item extra = Item.movie("Extra", 2020, Ids.of(IdKind.TMDB, 999_999_999));

    FileProvider writer = provider();
    assertThat(writer.add(Feature.WATCHLIST, List.of(extra)).outcomes().get(0).status())
        .isEqualTo(Status.CONFIRMED);
    assertThat(writer.add(Feature.HISTORY, library.history().subList(0, 1000)).outcomes())
        .allMatch(o -> o.status() == Status.ALREADY_PRESENT);

    FileProvider reader = provider();
    assertThat(reader.snapshot(Feature.WATCHLIST)).hasSize(100_001).endsWith(extra);
    assertThat(reader.snapshot(Feature.HISTORY)).containsExactlyElementsOf(library.history());
    assertThat(reader.snapshot(Feature.RATINGS)).containsExactlyElementsOf(library.ratings());
  }

  private List<String> listing() throws IOException {
    try (Stream<Path> files = Files.list(dir)) {
      return files.map(p -> p.getFileName().toString()).sorted().toList();
    }
  }

  private static List<Status> statuses(List<ItemOutcome> outcomes) {
    return outcomes.stream().map(ItemOutcome::status).toList();
  }
}
