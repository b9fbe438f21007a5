package io.crosswatch.bench;

import io.crosswatch.core.model.Item;
import io.crosswatch.core.model.ItemJson;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.json.JsonMapper;

/** Writes a FILE provider document ({@code watchlist}, {@code history}, {@code ratings}). */
final class LibraryFile {
  private static final JsonMapper MAPPER = JsonMapper.builder().build();

  private LibraryFile() {}

  static void write(Path file, List<Item> watchlist, List<Item> history, List<Item> ratings)
      throws IOException {
    try (OutputStream out = Files.newOutputStream(file);
        JsonGenerator g = MAPPER.createGenerator(out)) {
      g.writeStartObject();
      writeArray(g, "watchlist", watchlist);
      writeArray(g, "history", history);
      writeArray(g, "ratings", ratings);
      g.writeEndObject();
    }
  }

  private static void writeArray(JsonGenerator g, String name, List<Item> items) {
    g.writeName(name);
    g.writeStartArray();
    for (Item item : items) {
      ItemJson.write(g, item);
    }
    g.writeEndArray();
  }
}
