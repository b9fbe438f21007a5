package io.crosswatch.providers.cache;

import static org.assertj.core.api.Assertions.assertThat;

import io.crosswatch.testkit.RecordingLog;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ScopedCacheFileTest {
  private final RecordingLog log = new RecordingLog();
  @TempDir Path stateDir;

  private ScopedCacheFile cache(String scope) {
    return new ScopedCacheFile(
        stateDir.resolve("cache/X-default.json"), 1, scope, "rows", "the rows", "X:default");
  }

  @Test
  void aWrittenSectionReadsBackOwnerOnlyUnderTheSameScope() throws Exception {
    assertThat(cache("a").write(rows -> rows.put("k", "v"), log, "unused")).isTrue();

    ScopedCacheFile.Contents contents = cache("a").read(log);

    assertThat(contents.section().path("k").asString()).isEqualTo("v");
    assertThat(contents.replace()).isFalse();
    assertThat(Files.getPosixFilePermissions(cache("a").file()))
        .isEqualTo(PosixFilePermissions.fromString("rw-------"));
    assertThat(log.warnings()).isEmpty();
  }

  @Test
  void aMissingFileIsEmptyAndNeedsNoReplacing() {
    ScopedCacheFile.Contents contents = cache("a").read(log);

    assertThat(contents.section().isMissingNode()).isTrue();
    assertThat(contents.replace()).isFalse();
  }

  @Test
  void aFileOfAnotherScopeIsEmptyAndReplacedWithoutWarning() {
    cache("a").write(rows -> rows.put("k", "v"), log, "unused");

    ScopedCacheFile.Contents contents = cache("b").read(log);

    assertThat(contents.section().isMissingNode()).isTrue();
    assertThat(contents.replace()).isTrue();
    assertThat(log.warnings()).isEmpty();
  }

  @Test
  void aDamagedFileIsEmptyAndReplacedWithAWarningNamingIt() throws Exception {
    Files.createDirectories(cache("a").file().getParent());
    Files.writeString(cache("a").file(), "{not json");

    ScopedCacheFile.Contents contents = cache("a").read(log);

    assertThat(contents.section().isMissingNode()).isTrue();
    assertThat(contents.replace()).isTrue();
    assertThat(log.warnings())
        .singleElement()
        .asString()
        .contains("X:default", "the rows", cache("a").file().toString(), "rebuilt");
  }

  @Test
  void aFailedWriteWarnsWithItsConsequence() throws Exception {
    Files.writeString(stateDir.resolve("cache"), "a file where the folder belongs");

    assertThat(cache("a").write(rows -> rows.put("k", "v"), log, "the next run starts over"))
        .isFalse();
    assertThat(log.warnings())
        .singleElement()
        .asString()
        .contains("cannot save the rows", "starts over");
  }
}
