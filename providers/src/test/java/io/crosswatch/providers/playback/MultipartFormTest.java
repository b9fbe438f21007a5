package io.crosswatch.providers.playback;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.crosswatch.core.scrobble.MalformedWebhookException;
import io.crosswatch.testkit.fake.MultipartBody;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class MultipartFormTest {

  @Test
  void findsTheNamedPartBesideABinaryPartThatContainsLineBreaksAndDashes() throws Exception {
    byte[] thumb = {(byte) 0xFF, (byte) 0xD8, '\r', '\n', '-', '-', 0, (byte) 0xFF, (byte) 0xD9};
    MultipartBody body = MultipartBody.of("payload", "{\"event\":\"média\"}", thumb);

    byte[] part = MultipartForm.part(body.contentType(), body.bytes(), "payload").orElseThrow();
    byte[] image = MultipartForm.part(body.contentType(), body.bytes(), "thumb").orElseThrow();

    assertThat(new String(part, StandardCharsets.UTF_8)).isEqualTo("{\"event\":\"média\"}");
    assertThat(image).isEqualTo(thumb);
  }

  @Test
  void aMissingPartIsEmpty() throws Exception {
    MultipartBody body = MultipartBody.of("data", "{}");

    assertThat(MultipartForm.part(body.contentType(), body.bytes(), "payload")).isEmpty();
  }

  @Test
  void aQuotedBoundaryIsRead() throws Exception {
    MultipartBody body = MultipartBody.of("payload", "{}");
    String quoted = body.contentType().replace("boundary=", "boundary=\"") + "\"";

    assertThat(MultipartForm.part(quoted, body.bytes(), "payload")).isPresent();
  }

  @Test
  void aContentTypeWithoutBoundaryIsMalformed() {
    assertThatThrownBy(() -> MultipartForm.part("multipart/form-data", new byte[0], "payload"))
        .isInstanceOf(MalformedWebhookException.class)
        .hasMessageContaining("no boundary");
  }

  @Test
  void aBodyCutInsideAPartIsMalformedWithoutQuotingIt() {
    MultipartBody body = MultipartBody.of("payload", "{\"token\":\"s3cret-value\"}");
    byte[] cut = java.util.Arrays.copyOf(body.bytes(), body.bytes().length - 30);

    assertThatThrownBy(() -> MultipartForm.part(body.contentType(), cut, "payload"))
        .isInstanceOf(MalformedWebhookException.class)
        .hasMessageNotContaining("s3cret");
  }
}
