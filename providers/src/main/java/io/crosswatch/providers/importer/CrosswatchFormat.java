package io.crosswatch.providers.importer;

import io.crosswatch.core.model.Feature;
import io.crosswatch.core.model.Item;
import io.crosswatch.providers.local.DocumentFormatException;
import io.crosswatch.providers.local.LibraryDocument;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/** A FILE document ({@code {"watchlist": [...], "history": [...], "ratings": [...]}}). */
final class CrosswatchFormat {
  private CrosswatchFormat() {}

  static void read(List<ExportFile> files, Imported out) {
    for (ExportFile file : files) {
      if (!file.is(".json")) {
        continue;
      }
      try {
        LibraryDocument.Contents contents =
            LibraryDocument.read(
                new ByteArrayInputStream(file.text().getBytes(StandardCharsets.UTF_8)));
        for (Map.Entry<Feature, List<Item>> e : contents.items().entrySet()) {
          e.getValue().forEach(item -> out.add(e.getKey(), item));
        }
      } catch (DocumentFormatException | IOException e) {
        out.bad(file.name(), 1, "not a crosswatch document: " + e.getMessage());
      }
    }
  }
}
