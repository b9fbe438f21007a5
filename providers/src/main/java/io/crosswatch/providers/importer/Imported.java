package io.crosswatch.providers.importer;

import io.crosswatch.core.model.Feature;
import io.crosswatch.core.model.Item;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/** What an export holds per feature, and the rows that could not be imported. */
final class Imported {
  private final Map<Feature, List<Item>> items = new EnumMap<>(Feature.class);
  private final List<BadRow> badRows = new ArrayList<>();

  void add(Feature feature, Item item) {
    items.computeIfAbsent(feature, f -> new ArrayList<>()).add(item);
  }

  void bad(String file, int line, String reason) {
    badRows.add(new BadRow(file, "line " + line, reason));
  }

  void badEntry(String file, int entry, String reason) {
    badRows.add(new BadRow(file, "entry " + entry, reason));
  }

  List<Item> items(Feature feature) {
    return items.getOrDefault(feature, List.of());
  }

  List<BadRow> badRows() {
    return badRows;
  }
}
