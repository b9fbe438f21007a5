package io.crosswatch.providers.tracker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.crosswatch.core.model.Feature;
import io.crosswatch.providers.local.LibraryDocument;
import io.crosswatch.testkit.LibraryGenerator;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TrackerExportTest {
  private static final Instant T = Instant.parse("2026-01-02T03:04:05Z");
  @TempDir Path dir;

  @Test
  void writesEveryFeatureAsAFileDocument() throws Exception {
    Path db = dir.resolve("tracker.db");
    LibraryGenerator.Library library = new LibraryGenerator(9).library(300, T);
    try (TrackerProvider provider = new TrackerProvider("default", db, Clock.systemUTC())) {
      for (Feature f : Feature.values()) {
        provider.add(f, library.feature(f));
      }
    }
    Path out = dir.resolve("export/library.json");

    int count = TrackerExport.export(db, out);

    LibraryDocument.Contents contents;
    try (InputStream in = Files.newInputStream(out)) {
      contents = LibraryDocument.read(in);
    }
    for (Feature f : Feature.values()) {
      assertThat(contents.items().get(f)).containsExactlyElementsOf(library.feature(f));
    }
    assertThat(count).isEqualTo(contents.itemCount()).isGreaterThan(900);
    try (Stream<Path> files = Files.list(out.getParent())) {
      assertThat(files).containsExactly(out);
    }
  }

  @Test
  void aMissingDatabaseIsReportedAndNothingIsWritten() {
    Path out = dir.resolve("library.json");

    assertThatThrownBy(() -> TrackerExport.export(dir.resolve("none.db"), out))
        .isInstanceOf(NoSuchFileException.class);
    assertThat(out).doesNotExist();
  }

  @Test
  void aDamagedDatabaseIsReportedAndLeftUntouched() throws Exception {
    Path db = dir.resolve("tracker.db");
    Files.writeString(db, "definitely not SQLite, and long enough");
    Path out = dir.resolve("library.json");

    assertThatThrownBy(() -> TrackerExport.export(db, out))
        .isInstanceOf(TrackerDatabaseException.class)
        .hasMessageContaining("not a SQLite database");
    assertThat(db).hasContent("definitely not SQLite, and long enough");
    assertThat(out).doesNotExist();
  }

  @Test
  void aDatabaseCutInsideItsHeaderIsReportedAndLeftUntouched() throws Exception {
    Path db = dir.resolve("tracker.db");
    byte[] start = "SQLite format 3\0 and then nothing more".getBytes(StandardCharsets.US_ASCII);
    Files.write(db, start);
    Path out = dir.resolve("library.json");

    assertThatThrownBy(() -> TrackerExport.export(db, out))
        .isInstanceOf(TrackerDatabaseException.class)
        .hasMessageContaining(db.toString())
        .hasMessageContaining("too short for a SQLite database");
    assertThat(Files.readAllBytes(db)).isEqualTo(start);
    assertThat(out).doesNotExist();
  }

  @Test
  void theDatabaseDefaultsToTheStateDir() {
    Path state = dir.resolve("state");

    assertThat(TrackerExport.databasePath(null, dir, state)).isEqualTo(state.resolve("tracker.db"));
    assertThat(TrackerExport.databasePath("", dir, state)).isEqualTo(state.resolve("tracker.db"));
    assertThat(TrackerExport.databasePath("x/../t.db", dir, state)).isEqualTo(dir.resolve("t.db"));
  }
}
