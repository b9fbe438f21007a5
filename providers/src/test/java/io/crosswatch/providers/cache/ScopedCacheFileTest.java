package io.crosswatch.providers.cache;

import static org.assertj.core.api.Assertions.assertThat;

import io.crosswatch.core.provider.DiagnosticLog;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ScopedCacheFileTest {
  private final List<String> warnings = new ArrayList<>();
  private final DiagnosticLog log =
      new DiagnosticLog() {
        @Override
        public void debug(String message) {}

        @Override
        public void warn(String message) {
          warnings.add(message);
        }
      };
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
    assertThat(warnings).isEmpty();
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
    assertThat(warnings).isEmpty();
  }

  @Test
  void aDamagedFileIsEmptyAndReplacedWithAWarningNamingIt() throws Exception {
    Files.createDirectories(cache("a").file().getParent());
    Files.writeString(cache("a").file(), "{not json");

    ScopedCacheFile.Contents contents = cache("a").read(log);

    assertThat(contents.section().isMissingNode()).isTrue();
    assertThat(contents.replace()).isTrue();
    assertThat(warnings)
        .singleElement()
        .asString()
        .contains("X:default", "the rows", cache("a").file().toString(), "rebuilt");
  }

  @Test
  void aFailedWriteWarnsWithItsConsequence() throws Exception {
    Files.writeString(stateDir.resolve("cache"), "a file where the folder belongs");

    assertThat(cache("a").write(rows -> rows.put("k", "v"), log, "the next run starts over"))
        .isFalse();
    assertThat(warnings).singleElement().asString().contains("cannot save the rows", "starts over");
  }
}
