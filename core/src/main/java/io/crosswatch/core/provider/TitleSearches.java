package io.crosswatch.core.provider;

import io.crosswatch.core.model.Item;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The answers of a service's title search for the life of one provider instance: a search (the same
 * request) is sent once, however many items, features or pairs ask it; a failed search is not
 * remembered.
 */
public final class TitleSearches {
  /** Sends one search and returns its results as items. */
  @FunctionalInterface
  public interface Search {
    List<Item> send() throws ProviderException;
  }

  private final Map<String, List<Item>> answers = new HashMap<>();

  /** The results of {@code request}, sent through {@code search} only the first time. */
  public synchronized List<Item> results(String request, Search search) throws ProviderException {
    List<Item> known = answers.get(request);
    if (known == null) {
      known = List.copyOf(search.send());
      answers.put(request, known);
    }
    return known;
  }
}
