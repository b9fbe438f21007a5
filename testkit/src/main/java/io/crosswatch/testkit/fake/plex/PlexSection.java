package io.crosswatch.testkit.fake.plex;

import java.util.Objects;

/**
 * A library section of the fake server.
 *
 * @param key its key, e.g. {@code "1"}
 * @param type {@code movie} or {@code show}
 * @param title its title, e.g. {@code "Movies"}
 * @param uuid its uuid
 */
public record PlexSection(String key, String type, String title, String uuid) {
  public PlexSection {
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(title, "title");
    Objects.requireNonNull(uuid, "uuid");
  }
}
