package io.crosswatch.server.web;

import java.util.List;

/**
 * What the config editor shows: settings sections, pairs, provider blocks, the scrobble sources and
 * sinks, and the outcome of the last save.
 *
 * @param problems every error of a refused save as {@code path: message}, as {@code cw validate}
 *     prints them
 * @param unplaced errors that belong to no input (e.g. the file as a whole)
 * @param warnings warnings of a save that went through
 */
public record ConfigView(
    List<FieldGroup> settings,
    FieldGroup pairsSection,
    List<PairForm> pairs,
    PairForm newPair,
    List<FieldGroup> providers,
    List<FieldGroup> scrobble,
    List<String> problems,
    List<String> unplaced,
    List<String> warnings,
    boolean saved) {

  /** A titled box of inputs, e.g. {@code runtime} or one provider instance. */
  public record FieldGroup(
      String path, String title, String hint, List<FormField> fields, List<String> errors) {
    public FieldGroup {
      fields = List.copyOf(fields);
      errors = List.copyOf(errors);
    }

    public String id() {
      return "g-" + (path.isEmpty() ? "root" : path.replaceAll("[^A-Za-z0-9]", "-"));
    }
  }

  /**
   * One pair: its settings, a row per feature, and its delete box ({@code fresh}: the blank one).
   */
  public record PairForm(
      String path,
      String title,
      List<FormField> fields,
      List<FeatureRow> features,
      FormField delete,
      boolean fresh,
      List<String> errors) {
    public PairForm {
      fields = List.copyOf(fields);
      features = List.copyOf(features);
      errors = List.copyOf(errors);
    }

    public String id() {
      return "g-" + path.replaceAll("[^A-Za-z0-9]", "-");
    }
  }

  /** One feature of a pair: whether it is on, may add and may remove. */
  public record FeatureRow(
      String path,
      String feature,
      FormField enable,
      FormField add,
      FormField remove,
      List<String> errors) {
    public FeatureRow {
      errors = List.copyOf(errors);
    }

    public String id() {
      return "g-" + path.replaceAll("[^A-Za-z0-9]", "-");
    }
  }
}
