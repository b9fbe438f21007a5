package io.crosswatch.providers.playback;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** Recorded-shape webhook bodies under {@code src/test/resources/webhooks}. */
public final class WebhookFixtures {
  private WebhookFixtures() {}

  /** The text of one fixture, e.g. {@code plex-movie-play.json}. */
  public static String text(String name) {
    try (InputStream in = WebhookFixtures.class.getResourceAsStream("/webhooks/" + name)) {
      if (in == null) {
        throw new IllegalArgumentException("no fixture " + name);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The UTF-8 bytes of one fixture. */
  public static byte[] bytes(String name) {
    return text(name).getBytes(StandardCharsets.UTF_8);
  }
}
