package io.crosswatch.core.state;

import io.crosswatch.core.model.Item;
import io.crosswatch.core.model.ItemFormatException;
import io.crosswatch.core.model.ItemJson;
import java.nio.file.Path;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.databind.json.JsonMapper;

/** Compact item JSON as stored in the state database. */
final class ItemCodec {
  private static final JsonMapper MAPPER = JsonMapper.builder().build();

  private ItemCodec() {}

  static String toJson(Item item) {
    return ItemJson.toJsonString(item);
  }

  /**
   * Parses a stored item from its UTF-8 bytes; {@code file}, {@code table} and {@code key} name the
   * row on error.
   */
  static Item fromJson(byte[] json, Path file, String table, String key) {
    try (JsonParser p = MAPPER.createParser(json)) {
      p.nextToken();
      return ItemJson.read(p, "$");
    } catch (JacksonException | ItemFormatException | NullPointerException e) {
      throw unreadable(file, table, key, e);
    }
  }

  private static StateException unreadable(Path file, String table, String key, Exception e) {
    return new StateException(
        "state database "
            + file
            + " holds an unreadable item in "
            + table
            + " under key "
            + key
            + " ("
            + e.getMessage()
            + "); reset its pair with `cw state reset --pair ID`",
        e);
  }
}
