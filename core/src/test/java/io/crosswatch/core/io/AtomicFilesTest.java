package io.crosswatch.core.io;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AtomicFilesTest {
  @TempDir Path dir;

  @Test
  void writesANewFile() throws IOException {
    Path target = dir.resolve("library.json");

    AtomicFiles.write(target, out -> out.write("hello".getBytes(UTF_8)), null);

    assertThat(target).hasContent("hello");
    assertThat(listing()).containsExactly("library.json");
  }

  @Test
  void replacesAnExistingFile() throws IOException {
    Path target = dir.resolve("library.json");
    Files.writeString(target, "old content that is longer");

    AtomicFiles.write(target, out -> out.write("new".getBytes(UTF_8)), null);

    assertThat(target).hasContent("new");
    assertThat(listing()).containsExactly("library.json");
  }

  @Test
  void createsMissingParentFolders() throws IOException {
    Path target = dir.resolve("a/b/library.json");

    AtomicFiles.write(target, out -> out.write('x'), null);

    assertThat(target).hasContent("x");
  }

  @Test
  void setsTheGivenPermissions() throws IOException {
    Path target = dir.resolve("token.json");
    Files.writeString(target, "old");
    Files.setPosixFilePermissions(target, PosixFilePermissions.fromString("rw-r--r--"));

    AtomicFiles.write(target, out -> out.write('x'), PosixFilePermissions.fromString("rw-------"));

    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(target)))
        .isEqualTo("rw-------");
  }

  @Test
  void writeOwnerOnlyMakesTheFile0600() throws IOException {
    Path target = dir.resolve("token.json");

    AtomicFiles.writeOwnerOnly(target, out -> out.write('x'));

    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(target)))
        .isEqualTo("rw-------");
  }

  @Test
  void keepsTheExistingPermissionsWhenNoneAreGiven() throws IOException {
    Path target = dir.resolve("library.json");
    Files.writeString(target, "old");
    Files.setPosixFilePermissions(target, PosixFilePermissions.fromString("rw-r-----"));

    AtomicFiles.write(target, out -> out.write('x'), null);

    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(target)))
        .isEqualTo("rw-r-----");
  }

  @Test
  void aFailingWriterLeavesTheTargetUntouchedAndNoTemporaryFile() throws IOException {
    Path target = dir.resolve("library.json");
    Files.writeString(target, "old");

    assertThatThrownBy(
            () ->
                AtomicFiles.write(
                    target,
                    out -> {
                      out.write("partial".getBytes(UTF_8));
                      throw new IOException("disk full");
                    },
                    null))
        .isInstanceOf(IOException.class)
        .hasMessage("disk full");

    assertThat(target).hasContent("old");
    assertThat(listing()).containsExactly("library.json");
  }

  @Test
  void anUncheckedFailureAlsoCleansUp() throws IOException {
    Path target = dir.resolve("library.json");

    assertThatThrownBy(
            () ->
                AtomicFiles.write(
                    target,
                    out -> {
                      throw new UncheckedIOException(new IOException("boom"));
                    },
                    null))
        .isInstanceOf(UncheckedIOException.class);

    assertThat(listing()).isEmpty();
  }

  @Test
  void aWriterMayCloseTheStream() throws IOException {
    Path target = dir.resolve("library.json");

    AtomicFiles.write(
        target,
        out -> {
          out.write("abc".getBytes(UTF_8));
          out.close();
        },
        null);

    assertThat(target).hasContent("abc");
  }

  @Test
  void writingThroughASymbolicLinkReplacesTheLinkedFile() throws IOException {
    Path real = dir.resolve("real.json");
    Files.writeString(real, "old");
    Path link = Files.createSymbolicLink(dir.resolve("link.json"), real);

    AtomicFiles.write(link, out -> out.write('x'), null);

    assertThat(Files.isSymbolicLink(link)).isTrue();
    assertThat(real).hasContent("x");
  }

  private java.util.List<String> listing() throws IOException {
    try (Stream<Path> files = Files.list(dir)) {
      return files.map(p -> p.getFileName().toString()).sorted().toList();
    }
  }
}
