package io.crosswatch.server.web;

import io.crosswatch.server.api.SecretMask;
import io.crosswatch.server.web.ConfigView.FeatureRow;
import io.crosswatch.server.web.ConfigView.FieldGroup;
import io.crosswatch.server.web.ConfigView.PairForm;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import tools.jackson.databind.JsonNode;

/**
 * Lays a config document out as the editor's inputs, each named by its JSON path, with the errors
 * placed at their inputs.
 */
final class ConfigFormBuilder {
  static final String DELETE = "_delete";

  static final List<String> MODES = List.of("one-way", "two-way");

  private final List<String> providers;
  private final List<String> features;
  private final Map<String, List<String>> errors;
  private final ScrobbleForm scrobble;

  /** An editor whose scrobble boxes offer no provider. */
  ConfigFormBuilder(
      List<String> providers, List<String> features, Map<String, List<String>> errors) {
    this(providers, features, List.of(), List.of(), errors);
  }

  /**
   * @param providers provider names a pair may use, in the order offered
   * @param features feature keys, in the order shown
   * @param scrobbleSources providers that can be scrobble sources
   * @param scrobbleSinks providers that can be scrobble sinks
   * @param errors messages by the path of the input or box they belong to
   */
  ConfigFormBuilder(
      List<String> providers,
      List<String> features,
      List<String> scrobbleSources,
      List<String> scrobbleSinks,
      Map<String, List<String>> errors) {
    this.providers = List.copyOf(providers);
    this.features = List.copyOf(features);
    this.errors = Map.copyOf(errors);
    this.scrobble = new ScrobbleForm(scrobbleSources, scrobbleSinks, this::placed, this::at);
  }

  ConfigView build(
      JsonNode config,
      List<String> problems,
      List<String> unplaced,
      List<String> warnings,
      boolean saved) {
    Objects.requireNonNull(config, "config");
    List<FieldGroup> settings = new ArrayList<>();
    for (SettingFields.Section section : SettingFields.SECTIONS) {
      List<FormField> fields = new ArrayList<>();
      for (SettingFields.Setting s : section.settings()) {
        fields.add(placed(setting(config, s)));
      }
      settings.add(group(section.path(), section.title(), section.hint(), fields));
    }
    List<PairForm> pairs = new ArrayList<>();
    JsonNode list = config.get("pairs");
    int count = list != null && list.isArray() ? list.size() : 0;
    for (int i = 0; i < count; i++) {
      pairs.add(pair(i, list.get(i), false));
    }
    return new ConfigView(
        settings,
        group("pairs", "Pairs", "", List.of()),
        pairs,
        pair(count, null, true),
        providerGroups(config),
        scrobble.groups(config),
        problems,
        unplaced,
        warnings,
        saved);
  }

  /** Every path an error can be shown at: inputs and boxes. */
  static Set<String> anchors(ConfigView view) {
    Set<String> out = new java.util.HashSet<>();
    for (FieldGroup g : view.settings()) {
      out.add(g.path());
      g.fields().forEach(f -> out.add(f.name()));
    }
    out.add(view.pairsSection().path());
    for (PairForm p : view.pairs()) {
      out.add(p.path());
      p.fields().forEach(f -> out.add(f.name()));
      for (FeatureRow r : p.features()) {
        out.add(r.path());
        out.add(r.enable().name());
        out.add(r.add().name());
        out.add(r.remove().name());
      }
    }
    for (FieldGroup g : view.providers()) {
      out.add(g.path());
      g.fields().forEach(f -> out.add(f.name()));
    }
    for (FieldGroup g : view.scrobble()) {
      out.add(g.path());
      g.fields().forEach(f -> out.add(f.name()));
    }
    return out;
  }

  private FormField setting(JsonNode config, SettingFields.Setting s) {
    JsonNode node = JsonPath.parse(s.path()).get(config);
    return switch (s.kind()) {
      case CHECK -> FormField.check(s.path(), s.label(), node != null && node.asBoolean(), false);
      case SELECT ->
          FormField.select(
              s.path(), s.label(), scalar(node, s.fallback()), s.fallback(), s.options());
      default -> FormField.text(s.path(), s.label(), scalar(node, ""), s.fallback(), s.numeric());
    };
  }

  private PairForm pair(int index, JsonNode pair, boolean fresh) {
    String path = "pairs[" + index + "]";
    JsonNode p = pair;
    List<FormField> fields = new ArrayList<>();
    fields.add(placed(FormField.text(path + ".id", "Id", scalar(get(p, "id"), ""), "", false)));
    fields.add(
        placed(
            FormField.check(
                path + ".enabled",
                "Enabled",
                fresh || get(p, "enabled") == null || get(p, "enabled").asBoolean(),
                true)));
    fields.add(
        placed(
            FormField.select(
                path + ".source",
                "Source",
                scalar(get(p, "source"), ""),
                "",
                withBlank(providers))));
    fields.add(
        placed(
            FormField.text(
                path + ".source_instance",
                "Source instance",
                scalar(get(p, "source_instance"), ""),
                "default",
                false)));
    fields.add(
        placed(
            FormField.select(
                path + ".target",
                "Target",
                scalar(get(p, "target"), ""),
                "",
                withBlank(providers))));
    fields.add(
        placed(
            FormField.text(
                path + ".target_instance",
                "Target instance",
                scalar(get(p, "target_instance"), ""),
                "default",
                false)));
    fields.add(
        placed(
            FormField.select(
                path + ".mode", "Mode", scalar(get(p, "mode"), "one-way"), "one-way", MODES)));
    List<FeatureRow> rows = new ArrayList<>();
    for (String feature : features) {
      rows.add(
          feature(path + ".features." + feature, feature, get(get(p, "features"), feature), fresh));
    }
    String title = fresh ? "New pair" : scalar(get(p, "id"), "pair " + (index + 1));
    FormField delete = FormField.check(path + "." + DELETE, "Delete this pair", false, false);
    return new PairForm(path, title, fields, rows, delete, fresh, at(path));
  }

  private FeatureRow feature(String path, String feature, JsonNode node, boolean fresh) {
    boolean enable;
    boolean add;
    boolean remove;
    if (node == null) {
      enable = fresh;
      add = fresh;
      remove = false;
    } else if (node.isBoolean()) {
      enable = node.booleanValue();
      add = node.booleanValue();
      remove = false;
    } else {
      enable = flag(node, "enable", true);
      add = flag(node, "add", true);
      remove = flag(node, "remove", false);
    }
    return new FeatureRow(
        path,
        feature,
        placed(FormField.check(path + ".enable", "on", enable, false)),
        placed(FormField.check(path + ".add", "add", add, true)),
        placed(FormField.check(path + ".remove", "remove", remove, false)),
        at(path));
  }

  /** One box per provider instance: the block's own keys (default) and each named instance. */
  private List<FieldGroup> providerGroups(JsonNode config) {
    List<FieldGroup> out = new ArrayList<>();
    for (String key : config.propertyNames()) {
      if (!isProviderBlock(key) || !config.get(key).isObject()) {
        continue;
      }
      JsonNode block = config.get(key);
      out.add(instanceGroup(key, key.toUpperCase(Locale.ROOT) + " (default)", block));
      JsonNode instances = block.get("instances");
      if (instances != null && instances.isObject()) {
        for (String name : instances.propertyNames()) {
          JsonNode settings = instances.get(name);
          if (settings.isObject()) {
            out.add(
                instanceGroup(
                    key + ".instances." + name,
                    key.toUpperCase(Locale.ROOT) + " (" + name + ")",
                    settings));
          }
        }
      }
    }
    return out;
  }

  private FieldGroup instanceGroup(String path, String title, JsonNode settings) {
    List<FormField> fields = new ArrayList<>();
    for (String key : settings.propertyNames()) {
      JsonNode value = settings.get(key);
      String name = path + "." + key;
      if (value.isBoolean()) {
        fields.add(placed(FormField.check(name, key, value.booleanValue(), false)));
      } else if (value.isValueNode()) {
        FormField f = FormField.text(name, key, scalar(value, ""), "", value.isNumber());
        fields.add(
            placed(SecretMask.MASK.equals(f.value()) ? f.withKind(FormField.Kind.SECRET) : f));
      }
    }
    return group(path, title, "", fields);
  }

  private boolean isProviderBlock(String key) {
    return key.equals(key.toLowerCase(Locale.ROOT))
        && providers.contains(key.toUpperCase(Locale.ROOT));
  }

  private FieldGroup group(String path, String title, String hint, List<FormField> fields) {
    return new FieldGroup(path, title, hint, fields, at(path));
  }

  private FormField placed(FormField field) {
    return field.withErrors(at(field.name()));
  }

  private List<String> at(String path) {
    return errors.getOrDefault(path, List.of());
  }

  private static List<String> withBlank(List<String> options) {
    List<String> out = new ArrayList<>();
    out.add("");
    out.addAll(options);
    return out;
  }

  private static JsonNode get(JsonNode node, String key) {
    return node == null || !node.isObject() ? null : node.get(key);
  }

  private static boolean flag(JsonNode node, String key, boolean otherwise) {
    JsonNode v = node.get(key);
    return v == null ? otherwise : v.asBoolean();
  }

  /**
   * A scalar as typed in an input; null, a missing key or a container shows as {@code otherwise}.
   */
  static String scalar(JsonNode node, String otherwise) {
    if (node == null || node.isNull() || node.isContainer()) {
      return otherwise;
    }
    return node.isString() ? node.stringValue() : node.toString();
  }
}
