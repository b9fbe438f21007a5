package io.crosswatch.testkit.fake;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * A {@code multipart/form-data} body as media servers post their webhooks: a text part (Plex's
 * {@code payload}, Emby's {@code data}) and optionally a binary part after it (Plex's {@code thumb}
 * JPEG), for tests of webhook readers and receivers.
 *
 * @param contentType the {@code Content-Type} to send, with the boundary
 * @param bytes the body
 */
public record MultipartBody(String contentType, byte[] bytes) {
  private static final String BOUNDARY = "------------------------a1b2c3d4e5f6";

  public MultipartBody {
    Objects.requireNonNull(contentType, "contentType");
    Objects.requireNonNull(bytes, "bytes");
  }

  /** One text part named {@code name}. */
  public static MultipartBody of(String name, String text) {
    return of(name, text, null);
  }

  /** A text part named {@code name} followed by a binary {@code thumb} part, when given. */
  public static MultipartBody of(String name, String text, byte[] thumb) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    write(out, "--" + BOUNDARY + "\r\n");
    write(out, "Content-Disposition: form-data; name=\"" + name + "\"\r\n");
    write(out, "Content-Type: application/json\r\n\r\n");
    out.writeBytes(text.getBytes(StandardCharsets.UTF_8));
    write(out, "\r\n");
    if (thumb != null) {
      write(out, "--" + BOUNDARY + "\r\n");
      write(out, "Content-Disposition: form-data; name=\"thumb\"; filename=\"image.jpg\"\r\n");
      write(out, "Content-Type: image/jpeg\r\n\r\n");
      out.writeBytes(thumb);
      write(out, "\r\n");
    }
    write(out, "--" + BOUNDARY + "--\r\n");
    return new MultipartBody("multipart/form-data; boundary=" + BOUNDARY, out.toByteArray());
  }

  private static void write(ByteArrayOutputStream out, String s) {
    out.writeBytes(s.getBytes(StandardCharsets.ISO_8859_1));
  }
}
