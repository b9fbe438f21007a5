package io.crosswatch.app;

import io.crosswatch.core.config.Config;
import io.crosswatch.core.config.ScrobbleSettings;
import io.crosswatch.core.config.ScrobbleSettings.Source;
import io.crosswatch.core.config.ScrobbleSettings.Via;
import io.crosswatch.server.Listen;
import io.crosswatch.server.auth.WebhookSecrets;
import java.net.InetAddress;
import java.net.URLEncoder;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code cw web webhooks}: prints the webhook URL of every {@code via: webhook} source of the
 * {@code scrobble} block, creating its secret on first need; {@code --rotate SOURCE} replaces one
 * source's secret first.
 */
@Command(
    name = "webhooks",
    description =
        "Prints the webhook URL (with its secret) of each scrobble source that posts webhooks, to"
            + " paste into Plex, Jellyfin or Emby.")
final class WebhooksCommand implements Callable<Integer> {
  private final CliContext ctx;

  @Mixin StateOptions options;

  @Option(
      names = "--base-url",
      paramLabel = "URL",
      description =
          "How the media servers reach cw serve, e.g. http://192.168.1.5:8787 (default: from"
              + " web.listen).")
  String baseUrl;

  @Option(
      names = "--rotate",
      paramLabel = "SOURCE",
      description =
          "Replace the secret of this source (PLEX, or PLEX:instance) first; its old URL stops"
              + " working.")
  String rotate;

  WebhooksCommand(CliContext ctx) {
    this.ctx = ctx;
  }

  @Override
  public Integer call() {
    Config config = options.loadConfig(ctx);
    ScrobbleSettings scrobble = config.scrobble();
    List<Source> sources = scrobble.sources().stream().filter(s -> s.via() == Via.WEBHOOK).toList();
    if (sources.isEmpty()) {
      throw CommandFailure.usage(
          "no scrobble source posts webhooks: add e.g. {\"provider\": \"PLEX\", \"via\":"
              + " \"webhook\", \"users\": [\"your Plex user\"]} to scrobble.sources");
    }
    String base = base(config);
    WebhookSecrets secrets = new WebhookSecrets(options.createStateDir(ctx, config));
    if (rotate != null) {
      Source chosen = chosen(sources);
      secrets.rotate(chosen.provider(), chosen.instance(), ctx.clock().instant());
      ctx.err()
          .println(
              "The secret of "
                  + label(chosen)
                  + " is new: paste its URL into the server; the old one is refused from now on.");
    }
    Table table = new Table("SOURCE", "URL");
    for (Source s : sources) {
      String secret = secrets.secret(s.provider(), s.instance(), ctx.clock().instant());
      table.row(label(s), url(base, s, secret));
    }
    table.print(ctx.out(), "");
    if (!scrobble.enabled()) {
      ctx.err()
          .println("Scrobbling is off: set scrobble.enabled to true for cw serve to take them.");
    }
    return ExitCodes.OK;
  }

  private Source chosen(List<Source> sources) {
    String wanted = rotate.contains(":") ? rotate : rotate + ":default";
    return sources.stream()
        .filter(s -> label(s).equalsIgnoreCase(wanted))
        .findFirst()
        .orElseThrow(
            () ->
                CommandFailure.usage(
                    "--rotate "
                        + rotate
                        + ": not a webhook source; use one of "
                        + String.join(
                            ", ", sources.stream().map(WebhooksCommand::label).toList())));
  }

  private String base(Config config) {
    if (baseUrl != null) {
      if (!baseUrl.matches("https?://[^\\s/?#]+(/[^\\s?#]*)?")) {
        throw CommandFailure.usage(
            "--base-url must be an http:// or https:// address without query, e.g."
                + " http://192.168.1.5:8787");
      }
      return baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
    }
    Listen listen;
    try {
      listen = config.web().listen() == null ? Listen.DEFAULT : Listen.parse(config.web().listen());
    } catch (IllegalArgumentException e) {
      throw CommandFailure.usage("web.listen: " + e.getMessage());
    }
    String host = listen.host();
    if (host.equals("0.0.0.0") || host.equals("::")) {
      host = machineName();
      ctx.err()
          .println(
              "cw serve listens on every address; the URLs use this machine's name "
                  + host
                  + ". Give --base-url when the media servers reach it otherwise.");
    } else if (listen.loopback()) {
      ctx.err()
          .println(
              "cw serve listens on "
                  + listen
                  + ": only media servers on this machine can reach it. Give --base-url (and"
                  + " listen on the network) otherwise.");
    }
    return "http://" + new Listen(host, listen.port());
  }

  private static String machineName() {
    try {
      return InetAddress.getLocalHost().getHostName();
    } catch (UnknownHostException e) {
      return "localhost";
    }
  }

  static String url(String base, Source s, String secret) {
    String instance =
        "default".equals(s.instance())
            ? ""
            : "&instance=" + URLEncoder.encode(s.instance(), StandardCharsets.UTF_8);
    return base
        + "/webhook/"
        + s.provider().toLowerCase(Locale.ROOT)
        + "?token="
        + secret
        + instance;
  }

  private static String label(Source s) {
    return s.provider() + ":" + s.instance();
  }
}
