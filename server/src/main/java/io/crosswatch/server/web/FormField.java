package io.crosswatch.server.web;

import java.util.List;

/**
 * One input of the config editor, named by the JSON path it edits, with the problems found there.
 *
 * @param value the shown value; for a check box {@code "true"} or {@code "false"}
 * @param fallback the value used when the key is left out (shown as a hint; {@code "false"} or
 *     {@code "true"} for a check box)
 * @param numeric whether a typed number is written as a JSON number
 */
public record FormField(
    String name,
    String label,
    Kind kind,
    String value,
    String fallback,
    boolean numeric,
    List<String> options,
    List<String> errors) {

  /** How the value is entered. */
  public enum Kind {
    TEXT,
    SECRET,
    CHECK,
    SELECT,
    /** Text entered as a comma-separated list, written as a JSON array of strings. */
    LIST
  }

  public FormField {
    options = List.copyOf(options);
    errors = List.copyOf(errors);
  }

  static FormField text(String name, String label, String value, String fallback, boolean numeric) {
    return new FormField(name, label, Kind.TEXT, value, fallback, numeric, List.of(), List.of());
  }

  static FormField check(String name, String label, boolean value, boolean fallback) {
    return new FormField(
        name,
        label,
        Kind.CHECK,
        String.valueOf(value),
        String.valueOf(fallback),
        false,
        List.of(),
        List.of());
  }

  static FormField select(
      String name, String label, String value, String fallback, List<String> options) {
    return new FormField(name, label, Kind.SELECT, value, fallback, false, options, List.of());
  }

  static FormField list(String name, String label, List<String> values, String fallback) {
    return new FormField(
        name, label, Kind.LIST, String.join(", ", values), fallback, false, List.of(), List.of());
  }

  FormField withErrors(List<String> found) {
    return new FormField(name, label, kind, value, fallback, numeric, options, found);
  }

  FormField withKind(Kind other) {
    return new FormField(name, label, other, value, fallback, numeric, options, errors);
  }

  /** The HTML id: the path with every character but letters and digits made a dash. */
  public String id() {
    return "f-" + name.replaceAll("[^A-Za-z0-9]", "-");
  }

  public boolean checked() {
    return "true".equals(value);
  }

  public boolean isCheck() {
    return kind == Kind.CHECK;
  }

  public boolean isSelect() {
    return kind == Kind.SELECT;
  }

  public boolean isList() {
    return kind == Kind.LIST;
  }

  public boolean isSecret() {
    return kind == Kind.SECRET;
  }

  public boolean invalid() {
    return !errors.isEmpty();
  }

  /** The options of a select, with the current value first added when it is not one of them. */
  public List<String> choices() {
    if (value.isEmpty() || options.contains(value)) {
      return options;
    }
    return java.util.stream.Stream.concat(java.util.stream.Stream.of(value), options.stream())
        .toList();
  }
}
