package io.crosswatch.app;

import io.crosswatch.core.model.Feature;
import java.util.Locale;
import picocli.CommandLine;

/** Parses {@code --feature}: watchlist, history or ratings. */
final class FeatureConverter implements CommandLine.ITypeConverter<Feature> {
  @Override
  public Feature convert(String value) {
    return Feature.fromKey(value.toLowerCase(Locale.ROOT))
        .orElseThrow(
            () ->
                new CommandLine.TypeConversionException(
                    "'"
                        + value
                        + "' is not a feature; use watchlist, history, ratings, playlists or"
                        + " progress"));
  }
}
