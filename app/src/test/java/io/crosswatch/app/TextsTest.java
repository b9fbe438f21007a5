package io.crosswatch.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.crosswatch.core.run.OpCounts;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class TextsTest {
  @Test
  void formatsCountsDurationsAndPlurals() {
    assertThat(Texts.ops(new OpCounts(2, 1, 3))).isEqualTo("+2 −1 ~3");
    assertThat(Texts.seconds(812)).isEqualTo("0.8 s");
    assertThat(Texts.seconds(12_340)).isEqualTo("12.3 s");
    assertThat(Texts.plural(1, "pair")).isEqualTo("1 pair");
    assertThat(Texts.plural(0, "pair")).isEqualTo("0 pairs");
  }

  @Test
  void errorsAreOneLineAndNameTheTypeWhenThereIsNoMessage() {
    assertThat(Errors.oneLine(new IllegalStateException("first\n  second")))
        .isEqualTo("first second");
    assertThat(Errors.oneLine(new NullPointerException())).isEqualTo("NullPointerException");
    assertThat(Errors.oneLine(new UncheckedIOException(null, new IOException("disk full"))))
        .isEqualTo("UncheckedIOException: disk full");
  }

  @Test
  void tablesAlignColumnsToTheWidestCell() {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);

    new Table("PROVIDER", "STATUS", "MESSAGE")
        .row("FILE:default", "ok", "ok")
        .row("TRAKT:x", "down", null)
        .print(out, "  ");

    assertThat(bytes.toString(StandardCharsets.UTF_8).lines().toList())
        .containsExactly(
            "  PROVIDER      STATUS  MESSAGE",
            "  FILE:default  ok      ok",
            "  TRAKT:x       down    -");
  }
}
