package io.crosswatch.app.scenario;

import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** What one {@code cw} invocation produced: exit code, stdout and stderr. */
public record CliRun(int code, String out, String err) {
  static final JsonMapper JSON = JsonMapper.builder().build();

  /** The {@code --json} summary on stdout. */
  public JsonNode summary() {
    return JSON.readTree(out);
  }

  /** The summary of one feature of the first pair. */
  public JsonNode feature(String feature) {
    for (JsonNode f : summary().get("pairs").get(0).get("features")) {
      if (f.get("feature").asString().equals(feature)) {
        return f;
      }
    }
    throw new AssertionError("no feature " + feature + " in " + out + "\nstderr:\n" + err);
  }

  /** A planned count of one feature: {@code planned("watchlist", "target", "add")}. */
  public int planned(String feature, String side, String op) {
    return feature(feature).get("planned").get(side).get(op).asInt();
  }

  /** An applied count of one feature. */
  public int applied(String feature, String side, String op) {
    return feature(feature).get("applied").get(side).get(op).asInt();
  }

  /** Every planned count of every feature of every pair, as {@code feature.side.op=n}. */
  public List<String> nonZeroPlanned() {
    List<String> found = new ArrayList<>();
    for (JsonNode pair : summary().get("pairs")) {
      for (JsonNode f : pair.get("features")) {
        for (String side : List.of("source", "target")) {
          f.get("planned")
              .get(side)
              .properties()
              .forEach(
                  e -> {
                    if (e.getValue().asInt() != 0) {
                      found.add(
                          f.get("feature").asString()
                              + "."
                              + side
                              + "."
                              + e.getKey()
                              + "="
                              + e.getValue().asInt());
                    }
                  });
        }
      }
    }
    return found;
  }

  /** The feature's warnings, joined by new lines. */
  public String warnings(String feature) {
    List<String> all = new ArrayList<>();
    feature(feature).get("warnings").forEach(w -> all.add(w.asString()));
    return String.join("\n", all);
  }

  @Override
  public String toString() {
    return "exit " + code + "\n--- stdout\n" + out + "\n--- stderr\n" + err;
  }
}
