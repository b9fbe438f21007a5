package io.crosswatch.providers.importer;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.function.BiConsumer;

/** The export formats the IMPORT provider reads, by their config name. */
enum ImportFormat {
  IMDB_CSV("imdb", ImdbFormat::read),
  LETTERBOXD_CSV("letterboxd", LetterboxdFormat::read),
  TRAKT_JSON("trakt", TraktExportFormat::read),
  CROSSWATCH_DOCUMENT("crosswatch", CrosswatchFormat::read);

  private final String key;
  private final BiConsumer<List<ExportFile>, Imported> reader;

  ImportFormat(String key, BiConsumer<List<ExportFile>, Imported> reader) {
    this.key = key;
    this.reader = reader;
  }

  /** The name used in the config. */
  String key() {
    return key;
  }

  static Optional<ImportFormat> fromKey(String key) {
    return Arrays.stream(values()).filter(f -> f.key().equals(key)).findFirst();
  }

  /** Reads the export's files into {@code out}. */
  void read(List<ExportFile> files, Imported out) {
    reader.accept(files, out);
  }
}
