package io.crosswatch.core.provider;

import io.crosswatch.core.model.Feature;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** The {@code cw health --json} document: exit code and one entry per provider instance. */
public final class HealthJson {
  private static final JsonMapper MAPPER =
      JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

  private HealthJson() {}

  /** The document as a tree, providers sorted by label. */
  public static ObjectNode toTree(Map<String, HealthReport> reports, int exitCode) {
    ObjectNode root = MAPPER.createObjectNode();
    root.put("exit_code", exitCode);
    ArrayNode providers = root.putArray("providers");
    new TreeMap<>(reports)
        .forEach(
            (label, r) -> {
              ObjectNode p = providers.addObject();
              p.put("provider", label);
              p.put("status", status(r));
              p.put("latency_ms", r.latency().toMillis());
              ArrayNode features = p.putArray("features");
              r.features().stream().sorted().map(Feature::key).forEach(features::add);
              p.put("message", r.message());
              ObjectNode details = p.putObject("details");
              new TreeMap<>(r.details()).forEach(details::put);
            });
    return root;
  }

  /** The document as indented JSON text. */
  public static String toJson(Map<String, HealthReport> reports, int exitCode) {
    return MAPPER.writeValueAsString(toTree(reports, exitCode));
  }

  /** 1 when any provider is down or refused auth, else 0. */
  public static int exitCode(Map<String, HealthReport> reports) {
    return reports.values().stream().allMatch(HealthReport::usable) ? 0 : 1;
  }

  /** A report's status in lower case, as every status is written. */
  public static String status(HealthReport r) {
    return r.status().name().toLowerCase(Locale.ROOT);
  }
}
