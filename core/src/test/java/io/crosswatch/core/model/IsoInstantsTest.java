package io.crosswatch.core.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class IsoInstantsTest {
  @Test
  void formattingWritesExactlyWhatInstantToStringWrites() {
    SplittableRandom random = new SplittableRandom(7);
    long from = Instant.parse("0900-01-01T00:00:00Z").getEpochSecond();
    long to = Instant.parse("+10100-01-01T00:00:00Z").getEpochSecond();
    for (int i = 0; i < 20_000; i++) {
      Instant at = Instant.ofEpochSecond(random.nextLong(from, to));
      assertThat(IsoInstants.format(at)).isEqualTo(at.toString());
    }
  }

  @Test
  void edgesFractionsAndFarYearsAreWrittenAsInstantToStringWritesThem() {
    for (String text :
        new String[] {
          "1000-01-01T00:00:00Z",
          "0999-12-31T23:59:59Z",
          "9999-12-31T23:59:59Z",
          "+10000-01-01T00:00:00Z",
          "1970-01-01T00:00:00Z",
          "1969-12-31T23:59:59Z",
          "2024-02-29T12:34:56Z",
          "2026-01-02T03:04:05.120Z",
          "2026-01-02T03:04:05.000000001Z",
          "-0001-01-01T00:00:00Z"
        }) {
      Instant at = Instant.parse(text);
      assertThat(IsoInstants.format(at)).as(text).isEqualTo(at.toString());
    }
  }

  @Test
  void whatIsFormattedParsesBackToTheSameInstant() {
    Instant at = Instant.parse("2026-12-07T21:30:44Z");
    assertThat(IsoInstants.parse(IsoInstants.format(at))).isEqualTo(at);
  }
}
