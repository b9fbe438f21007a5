package io.crosswatch.server.web;

import io.crosswatch.server.web.ConfigView.FieldGroup;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The {@code scrobble} block's sources and sinks in the config editor: one box per entry (provider,
 * instance, and for sources how they report and whose plays count) with a delete box, plus a blank
 * box to add one of each. {@code scrobble.enabled} is a setting like the others.
 */
final class ScrobbleForm {
  static final List<String> VIAS = List.of("webhook", "watch");
  static final String SOURCES = "scrobble.sources";
  static final String SINKS = "scrobble.sinks";

  private final List<String> sources;
  private final List<String> sinks;
  private final Function<FormField, FormField> placed;
  private final Function<String, List<String>> errorsAt;

  /**
   * @param sources providers that can be sources, in the order offered
   * @param sinks providers that can be sinks
   * @param placed an input with its errors
   * @param errorsAt the errors of a box
   */
  ScrobbleForm(
      List<String> sources,
      List<String> sinks,
      Function<FormField, FormField> placed,
      Function<String, List<String>> errorsAt) {
    this.sources = List.copyOf(sources);
    this.sinks = List.copyOf(sinks);
    this.placed = placed;
    this.errorsAt = errorsAt;
  }

  /** The boxes: each source, a new source, each sink, a new sink. */
  List<FieldGroup> groups(JsonNode config) {
    JsonNode block = config.path("scrobble");
    String via = ConfigFormBuilder.scalar(block.get("mode"), "webhook");
    List<FieldGroup> out = new ArrayList<>();
    JsonNode list = block.path("sources");
    int n = list.isArray() ? list.size() : 0;
    for (int i = 0; i <= n; i++) {
      out.add(source(SOURCES + "[" + i + "]", i < n ? list.get(i) : null, via));
    }
    list = block.path("sinks");
    n = list.isArray() ? list.size() : 0;
    for (int i = 0; i <= n; i++) {
      out.add(sink(SINKS + "[" + i + "]", i < n ? list.get(i) : null));
    }
    return out;
  }

  private FieldGroup source(String path, JsonNode entry, String via) {
    List<FormField> fields = new ArrayList<>();
    fields.add(provider(path, entry, sources));
    fields.add(instance(path, entry));
    fields.add(
        placed.apply(
            FormField.select(path + ".via", "Reports by", text(entry, "via", via), via, VIAS)));
    List<String> users = new ArrayList<>();
    JsonNode u = entry == null ? null : entry.get("users");
    if (u != null && u.isArray()) {
      u.forEach(x -> users.add(ConfigFormBuilder.scalar(x, "")));
    }
    fields.add(placed.apply(FormField.list(path + ".users", "Users (comma-separated)", users, "")));
    return entryGroup(path, entry, fields, "source", "Source");
  }

  private FieldGroup sink(String path, JsonNode entry) {
    List<FormField> fields = new ArrayList<>();
    fields.add(provider(path, entry, sinks));
    fields.add(instance(path, entry));
    return entryGroup(path, entry, fields, "sink", "Sink");
  }

  /**
   * The group of one source or sink ({@code kind}): its fields, a delete button when it exists, and
   * for the empty entry at the end an "Add a …" title.
   */
  private FieldGroup entryGroup(
      String path, JsonNode entry, List<FormField> fields, String kind, String heading) {
    if (entry != null) {
      fields.add(delete(path, "Delete this " + kind));
    }
    String title = entry == null ? "Add a " + kind : heading + ": " + label(entry);
    return new FieldGroup(
        path,
        title,
        entry == null ? "choose a provider to add one" : "",
        fields,
        errorsAt.apply(path));
  }

  private FormField provider(String path, JsonNode entry, List<String> options) {
    List<String> choices = new ArrayList<>();
    choices.add("");
    choices.addAll(options);
    return placed.apply(
        FormField.select(path + ".provider", "Provider", text(entry, "provider", ""), "", choices));
  }

  private FormField instance(String path, JsonNode entry) {
    return placed.apply(
        FormField.text(
            path + ".instance", "Instance", text(entry, "instance", ""), "default", false));
  }

  private FormField delete(String path, String label) {
    return FormField.check(path + "." + ConfigFormBuilder.DELETE, label, false, false);
  }

  private static String label(JsonNode entry) {
    String instance = text(entry, "instance", "default");
    return text(entry, "provider", "?") + ("default".equals(instance) ? "" : " (" + instance + ")");
  }

  private static String text(JsonNode entry, String key, String otherwise) {
    return entry == null ? otherwise : ConfigFormBuilder.scalar(entry.get(key), otherwise);
  }

  /**
   * Writes the boxes of {@code form} into {@code out}: existing entries as edited, a new entry when
   * its provider was chosen, deleted entries removed.
   *
   * @param write writes one input at its path
   */
  static void apply(
      List<FieldGroup> groups,
      ObjectNode out,
      JsonNode base,
      Map<String, List<String>> params,
      java.util.function.Consumer<FormField> write) {
    for (String list : List.of(SOURCES, SINKS)) {
      JsonNode before = JsonPath.parse(list).get(base);
      int existing = before != null && before.isArray() ? before.size() : 0;
      List<Integer> deleted = new ArrayList<>();
      for (FieldGroup g : groups) {
        if (!g.path().startsWith(list + "[")) {
          continue;
        }
        int index = (Integer) JsonPath.parse(g.path()).segments().get(2);
        if (index >= existing) {
          if (!chosen(params, g.path() + ".provider")) {
            continue;
          }
          ObjectNode block =
              out.get("scrobble") instanceof ObjectNode o ? o : out.putObject("scrobble");
          ArrayNode array =
              block.get(list.substring(9)) instanceof ArrayNode a
                  ? a
                  : block.putArray(list.substring(9));
          array.addObject();
        } else if (chosen(params, g.path() + "." + ConfigFormBuilder.DELETE)) {
          deleted.add(index);
        }
        g.fields().stream()
            .filter(f -> !f.name().endsWith("." + ConfigFormBuilder.DELETE))
            .forEach(write);
      }
      if (JsonPath.parse(list).get(out) instanceof ArrayNode array) {
        for (int i = deleted.size() - 1; i >= 0; i--) {
          array.remove(deleted.get(i).intValue());
        }
      }
    }
  }

  private static boolean chosen(Map<String, List<String>> params, String name) {
    List<String> sent = params.get(name);
    return sent != null && !sent.isEmpty() && !sent.get(0).isBlank();
  }
}
