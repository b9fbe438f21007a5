package io.crosswatch.server.web;

import io.crosswatch.server.web.ConfigView.FeatureRow;
import io.crosswatch.server.web.ConfigView.FieldGroup;
import io.crosswatch.server.web.ConfigView.PairForm;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Applies a submitted config form to the config it was made from: the inputs the editor showed are
 * written at their paths, everything else in the file stays as it was.
 *
 * <p>An emptied input removes its key (the default applies); a check box left at its default on a
 * key the file does not have adds nothing; a number input holding a number writes a JSON number; a
 * list input writes an array of its comma-separated parts; anything else is written as typed so
 * that validation names it.
 */
final class ConfigFormReader {
  private static final Pattern INTEGER = Pattern.compile("-?\\d{1,18}");
  private static final Pattern DECIMAL = Pattern.compile("-?\\d*\\.\\d+([eE][-+]?\\d+)?");
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private final ConfigView form;
  private final Map<String, List<String>> params;

  /**
   * @param form the editor as it was laid out from {@code base}
   * @param params the submitted form: values by input name
   */
  ConfigFormReader(ConfigView form, Map<String, List<String>> params) {
    this.form = Objects.requireNonNull(form, "form");
    this.params = Map.copyOf(params);
  }

  /** A copy of {@code base} with the form's values written in. */
  ObjectNode apply(JsonNode base) {
    ObjectNode out = base.isObject() ? ((ObjectNode) base).deepCopy() : NODES.objectNode();
    for (FieldGroup g : form.settings()) {
      g.fields().forEach(f -> write(out, base, f));
    }
    for (FieldGroup g : form.providers()) {
      g.fields().forEach(f -> write(out, base, f));
    }
    ScrobbleForm.apply(form.scrobble(), out, base, params, f -> write(out, base, f));
    List<Integer> deleted = new ArrayList<>();
    for (PairForm p : form.pairs()) {
      writePair(out, base, p);
      if (checked(p.delete().name())) {
        deleted.add(index(p));
      }
    }
    if (wanted(form.newPair())) {
      if (!(out.get("pairs") instanceof ArrayNode)) {
        out.putArray("pairs");
      }
      ((ArrayNode) out.get("pairs")).addObject();
      writePair(out, base, form.newPair());
    }
    if (out.get("pairs") instanceof ArrayNode list) {
      for (int i = deleted.size() - 1; i >= 0; i--) {
        list.remove(deleted.get(i).intValue());
      }
    }
    return out;
  }

  private void writePair(ObjectNode out, JsonNode base, PairForm pair) {
    pair.fields().forEach(f -> write(out, base, f));
    pair.features().forEach(r -> writeFeature(out, base, r));
  }

  /** A new pair is added when it was given an id, a source or a target. */
  private boolean wanted(PairForm pair) {
    return pair.fields().stream()
        .filter(
            f ->
                f.name().endsWith(".id")
                    || f.name().endsWith(".source")
                    || f.name().endsWith(".target"))
        .anyMatch(f -> !value(f.name()).isBlank());
  }

  private void write(ObjectNode out, JsonNode base, FormField field) {
    JsonPath path = JsonPath.parse(field.name());
    JsonNode before = path.get(base);
    if (field.isCheck()) {
      boolean on = checked(field.name());
      if (before == null && String.valueOf(on).equals(field.fallback())) {
        return;
      }
      path.set(out, NODES.booleanNode(on));
      return;
    }
    List<String> sent = params.get(field.name());
    if (sent == null || sent.isEmpty()) {
      return;
    }
    String typed = sent.get(0).strip();
    if (before == null && field.isSelect() && typed.equals(field.fallback())) {
      return;
    }
    if (field.isList()) {
      ArrayNode list = NODES.arrayNode();
      for (String part : typed.split(",")) {
        if (!part.isBlank()) {
          list.add(part.strip());
        }
      }
      if (list.isEmpty()) {
        path.remove(out);
      } else {
        path.set(out, list);
      }
    } else if (typed.isEmpty()) {
      path.remove(out);
    } else if (field.numeric() && INTEGER.matcher(typed).matches()) {
      long n = Long.parseLong(typed);
      path.set(out, n == (int) n ? NODES.numberNode((int) n) : NODES.numberNode(n));
    } else if (field.numeric() && DECIMAL.matcher(typed).matches()) {
      path.set(out, NODES.numberNode(Double.parseDouble(typed)));
    } else {
      path.set(out, NODES.stringNode(typed));
    }
  }

  private void writeFeature(ObjectNode out, JsonNode base, FeatureRow row) {
    JsonPath path = JsonPath.parse(row.path());
    JsonNode before = path.get(base);
    boolean enable = checked(row.enable().name());
    boolean add = checked(row.add().name());
    boolean remove = checked(row.remove().name());
    boolean none = !enable && !add && !remove;
    if (before == null && none) {
      return;
    }
    if (before != null && before.isBoolean()) {
      boolean same = before.booleanValue() ? enable && add && !remove : none;
      if (same) {
        return;
      }
    }
    ObjectNode feature =
        before != null && before.isObject() ? ((ObjectNode) before).deepCopy() : NODES.objectNode();
    feature.put("enable", enable);
    feature.put("add", add);
    feature.put("remove", remove);
    path.set(out, feature);
  }

  private static int index(PairForm pair) {
    return (Integer) JsonPath.parse(pair.path()).segments().get(1);
  }

  private boolean checked(String name) {
    List<String> sent = params.get(name);
    return sent != null && !sent.isEmpty();
  }

  private String value(String name) {
    List<String> sent = params.get(name);
    return sent == null || sent.isEmpty() ? "" : sent.get(0);
  }
}
