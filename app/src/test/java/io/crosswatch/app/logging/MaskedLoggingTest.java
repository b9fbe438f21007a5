package io.crosswatch.app.logging;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.joran.JoranConfigurator;
import ch.qos.logback.classic.util.LogbackMDCAdapter;
import io.crosswatch.core.config.secrets.KnownSecrets;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The program's log configuration masks known secrets in messages and in exceptions. */
class MaskedLoggingTest {
  @Test
  void aLogLineQuotingAKnownSecretShowsItMaskedInTheMessageAndTheStackTrace() throws Exception {
    KnownSecrets.add("log-secret-token-4711");
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    PrintStream original = System.err;
    // set before configuring: the console appender takes the stream it writes to when it starts
    System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
    LoggerContext context = new LoggerContext();
    context.setMDCAdapter(new LogbackMDCAdapter());
    try {
      JoranConfigurator configurator = new JoranConfigurator();
      configurator.setContext(context);
      configurator.doConfigure(getClass().getResource("/logback.xml"));
      context
          .getLogger("org.eclipse.jetty.server.HttpChannel")
          .warn(
              "failed POST /webhook/plex?token=log-secret-token-4711",
              new IllegalStateException("answer echoed log-secret-token-4711"));
    } finally {
      System.setErr(original);
      context.stop();
    }
    String printed = err.toString(StandardCharsets.UTF_8);

    assertThat(printed)
        .contains("failed POST /webhook/plex?token=***")
        .contains("IllegalStateException: answer echoed ***")
        .contains("at io.crosswatch.app.logging.MaskedLoggingTest")
        .doesNotContain("log-secret-token-4711");
  }
}
