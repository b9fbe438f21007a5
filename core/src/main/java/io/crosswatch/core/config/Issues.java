package io.crosswatch.core.config;

import io.crosswatch.core.provider.ConfigIssue;
import java.util.ArrayList;
import java.util.List;

/** Collects the errors and warnings found while loading a config, in the order found. */
final class Issues {
  private final List<ConfigIssue> all = new ArrayList<>();

  void error(String path, String message) {
    all.add(ConfigIssue.error(path, message));
  }

  void warning(String path, String message) {
    all.add(ConfigIssue.warning(path, message));
  }

  void addAll(List<ConfigIssue> issues) {
    all.addAll(issues);
  }

  boolean hasErrors() {
    return all.stream().anyMatch(ConfigIssue::isError);
  }

  List<ConfigIssue> all() {
    return List.copyOf(all);
  }

  List<ConfigIssue> warnings() {
    return all.stream().filter(i -> !i.isError()).toList();
  }
}
