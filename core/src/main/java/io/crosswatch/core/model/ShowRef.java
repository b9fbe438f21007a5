package io.crosswatch.core.model;

import java.util.Objects;

/** The show an episode or season belongs to. */
public record ShowRef(String title, Integer year, Ids ids) {
  public ShowRef {
    Objects.requireNonNull(ids, "ids");
  }
}
