package io.crosswatch.core.events;

import io.crosswatch.core.config.secrets.KnownSecrets;
import io.crosswatch.core.model.Feature;
import io.crosswatch.core.model.Item;
import io.crosswatch.core.model.ItemJson;
import io.crosswatch.core.state.Side;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.json.JsonMapper;

/**
 * Appends run events to {@code <state_dir>/logs/<run_id>.jsonl}: one JSON object per line with
 * {@code event}, {@code ts} (ISO-8601 UTC) and the given fields, flushed line by line.
 *
 * <p>Fields whose key looks like a secret (token, secret, password, api key) are dropped, at any
 * depth. A failed write is logged once; later events of the run are then dropped, since the event
 * log must never stop a sync.
 */
public final class JsonlRunEvents implements RunEvents {
  private static final Logger LOG = LoggerFactory.getLogger(JsonlRunEvents.class);
  private static final JsonMapper MAPPER = JsonMapper.builder().build();
  private static final Set<String> SECRET_MARKERS =
      Set.of("token", "secret", "password", "api_key", "apikey");

  private final Path file;
  private final Clock clock;
  private final BufferedWriter writer;
  private boolean failed;
  private boolean closed;

  private JsonlRunEvents(Path file, Clock clock, BufferedWriter writer) {
    this.file = file;
    this.clock = clock;
    this.writer = writer;
  }

  /**
   * Opens (creating folders as needed) the event log of one run for appending.
   *
   * @throws UncheckedIOException when the logs folder or the file cannot be created
   */
  public static JsonlRunEvents open(Path stateDir, String runId, Clock clock) {
    Objects.requireNonNull(stateDir, "stateDir");
    Objects.requireNonNull(runId, "runId");
    return openFile(stateDir.resolve("logs").resolve(runId + ".jsonl"), clock);
  }

  /** Opens an event log at an explicit path for appending (its folder is created if missing). */
  public static JsonlRunEvents openFile(Path file, Clock clock) {
    Objects.requireNonNull(file, "file");
    Objects.requireNonNull(clock, "clock");
    try {
      Path parent = file.toAbsolutePath().getParent();
      if (parent != null) {
        Files.createDirectories(parent);
      }
      BufferedWriter writer =
          Files.newBufferedWriter(
              file,
              StandardCharsets.UTF_8,
              StandardOpenOption.CREATE,
              StandardOpenOption.APPEND,
              StandardOpenOption.WRITE);
      return new JsonlRunEvents(file, clock, writer);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot open event log " + file + ": " + e.getMessage(), e);
    }
  }

  /** The file events go to. */
  public Path file() {
    return file;
  }

  @Override
  public synchronized void emit(String event, Map<String, ?> fields) {
    Objects.requireNonNull(event, "event");
    if (failed || closed) {
      return;
    }
    String line = line(event, clock.instant(), fields == null ? Map.of() : fields);
    try {
      writer.write(line);
      writer.newLine();
      writer.flush();
    } catch (IOException e) {
      failed = true;
      LOG.warn(
          "event log {}: write failed ({}); further events of this run are dropped",
          file,
          e.getMessage());
    }
  }

  @Override
  public synchronized void close() {
    if (closed) {
      return;
    }
    closed = true;
    try {
      writer.close();
    } catch (IOException e) {
      LOG.warn("event log {}: close failed ({})", file, e.getMessage());
    }
  }

  /** One event as a single-line JSON object (no trailing newline). */
  static String line(String event, Instant ts, Map<String, ?> fields) {
    StringWriter out = new StringWriter();
    try (JsonGenerator g = MAPPER.createGenerator(out)) {
      g.writeStartObject();
      g.writeStringProperty("event", event);
      g.writeStringProperty("ts", ts.truncatedTo(ChronoUnit.MILLIS).toString());
      for (Map.Entry<String, ?> e : fields.entrySet()) {
        String key = String.valueOf(e.getKey());
        if (!key.equals("event") && !key.equals("ts") && !isSecretKey(key)) {
          g.writeName(key);
          writeValue(g, e.getValue());
        }
      }
      g.writeEndObject();
    }
    return out.toString();
  }

  /** Whether a field name suggests a secret, which never goes to the event log. */
  static boolean isSecretKey(String key) {
    String k = key.toLowerCase(Locale.ROOT).replace('-', '_');
    return SECRET_MARKERS.stream().anyMatch(k::contains);
  }

  private static void writeValue(JsonGenerator g, Object value) {
    if (value == null) {
      g.writeNull();
    } else if (value instanceof String s) {
      g.writeString(KnownSecrets.mask(s));
    } else if (value instanceof Boolean b) {
      g.writeBoolean(b);
    } else if (value instanceof Number n) {
      writeNumber(g, n);
    } else if (value instanceof Feature f) {
      g.writeString(f.key());
    } else if (value instanceof Side s) {
      g.writeString(s.key());
    } else if (value instanceof Enum<?> e) {
      g.writeString(e.name().toLowerCase(Locale.ROOT));
    } else if (value instanceof Instant i) {
      g.writeString(i.truncatedTo(ChronoUnit.MILLIS).toString());
    } else if (value instanceof Item item) {
      ItemJson.write(g, item);
    } else if (value instanceof Map<?, ?> map) {
      writeMap(g, map);
    } else if (value instanceof Collection<?> list) {
      g.writeStartArray();
      for (Object element : list) {
        writeValue(g, element);
      }
      g.writeEndArray();
    } else {
      g.writeString(KnownSecrets.mask(value.toString()));
    }
  }

  private static void writeMap(JsonGenerator g, Map<?, ?> map) {
    g.writeStartObject();
    for (Map.Entry<?, ?> e : map.entrySet()) {
      String key = String.valueOf(e.getKey());
      if (!isSecretKey(key)) {
        g.writeName(key);
        writeValue(g, e.getValue());
      }
    }
    g.writeEndObject();
  }

  private static void writeNumber(JsonGenerator g, Number n) {
    if (n instanceof Integer || n instanceof Short || n instanceof Byte) {
      g.writeNumber(n.intValue());
    } else if (n instanceof Long l) {
      g.writeNumber(l);
    } else if (n instanceof java.math.BigDecimal d) {
      g.writeNumber(d);
    } else if (n instanceof java.math.BigInteger i) {
      g.writeNumber(i);
    } else if (n instanceof Double || n instanceof Float) {
      double d = n.doubleValue();
      if (Double.isFinite(d)) {
        g.writeNumber(d);
      } else {
        g.writeNull();
      }
    } else {
      g.writeNumber(n.longValue());
    }
  }
}
