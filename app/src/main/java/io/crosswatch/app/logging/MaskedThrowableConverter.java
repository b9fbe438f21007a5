package io.crosswatch.app.logging;

import ch.qos.logback.classic.pattern.ThrowableProxyConverter;
import ch.qos.logback.classic.spi.ILoggingEvent;
import io.crosswatch.core.config.secrets.KnownSecrets;

/**
 * A log line's exception and stack trace ({@code %maskedEx} in {@code logback.xml}) with every
 * {@link KnownSecrets known secret} masked, as {@link MaskedMessageConverter} does for the message.
 */
public final class MaskedThrowableConverter extends ThrowableProxyConverter {
  @Override
  public String convert(ILoggingEvent event) {
    return KnownSecrets.mask(super.convert(event));
  }
}
