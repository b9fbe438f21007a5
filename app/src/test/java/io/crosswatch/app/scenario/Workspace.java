package io.crosswatch.app.scenario;

import io.crosswatch.app.Main;
import io.crosswatch.app.TestMains;
import io.crosswatch.core.provider.ProviderRegistry;
import io.crosswatch.testkit.MutableClock;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;
import tools.jackson.databind.JsonNode;

/**
 * A folder holding a config, two FILE documents ({@code a.json}, the source, and {@code b.json},
 * instance {@code b}, the target) and a state dir, plus a clock the test moves; runs {@code cw}
 * in-process.
 */
public final class Workspace {
  /** When the clock starts. */
  public static final Instant START = Instant.parse("2026-03-01T12:00:00Z");

  private final Path dir;
  private final MutableClock clock = new MutableClock(START);
  private final Clock runClock;
  private Supplier<ProviderRegistry> providers = ProviderRegistry::load;
  private Map<String, String> env = Map.of();

  public Workspace(Path dir) {
    this.dir = Objects.requireNonNull(dir, "dir");
    this.runClock = clock;
  }

  /**
   * A workspace whose runs read {@code runClock} instead of the standing clock: runs against fake
   * services pace their requests by it and sleep for real, so give them a clock that moves.
   */
  public Workspace(Path dir, Clock runClock) {
    this.dir = Objects.requireNonNull(dir, "dir");
    this.runClock = Objects.requireNonNull(runClock, "runClock");
  }

  /** Runs {@code cw} with these provider factories instead of those on the class path. */
  public Workspace providers(Supplier<ProviderRegistry> registry) {
    this.providers = Objects.requireNonNull(registry, "registry");
    return this;
  }

  /** Runs {@code cw} with {@code variables} as its environment (none by default). */
  public Workspace env(Map<String, String> variables) {
    this.env = Map.copyOf(variables);
    return this;
  }

  public MutableClock clock() {
    return clock;
  }

  public Path dir() {
    return dir;
  }

  public Path path(String name) {
    return dir.resolve(name);
  }

  public Path config() {
    return path("config.json");
  }

  public Path stateDir() {
    return path("state");
  }

  /**
   * Writes a config with pair {@code p} from {@code FILE:default} ({@code a.json}) to {@code
   * FILE:b} ({@code b.json}), state in {@code state}, and no pause between chunks unless {@code
   * runtime} sets one.
   *
   * @param runtime extra members of {@code runtime} ({@code "key": value, ...}, or empty)
   * @param sync members of {@code sync}
   * @param pair extra members of the pair: mode and features
   */
  public Workspace config(String runtime, String sync, String pair) {
    String text =
        "{\n  \"runtime\": {\"state_dir\": \"state\""
            + (runtime.contains("apply_chunk_pause_ms") ? "" : ", \"apply_chunk_pause_ms\": 0")
            + (runtime.isEmpty() ? "" : ", " + runtime)
            + "},\n  \"sync\": {"
            + sync
            + "},\n"
            + "  \"file\": {\"path\": \"a.json\","
            + " \"instances\": {\"b\": {\"path\": \"b.json\"}}},\n"
            + "  \"pairs\": [{\"id\": \"p\", \"source\": \"FILE\", \"target\": \"FILE\","
            + " \"target_instance\": \"b\", "
            + pair
            + "}]\n}\n";
    return write("config.json", text);
  }

  /** Writes a config for pair {@code p} with default runtime and sync settings. */
  public Workspace config(String pair) {
    return config("", "", pair);
  }

  /** Writes a file of the workspace. */
  public Workspace write(String name, String text) {
    try {
      Files.writeString(path(name), text, StandardCharsets.UTF_8);
      return this;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Runs {@code cw} with exactly these arguments. */
  public CliRun cw(String... args) {
    return cwWithInput("", args);
  }

  /** Runs {@code cw} with exactly these arguments and {@code stdin} as its standard input. */
  public CliRun cwWithInput(String stdin, String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    Main main =
        TestMains.withInput(
            new PrintStream(out, true, StandardCharsets.UTF_8),
            new PrintStream(err, true, StandardCharsets.UTF_8),
            runClock,
            providers,
            new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)),
            env);
    int code = main.execute(args);
    return new CliRun(
        code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
  }

  /** {@code cw run --config config.json --json} plus {@code extra}. */
  public CliRun run(String... extra) {
    return cw(concat(new String[] {"run", "--config", config().toString(), "--json"}, extra));
  }

  /** {@code cw run ...} and then moves the clock on by a day. */
  public CliRun runThenWaitADay(String... extra) {
    CliRun r = run(extra);
    clock.advance(Duration.ofDays(1));
    return r;
  }

  /** {@code cw plan --config config.json} plus {@code extra}. */
  public CliRun plan(String... extra) {
    return cw(concat(new String[] {"plan", "--config", config().toString()}, extra));
  }

  private static String[] concat(String[] a, String[] b) {
    String[] all = Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, all, a.length, b.length);
    return all;
  }

  /** The parsed JSON of a workspace file. */
  public JsonNode json(String name) {
    try {
      return CliRun.JSON.readTree(Files.readString(path(name)));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The items of one feature of a FILE document (empty when the key or file is missing). */
  public List<JsonNode> items(String name, String feature) {
    List<JsonNode> items = new ArrayList<>();
    if (Files.exists(path(name))) {
      JsonNode list = json(name).get(feature);
      if (list != null) {
        list.forEach(items::add);
      }
    }
    return items;
  }

  /** The titles of one feature of a FILE document, in file order. */
  public List<String> titles(String name, String feature) {
    return items(name, feature).stream().map(i -> i.get("title").asString()).toList();
  }

  /** {@code title @ watched_at} of each play in a FILE document's history. */
  public List<String> plays(String name) {
    return items(name, "history").stream()
        .map(i -> i.get("title").asString() + " @ " + i.get("watched_at").asString())
        .toList();
  }

  /** The events a run appended to {@code <state_dir>/logs/<run_id>.jsonl}, in order. */
  public List<JsonNode> events(CliRun run) {
    Path file =
        stateDir().resolve("logs").resolve(run.summary().get("run_id").asString() + ".jsonl");
    try {
      return Files.readAllLines(file).stream().map(CliRun.JSON::readTree).toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The file's bytes. */
  public byte[] bytes(String name) {
    try {
      return Files.readAllBytes(path(name));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** What identifies a version of a file on disk: its bytes, its mtime and its inode. */
  public record Fingerprint(String sha256, FileTime modified, Object fileKey) {}

  /** The file's fingerprint; an atomic rewrite changes its inode even when the bytes are equal. */
  public Fingerprint fingerprint(String name) {
    try {
      BasicFileAttributes attrs = Files.readAttributes(path(name), BasicFileAttributes.class);
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(bytes(name));
      return new Fingerprint(
          HexFormat.of().formatHex(digest), attrs.lastModifiedTime(), attrs.fileKey());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
