package io.crosswatch.providers.importer;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * One file of an export, by its name (without folders), with its text; {@code named} when the
 * config points at this very file (then its name does not have to follow the export's naming).
 */
record ExportFile(String name, String text, boolean named) {

  /** The lower-case file name. */
  String key() {
    return name.toLowerCase(Locale.ROOT);
  }

  /** Whether the file is the one configured, or its name ends with {@code extension}. */
  boolean is(String extension) {
    return named || key().endsWith(extension);
  }

  /**
   * The files at {@code path}: the file itself, every file of a folder, or every entry of a ZIP
   * archive (in order, folders inside it flattened).
   */
  static List<ExportFile> at(Path path) throws IOException {
    List<ExportFile> files = new ArrayList<>();
    if (Files.isDirectory(path)) {
      try (Stream<Path> list = Files.list(path)) {
        for (Path p : list.sorted().toList()) {
          if (Files.isRegularFile(p)) {
            files.add(new ExportFile(p.getFileName().toString(), Files.readString(p), false));
          }
        }
      }
    } else if (path.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".zip")) {
      try (ZipInputStream zip = new ZipInputStream(Files.newInputStream(path))) {
        for (ZipEntry e = zip.getNextEntry(); e != null; e = zip.getNextEntry()) {
          if (!e.isDirectory()) {
            files.add(new ExportFile(baseName(e.getName()), read(zip), false));
          }
        }
      }
    } else {
      files.add(new ExportFile(path.getFileName().toString(), Files.readString(path), true));
    }
    return files;
  }

  private static String read(InputStream in) throws IOException {
    return new String(in.readAllBytes(), StandardCharsets.UTF_8);
  }

  private static String baseName(String entry) {
    int slash = entry.lastIndexOf('/');
    return slash < 0 ? entry : entry.substring(slash + 1);
  }
}
