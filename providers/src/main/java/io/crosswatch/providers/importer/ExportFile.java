package io.crosswatch.providers.importer;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
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
            files.add(
                new ExportFile(
                    p.getFileName().toString(), text(Files.readAllBytes(p), true), false));
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
      files.add(
          new ExportFile(
              path.getFileName().toString(), text(Files.readAllBytes(path), true), true));
    }
    return files;
  }

  private static String read(InputStream in) throws IOException {
    return text(in.readAllBytes(), false);
  }

  /**
   * The UTF-8 text of a file, without its byte-order mark: dropped before decoding, the mark does
   * not make a file of Latin-1 characters a string of two bytes per character. {@code strict}:
   * bytes that are not UTF-8 fail the read (as for files); else they become U+FFFD (ZIP entries).
   */
  private static String text(byte[] bytes, boolean strict) throws CharacterCodingException {
    int from =
        bytes.length >= 3
                && (bytes[0] & 0xff) == 0xEF
                && (bytes[1] & 0xff) == 0xBB
                && (bytes[2] & 0xff) == 0xBF
            ? 3
            : 0;
    if (!strict) {
      return new String(bytes, from, bytes.length - from, StandardCharsets.UTF_8);
    }
    return StandardCharsets.UTF_8
        .newDecoder()
        .decode(ByteBuffer.wrap(bytes, from, bytes.length - from))
        .toString();
  }

  private static String baseName(String entry) {
    int slash = entry.lastIndexOf('/');
    return slash < 0 ? entry : entry.substring(slash + 1);
  }
}
