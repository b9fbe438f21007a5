package io.crosswatch.providers.importer;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.BiConsumer;

/** The export formats the IMPORT provider reads, by their config name. */
enum ImportFormat {
  IMDB(ImdbFormat::read),
  LETTERBOXD(LetterboxdFormat::read),
  TRAKT(TraktExportFormat::read),
  CROSSWATCH(CrosswatchFormat::read);

  private final BiConsumer<List<ExportFile>, Imported> reader;

  ImportFormat(BiConsumer<List<ExportFile>, Imported> reader) {
    this.reader = reader;
  }

  /** The name used in the config. */
  String key() {
    return name().toLowerCase(Locale.ROOT);
  }

  static Optional<ImportFormat> fromKey(String key) {
    return Arrays.stream(values()).filter(f -> f.key().equals(key)).findFirst();
  }

  /** Reads the export's files into {@code out}. */
  void read(List<ExportFile> files, Imported out) {
    reader.accept(files, out);
  }
}
