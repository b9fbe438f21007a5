package io.crosswatch.server.web;

import io.crosswatch.core.model.Feature;
import io.crosswatch.core.provider.ProviderRegistry;
import io.crosswatch.core.scrobble.ScrobbleRole;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The config editor: every input is named by the JSON path it edits, so a refused save shows each
 * error at its input with the message {@code cw validate} gives, and writes nothing.
 */
final class ConfigPage {
  private final PageServices services;
  private final List<String> providers;
  private final List<String> features;
  private final List<String> scrobbleSources;
  private final List<String> scrobbleSinks;

  ConfigPage(PageServices services) {
    this.services = services;
    this.providers = List.copyOf(services.registry().names());
    this.features = Arrays.stream(Feature.values()).map(Feature::key).toList();
    this.scrobbleSources = capable(services.registry(), ScrobbleRole.SOURCE);
    this.scrobbleSinks = capable(services.registry(), ScrobbleRole.SINK);
  }

  private static List<String> capable(ProviderRegistry registry, ScrobbleRole role) {
    return registry.names().stream()
        .filter(n -> registry.factory(n).map(f -> f.scrobbleRoles().contains(role)).orElse(false))
        .toList();
  }

  void show(Context ctx) {
    JsonNode config = services.maskedConfig();
    render(ctx, config, List.of(), List.of(), "saved".equals(ctx.queryParam("done")));
  }

  /** {@code POST /config}: the form applied to the current config, validated, then saved. */
  void save(Context ctx) {
    JsonNode base = services.maskedConfig();
    ConfigView form = builder(Map.of()).build(base, List.of(), List.of(), List.of(), false);
    ObjectNode edited = new ConfigFormReader(form, ctx.formParamMap()).apply(base);
    PageServices.ConfigSave result = services.saveConfig(edited);
    if (result.errors().isEmpty()) {
      if (result.warnings().isEmpty()) {
        ctx.redirect("/config?done=saved", HttpStatus.SEE_OTHER);
      } else {
        render(ctx, services.maskedConfig(), List.of(), result.warnings(), true);
      }
      return;
    }
    ctx.status(HttpStatus.BAD_REQUEST);
    render(ctx, services.mask(edited), result.errors(), List.of(), false);
  }

  private void render(
      Context ctx,
      JsonNode config,
      List<ErrorPlacement.Problem> errors,
      List<String> warnings,
      boolean saved) {
    ConfigView plain = builder(Map.of()).build(config, List.of(), List.of(), List.of(), false);
    ErrorPlacement placement = ErrorPlacement.place(ConfigFormBuilder.anchors(plain), errors);
    List<String> problems = new ArrayList<>();
    errors.forEach(e -> problems.add(e.toString()));
    ConfigView view =
        builder(placement.byAnchor())
            .build(config, problems, placement.unplaced(), warnings, saved);
    Html.render(ctx, "config.jte", Map.of("view", view));
  }

  private ConfigFormBuilder builder(Map<String, List<String>> errors) {
    return new ConfigFormBuilder(providers, features, scrobbleSources, scrobbleSinks, errors);
  }
}
