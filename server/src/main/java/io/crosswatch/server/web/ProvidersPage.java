package io.crosswatch.server.web;

import io.crosswatch.providers.auth.TokenStore;
import io.crosswatch.providers.auth.TokenStoreException;
import io.crosswatch.server.web.ProvidersView.FlowView;
import io.crosswatch.server.web.ProvidersView.InstanceCard;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import io.javalin.http.NotFoundResponse;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;

/** The providers page: each service's instances, whether they are signed in, and their sign-ins. */
final class ProvidersPage {
  /** The services that sign in, in the order shown, and how. */
  private static final Map<String, String> HOW =
      new java.util.LinkedHashMap<>(
          Map.of(
              "TRAKT", "code",
              "SIMKL", "code",
              "PLEX", "pin",
              "JELLYFIN", "password",
              "EMBY", "password",
              "MDBLIST", "key"));

  private static final List<String> ORDER =
      List.of("TRAKT", "SIMKL", "PLEX", "JELLYFIN", "EMBY", "MDBLIST");

  private static final Pattern CODE = Pattern.compile("enter code (\\S+)");
  private static final Pattern LINK = Pattern.compile("(https?://\\S+)");

  private final PageServices services;
  private final SignIns signIns;

  ProvidersPage(PageServices services, SignIns signIns) {
    this.services = services;
    this.signIns = signIns;
  }

  void show(Context ctx) {
    String flowId = ctx.queryParam("flow");
    FlowView flow =
        flowId == null ? null : signIns.flow(flowId).map(ProvidersPage::view).orElse(null);
    render(ctx, flow, "", false);
  }

  /** {@code POST /providers/{provider}/{instance}/sign-in}. */
  void signIn(Context ctx) {
    String provider = ctx.pathParam("provider").toUpperCase(Locale.ROOT);
    String instance = ctx.pathParam("instance");
    if (!HOW.containsKey(provider)) {
      throw new NotFoundResponse("no sign-in for " + provider);
    }
    JsonNode settings =
        services.instanceSettings(provider, instance).orElse(JsonNodeFactory.instance.objectNode());
    SignIns.Flow flow =
        switch (provider) {
          case "TRAKT" -> signIns.trakt(settings, instance, services.stateDir());
          case "SIMKL" -> signIns.simkl(settings, instance, services.stateDir());
          case "PLEX" -> signIns.plex(settings, instance, services.stateDir());
          default -> null;
        };
    if (flow != null) {
      ctx.redirect("/providers?flow=" + flow.id + "#flow", HttpStatus.SEE_OTHER);
      return;
    }
    String said =
        "MDBLIST".equals(provider)
            ? signIns.mdblist(settings, instance, services.stateDir(), form(ctx, "api_key"))
            : signIns.mediaServer(
                provider,
                settings,
                instance,
                services.stateDir(),
                form(ctx, "username"),
                form(ctx, "password"));
    boolean failed = said.startsWith(SignIns.FAILED);
    if (failed) {
      ctx.status(HttpStatus.BAD_REQUEST);
    }
    render(
        ctx,
        null,
        title(provider, instance)
            + ": "
            + (failed ? said.substring(SignIns.FAILED.length()) : said),
        failed);
  }

  /** {@code GET /fragments/sign-in/{id}}: the sign-in's state, polled while it waits. */
  void flow(Context ctx) {
    FlowView flow =
        signIns
            .flow(ctx.pathParam("id"))
            .map(ProvidersPage::view)
            .orElseThrow(() -> new NotFoundResponse("no such sign-in"));
    Html.render(ctx, "flow.jte", Map.of("flow", flow));
  }

  private void render(Context ctx, FlowView flow, String notice, boolean failed) {
    Map<String, Object> params = new java.util.HashMap<>();
    params.put("cards", cards());
    params.put("flow", flow);
    params.put("notice", notice);
    params.put("failed", failed);
    Html.render(ctx, "providers.jte", params);
  }

  private List<InstanceCard> cards() {
    JsonNode config = services.maskedConfig();
    TokenStore store = new TokenStore(services.stateDir());
    List<InstanceCard> out = new ArrayList<>();
    for (String provider : ORDER) {
      Set<String> instances = new LinkedHashSet<>();
      instances.add("default");
      JsonNode named = config.path(provider.toLowerCase(Locale.ROOT)).path("instances");
      named.propertyNames().forEach(instances::add);
      for (String instance : instances) {
        out.add(
            new InstanceCard(
                provider,
                instance,
                HOW.get(provider),
                signedIn(store, provider, instance),
                title(provider, instance)));
      }
    }
    return out;
  }

  private static boolean signedIn(TokenStore store, String provider, String instance) {
    try {
      return store.load(provider, instance).isPresent();
    } catch (TokenStoreException e) {
      return false;
    }
  }

  private static FlowView view(SignIns.Flow flow) {
    String link = "";
    String code = "";
    for (String line : flow.lines) {
      Matcher c = CODE.matcher(line);
      if (c.find()) {
        code = c.group(1);
      }
      Matcher l = LINK.matcher(line);
      if (l.find()) {
        link = l.group(1);
      }
    }
    return new FlowView(
        flow.id,
        title(flow.provider, flow.instance),
        link,
        code,
        List.copyOf(flow.lines),
        flow.done(),
        flow.failed,
        flow.outcome);
  }

  private static String title(String provider, String instance) {
    String name =
        switch (provider) {
          case "SIMKL" -> "SIMKL";
          case "MDBLIST" -> "MDBList";
          default -> provider.charAt(0) + provider.substring(1).toLowerCase(Locale.ROOT);
        };
    return "default".equals(instance) ? name : name + " (" + instance + ")";
  }

  private static String form(Context ctx, String name) {
    String v = ctx.formParam(name);
    return v == null ? "" : v;
  }
}
