package io.crosswatch.server.scrobble;

import io.crosswatch.core.config.secrets.KnownSecrets;
import io.crosswatch.core.scrobble.ScrobbleNotice;
import io.crosswatch.core.scrobble.ScrobbleObserver;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.LinkedHashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes every scrobble notice as one JSON line to {@code <state_dir>/logs/service/scrobble.jsonl}
 * and to the service's log (logger {@code io.crosswatch.scrobble}, INFO): {@code event}, {@code
 * ts}, {@code source}, {@code user}, {@code title}, {@code sink}, {@code action}, {@code progress},
 * {@code detail}. Above {@value #MAX_BYTES} bytes the file is moved to {@code scrobble.1.jsonl}
 * (replacing the previous one) and started again. A write that fails is logged once and never stops
 * scrobbling.
 */
public final class ScrobbleLog implements ScrobbleObserver {
  /** The size at which the file is rotated. */
  public static final long MAX_BYTES = 10_000_000;

  private static final Logger LOG = LoggerFactory.getLogger("io.crosswatch.scrobble");
  private static final JsonMapper MAPPER = JsonMapper.builder().build();

  private final Path file;
  private boolean failed;

  /** The scrobble log of one state dir. */
  public ScrobbleLog(Path stateDir) {
    this.file = file(stateDir);
  }

  /** Where the log of {@code stateDir} is. */
  public static Path file(Path stateDir) {
    return stateDir.resolve("logs").resolve("service").resolve("scrobble.jsonl");
  }

  /** One notice as the log writes it (without the line break). */
  public static String line(ScrobbleNotice n) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("event", n.event());
    m.put("ts", n.at() == null ? null : n.at().toString());
    m.put("source", n.source());
    m.put("user", n.user());
    m.put("title", n.item() == null ? null : n.item().label());
    m.put("sink", n.sink());
    m.put("action", n.action() == null ? null : n.action().key());
    m.put("progress", Math.round(n.progressPercent() * 10) / 10.0);
    if (n.detail() != null && !n.detail().isEmpty()) {
      m.put("detail", KnownSecrets.mask(n.detail()));
    }
    return MAPPER.writeValueAsString(m);
  }

  @Override
  public void notice(ScrobbleNotice notice) {
    String line;
    try {
      line = line(notice);
    } catch (RuntimeException e) {
      LOG.warn("a scrobble notice could not be written as JSON: {}", e.toString());
      return;
    }
    LOG.info(line);
    append(line);
  }

  private synchronized void append(String line) {
    try {
      Files.createDirectories(file.getParent());
      if (Files.exists(file) && Files.size(file) > MAX_BYTES) {
        Files.move(
            file, file.resolveSibling("scrobble.1.jsonl"), StandardCopyOption.REPLACE_EXISTING);
      }
      Files.writeString(
          file,
          line + "\n",
          StandardCharsets.UTF_8,
          StandardOpenOption.CREATE,
          StandardOpenOption.APPEND);
      failed = false;
    } catch (IOException e) {
      if (!failed) {
        LOG.warn("cannot write the scrobble log {}: {}", file, e.getMessage());
      }
      failed = true;
    }
  }
}
