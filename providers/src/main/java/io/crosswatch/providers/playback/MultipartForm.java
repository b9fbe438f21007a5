package io.crosswatch.providers.playback;

import io.crosswatch.core.scrobble.MalformedWebhookException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;

/**
 * Reads one named part of a {@code multipart/form-data} body (RFC 7578), as media servers post
 * their webhooks; binary parts beside it (Plex's thumbnail) are skipped untouched.
 */
public final class MultipartForm {
  private MultipartForm() {}

  /** Whether a content type is {@code multipart/form-data}. */
  public static boolean isMultipart(String contentType) {
    return contentType != null
        && contentType.strip().toLowerCase(Locale.ROOT).startsWith("multipart/form-data");
  }

  /**
   * The bytes of the part named {@code name}; empty when the body has no such part.
   *
   * @throws MalformedWebhookException when the content type has no boundary or the body is not
   *     delimited by it
   */
  public static Optional<byte[]> part(String contentType, byte[] body, String name)
      throws MalformedWebhookException {
    String boundary = boundary(contentType);
    // ISO-8859-1 maps every byte to one char, so indices in the text are indices in the bytes.
    String text = new String(body, StandardCharsets.ISO_8859_1);
    String delimiter = "--" + boundary;
    int at = text.indexOf(delimiter);
    if (at < 0) {
      throw new MalformedWebhookException(
          "multipart body does not contain its boundary; is the Content-Type the one sent?");
    }
    while (true) {
      int headersStart = at + delimiter.length();
      if (text.startsWith("--", headersStart)) {
        return Optional.empty(); // the closing delimiter
      }
      int headersEnd = text.indexOf("\r\n\r\n", headersStart);
      int next = text.indexOf("\r\n" + delimiter, headersStart);
      if (headersEnd < 0 || next < 0 || next < headersEnd) {
        throw new MalformedWebhookException("multipart body ends inside a part");
      }
      if (name.equals(partName(text.substring(headersStart, headersEnd)))) {
        byte[] content = new byte[next - headersEnd - 4];
        System.arraycopy(body, headersEnd + 4, content, 0, content.length);
        return Optional.of(content);
      }
      at = next + 2;
    }
  }

  private static String boundary(String contentType) throws MalformedWebhookException {
    for (String param : contentType.split(";")) {
      String p = param.strip();
      if (p.toLowerCase(Locale.ROOT).startsWith("boundary=")) {
        String b = p.substring("boundary=".length()).strip();
        if (b.length() >= 2 && b.startsWith("\"") && b.endsWith("\"")) {
          b = b.substring(1, b.length() - 1);
        }
        if (!b.isEmpty()) {
          return b;
        }
      }
    }
    throw new MalformedWebhookException("multipart Content-Type has no boundary parameter");
  }

  /** The {@code name} of a part's {@code Content-Disposition: form-data; name="…"} header. */
  private static String partName(String headers) {
    for (String line : headers.split("\r\n")) {
      if (!line.toLowerCase(Locale.ROOT).startsWith("content-disposition:")) {
        continue;
      }
      for (String param : line.substring(line.indexOf(':') + 1).split(";")) {
        String p = param.strip();
        if (p.toLowerCase(Locale.ROOT).startsWith("name=")) {
          String v = p.substring(5).strip();
          return v.length() >= 2 && v.startsWith("\"") ? v.substring(1, v.length() - 1) : v;
        }
      }
    }
    return null;
  }
}
