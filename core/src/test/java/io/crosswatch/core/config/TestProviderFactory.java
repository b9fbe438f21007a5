package io.crosswatch.core.config;

import io.crosswatch.core.provider.ConfigIssue;
import io.crosswatch.core.provider.Provider;
import io.crosswatch.core.provider.ProviderContext;
import io.crosswatch.core.provider.ProviderFactory;
import io.crosswatch.core.scrobble.ScrobbleRole;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import tools.jackson.databind.JsonNode;

/**
 * A provider factory for config tests: {@code required} keys must be non-empty strings, {@code
 * optional} keys may hold anything, other keys are warned about.
 */
final class TestProviderFactory implements ProviderFactory {
  private final String name;
  private final Set<String> required;
  private final Set<String> optional;
  private final int listOrder;
  private final Set<ScrobbleRole> roles;

  private TestProviderFactory(
      String name, int listOrder, Set<String> required, Set<String> optional) {
    this(name, listOrder, required, optional, Set.of());
  }

  private TestProviderFactory(
      String name,
      int listOrder,
      Set<String> required,
      Set<String> optional,
      Set<ScrobbleRole> roles) {
    this.name = name;
    this.listOrder = listOrder;
    this.required = required;
    this.optional = optional;
    this.roles = roles;
  }

  /** This factory declaring the given scrobbling roles. */
  TestProviderFactory withRoles(ScrobbleRole... scrobbleRoles) {
    return new TestProviderFactory(name, listOrder, required, optional, Set.of(scrobbleRoles));
  }

  @Override
  public Set<ScrobbleRole> scrobbleRoles() {
    return roles;
  }

  /** FILE: needs {@code path}. */
  static TestProviderFactory file() {
    return new TestProviderFactory("FILE", 10, Set.of("path"), Set.of());
  }

  /** TRACKER: accepts {@code {}}, optional {@code path}. */
  static TestProviderFactory tracker() {
    return new TestProviderFactory("TRACKER", 20, Set.of(), Set.of("path"));
  }

  /** A provider that accepts {@code {}} and the given optional keys. */
  static TestProviderFactory optional(String name, int listOrder, String... keys) {
    return new TestProviderFactory(name, listOrder, Set.of(), Set.of(keys));
  }

  /** A provider whose block must hold the given keys. */
  static TestProviderFactory requiring(String name, int listOrder, String... keys) {
    return new TestProviderFactory(name, listOrder, Set.of(keys), Set.of());
  }

  /** TRAKT: accepts the keys of the README's example. */
  static TestProviderFactory trakt() {
    return new TestProviderFactory(
        "TRAKT",
        30,
        Set.of(),
        Set.of(
            "client_id",
            "client_secret",
            "access_token",
            "refresh_token",
            "expires_at",
            "base_url"));
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public int listOrder() {
    return listOrder;
  }

  @Override
  public List<ConfigIssue> validate(JsonNode settings, String path) {
    List<ConfigIssue> issues = new ArrayList<>();
    for (String key : required) {
      JsonNode value = settings.get(key);
      if (value == null) {
        issues.add(ConfigIssue.error(path + "." + key, "is required"));
      } else if (!value.isString() || value.stringValue().isEmpty()) {
        issues.add(ConfigIssue.error(path + "." + key, "must be a non-empty string"));
      }
    }
    for (String key : settings.propertyNames()) {
      if (!required.contains(key) && !optional.contains(key)) {
        issues.add(ConfigIssue.warning(path + "." + key, "unknown key, ignored"));
      }
    }
    return issues;
  }

  @Override
  public Provider create(ProviderContext context) {
    throw new UnsupportedOperationException("config tests never create providers");
  }
}
