package io.crosswatch.core.events;

import java.io.IOException;
import java.nio.file.DirectoryIteratorException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Bounds the run event logs folder: deletes the oldest {@code *.jsonl} files beside the current
 * run's log so that at most {@code keep} remain, the current one included and never deleted.
 *
 * <p>Only regular files directly in that folder whose names end in {@code .jsonl} are candidates;
 * links, folders and other files are never touched. Oldest means the earliest modification time,
 * ties broken by name. The order comes from the files alone, so no clock is involved. A file that
 * cannot be deleted is a warning (logged, and listed in the result), never an error: pruning must
 * not stop a sync.
 */
public final class RunLogPruner {
  private static final Logger LOG = LoggerFactory.getLogger(RunLogPruner.class);
  private static final Comparator<LogFile> OLDEST_FIRST =
      Comparator.comparing(LogFile::modified).thenComparing(f -> f.path().getFileName().toString());

  /** Deletes one file; the file-system seam, so that tests can make a file undeletable. */
  @FunctionalInterface
  public interface Deleter {
    /** Deletes {@code file}; a file already gone is not an error. */
    void delete(Path file) throws IOException;
  }

  /**
   * What one pruning did.
   *
   * @param deleted the logs deleted, oldest first
   * @param warnings one line per problem (a log left in place, a folder that could not be read)
   */
  public record Result(List<Path> deleted, List<String> warnings) {
    public Result {
      deleted = List.copyOf(deleted);
      warnings = List.copyOf(warnings);
    }
  }

  private record LogFile(Path path, FileTime modified) {}

  private final Deleter deleter;

  /** A pruner that deletes through {@code deleter}. */
  public RunLogPruner(Deleter deleter) {
    this.deleter = Objects.requireNonNull(deleter, "deleter");
  }

  /** A pruner that deletes from the file system the logs live on. */
  public static RunLogPruner onDisk() {
    return new RunLogPruner(Files::deleteIfExists);
  }

  /**
   * Deletes the oldest logs in the folder of {@code currentLog} until at most {@code keep} remain.
   *
   * @param currentLog the log of the run in progress; it counts as one of those kept
   * @param keep how many logs to keep, at least 1
   */
  public Result prune(Path currentLog, int keep) {
    Objects.requireNonNull(currentLog, "currentLog");
    if (keep < 1) {
      throw new IllegalArgumentException("keep must be at least 1, got " + keep);
    }
    Path current = currentLog.toAbsolutePath().normalize();
    List<String> warnings = new ArrayList<>();
    List<LogFile> others = othersOldestFirst(current, warnings);
    int excess = Math.max(0, others.size() - (keep - 1));
    List<Path> deleted = new ArrayList<>();
    for (LogFile old : others.subList(0, excess)) {
      if (delete(old.path(), warnings)) {
        deleted.add(old.path());
      }
    }
    return new Result(deleted, warnings);
  }

  private static List<LogFile> othersOldestFirst(Path current, List<String> warnings) {
    Path folder = current.getParent();
    List<LogFile> files = new ArrayList<>();
    try (DirectoryStream<Path> stream = Files.newDirectoryStream(folder, "*.jsonl")) {
      for (Path path : stream) {
        if (!path.toAbsolutePath().normalize().equals(current)) {
          logFile(path).ifPresent(files::add);
        }
      }
    } catch (IOException | DirectoryIteratorException e) {
      warn(
          warnings,
          "event logs "
              + folder
              + ": cannot list the folder ("
              + reason(e)
              + "); no old run logs were deleted");
      return List.of();
    }
    files.sort(OLDEST_FIRST);
    return files;
  }

  /** The file as a candidate, when it is a regular file (not a link, not a folder). */
  private static Optional<LogFile> logFile(Path path) {
    try {
      BasicFileAttributes attrs =
          Files.readAttributes(path, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
      return attrs.isRegularFile()
          ? Optional.of(new LogFile(path, attrs.lastModifiedTime()))
          : Optional.empty();
    } catch (IOException e) {
      return Optional.empty(); // gone since the folder was listed
    }
  }

  private boolean delete(Path file, List<String> warnings) {
    try {
      deleter.delete(file);
      return true;
    } catch (IOException | SecurityException e) {
      warn(
          warnings,
          "event logs: cannot delete old run log "
              + file
              + " ("
              + reason(e)
              + "); it stays, check the permissions of its folder");
      return false;
    }
  }

  private static void warn(List<String> warnings, String message) {
    warnings.add(message);
    LOG.warn(message);
  }

  private static String reason(Exception e) {
    Throwable cause = e instanceof DirectoryIteratorException d ? d.getCause() : e;
    String name = cause.getClass().getSimpleName();
    if (cause instanceof FileSystemException f) {
      return f.getReason() == null ? name : f.getReason(); // its message repeats the path
    }
    return cause.getMessage() == null ? name : name + ": " + cause.getMessage();
  }
}
