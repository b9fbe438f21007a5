package io.crosswatch.providers.file;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.util.Locale;
import java.util.zip.CRC32;
import java.util.zip.CRC32C;

/**
 * A fast checksum of bytes for telling a changed file (or item list) from an unchanged one: CRC-32C
 * and CRC-32 side by side (64 bits) with the length. An accidental change goes unnoticed with a
 * chance of about one in 10^19; both sums are computed by the processor's own instructions, many
 * times faster than a cryptographic hash on a short-lived JVM. Not meant to resist a file crafted
 * to collide (whoever can write the file can change it anyway).
 */
final class ContentHash {
  private final CRC32C crc32c = new CRC32C();
  private final CRC32 crc32 = new CRC32();
  private long length;

  /** The checksum of {@code bytes}. */
  static String of(byte[] bytes) {
    ContentHash h = new ContentHash();
    h.update(bytes, 0, bytes.length);
    return h.hex();
  }

  void update(byte[] bytes, int off, int len) {
    crc32c.update(bytes, off, len);
    crc32.update(bytes, off, len);
    length += len;
  }

  /** {@code <crc32c><crc32>-<length>}, hex sums and a decimal length. */
  String hex() {
    return String.format(Locale.ROOT, "%08x%08x-%d", crc32c.getValue(), crc32.getValue(), length);
  }

  /** A stream that adds everything written through it to this checksum, then passes it on. */
  OutputStream wrap(OutputStream out) {
    return new FilterOutputStream(out) {
      @Override
      public void write(int b) throws IOException {
        update(new byte[] {(byte) b}, 0, 1);
        out.write(b);
      }

      @Override
      public void write(byte[] b, int off, int len) throws IOException {
        update(b, off, len);
        out.write(b, off, len);
      }
    };
  }
}
