package io.crosswatch.app.logging;

import ch.qos.logback.classic.pattern.MessageConverter;
import ch.qos.logback.classic.spi.ILoggingEvent;
import io.crosswatch.core.config.secrets.KnownSecrets;

/**
 * A log line's message ({@code %maskedMsg} in {@code logback.xml}) with every {@link KnownSecrets
 * known secret} masked, whichever library wrote it: a last line of defence for a message that
 * quotes a token (a request URL with its webhook secret, a server's answer echoing a key).
 */
public final class MaskedMessageConverter extends MessageConverter {
  @Override
  public String convert(ILoggingEvent event) {
    return KnownSecrets.mask(super.convert(event));
  }
}
