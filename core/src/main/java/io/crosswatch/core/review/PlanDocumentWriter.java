package io.crosswatch.core.review;

import io.crosswatch.core.io.AtomicFiles;
import io.crosswatch.core.model.Item;
import io.crosswatch.core.model.ItemJson;
import io.crosswatch.core.plan.SidePlan;
import io.crosswatch.core.review.PlanDocument.FeatureChanges;
import io.crosswatch.core.review.PlanDocument.PairChanges;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Path;
import java.util.List;
import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.json.JsonMapper;

/** Writes a {@link PlanDocument} as JSON, atomically (temporary file, fsync, rename). */
public final class PlanDocumentWriter {
  private static final JsonMapper MAPPER = JsonMapper.builder().build();

  private PlanDocumentWriter() {}

  /** Writes the plan to {@code file}, replacing it atomically. */
  public static void write(Path file, PlanDocument plan) throws IOException {
    AtomicFiles.write(file, out -> write(out, plan), null);
  }

  /** Writes the plan to a stream (one item per line, so that a reviewer can read it). */
  public static void write(OutputStream out, PlanDocument plan) {
    try (JsonGenerator g = MAPPER.createGenerator(out)) {
      g.writeStartObject();
      g.writeStringProperty("format", PlanDocument.FORMAT);
      g.writeStringProperty("created_at", plan.createdAt().toString());
      g.writeStringProperty("config_sha256", plan.configSha256());
      g.writeName("pairs");
      g.writeStartArray();
      for (PairChanges pair : plan.pairs()) {
        g.writeRaw("\n ");
        g.writeStartObject();
        g.writeStringProperty("id", pair.id());
        g.writeName("features");
        g.writeStartArray();
        for (FeatureChanges f : pair.features()) {
          g.writeRaw("\n  ");
          g.writeStartObject();
          g.writeStringProperty("feature", f.feature().key());
          side(g, "source", f.source());
          side(g, "target", f.target());
          g.writeEndObject();
        }
        g.writeEndArray();
        g.writeEndObject();
      }
      g.writeEndArray();
      g.writeEndObject();
      g.writeRaw("\n");
    }
  }

  private static void side(JsonGenerator g, String name, SidePlan side) {
    g.writeName(name);
    g.writeStartObject();
    items(g, "add", side.adds());
    items(g, "remove", side.removes());
    items(g, "update", side.updates());
    g.writeEndObject();
  }

  private static void items(JsonGenerator g, String name, List<Item> items) {
    g.writeName(name);
    g.writeStartArray();
    for (Item item : items) {
      g.writeRaw("\n    ");
      ItemJson.write(g, item);
    }
    g.writeEndArray();
  }
}
