package io.crosswatch.core.config;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.DateTimeException;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Locale;
import java.util.Map;

/** Reads the {@code scheduling} and {@code web} blocks (CrossWatch's keys). */
final class ScheduleReader {
  private static final Map<String, ScheduleMode> MODES =
      SettingsReader.byKey(ScheduleMode.values(), ScheduleMode::key);

  private ScheduleReader() {}

  static ScheduleSettings scheduling(ConfigObject block) {
    ScheduleSettings d = ScheduleSettings.DEFAULTS;
    boolean enabled = block.bool("enabled", d.enabled());
    ScheduleMode mode = block.oneOf("mode", MODES, d.mode());
    int everyN = block.integer("every_n_hours", 1, d.everyNHours());
    LocalTime daily = dailyTime(block, d.dailyTime());
    int minutes = block.integer("custom_interval_minutes", 1, d.customIntervalMinutes());
    ZoneId zone = zone(block);
    int jitter = block.integer("jitter_seconds", 0, d.jitterSeconds());
    WebhookSettings hooks =
        block.object("webhooks").map(ScheduleReader::webhooks).orElse(d.webhooks());
    // CrossWatch's "advanced" schedules are not supported: warned about as an unused key.
    block.warnUnknownKeys();
    return new ScheduleSettings(enabled, mode, everyN, daily, minutes, zone, jitter, hooks);
  }

  static WebSettings web(ConfigObject block) {
    String listen = block.string("listen", "");
    if (!listen.isEmpty() && !validListen(listen)) {
      block.error(
          "listen", "must be HOST:PORT with a port from 1 to 65535, e.g. \"127.0.0.1:8787\"");
    }
    block.warnUnknownKeys();
    return new WebSettings(listen.isEmpty() ? null : listen);
  }

  /** {@code HOST:PORT}; an IPv6 host is written in brackets ({@code [::1]:8787}). */
  static boolean validListen(String listen) {
    int colon = listen.lastIndexOf(':');
    if (colon <= 0 || colon == listen.length() - 1) {
      return false;
    }
    String port = listen.substring(colon + 1);
    if (!port.matches("\\d{1,5}") || Integer.parseInt(port) < 1 || Integer.parseInt(port) > 65535) {
      return false;
    }
    String host = listen.substring(0, colon);
    return host.startsWith("[") ? host.endsWith("]") : !host.contains(":");
  }

  private static LocalTime dailyTime(ConfigObject block, LocalTime fallback) {
    String text = block.string("daily_time", "");
    if (text.isEmpty()) {
      return fallback;
    }
    if (text.matches("([01]\\d|2[0-3]):[0-5]\\d")) {
      return LocalTime.parse(text);
    }
    block.error("daily_time", "must be a time HH:MM from 00:00 to 23:59, got \"" + text + "\"");
    return fallback;
  }

  private static ZoneId zone(ConfigObject block) {
    String name = block.string("timezone", "");
    if (name.isBlank()) {
      return null;
    }
    try {
      return ZoneId.of(name.strip());
    } catch (DateTimeException e) {
      block.error(
          "timezone",
          "unknown time zone \""
              + name
              + "\"; use an IANA name such as \"Europe/Amsterdam\", or \"\" for the system's");
      return null;
    }
  }

  private static WebhookSettings webhooks(ConfigObject block) {
    WebhookSettings d = WebhookSettings.DEFAULTS;
    boolean enabled = block.bool("enabled", d.enabled());
    String start = url(block, "start_url");
    String success = url(block, "success_url");
    String failure = url(block, "failure_url");
    int timeout = block.integer("timeout_seconds", 1, d.timeoutSeconds());
    block.warnUnknownKeys();
    return new WebhookSettings(enabled, start, success, failure, timeout);
  }

  private static String url(ConfigObject block, String key) {
    String text = block.string(key, "").strip();
    if (text.isEmpty()) {
      return "";
    }
    try {
      URI uri = new URI(text);
      String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
      if ((scheme.equals("http") || scheme.equals("https")) && uri.getHost() != null) {
        return text;
      }
    } catch (URISyntaxException e) {
      // reported below
    }
    block.error(key, "must be an http:// or https:// URL, or \"\" to send nothing");
    return "";
  }
}
