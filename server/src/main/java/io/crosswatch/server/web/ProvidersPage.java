package io.crosswatch.server.web;

import io.crosswatch.core.provider.CommandOption;
import io.crosswatch.core.provider.ProviderFactory;
import io.crosswatch.core.provider.SignIn;
import io.crosswatch.providers.auth.TokenStore;
import io.crosswatch.providers.auth.TokenStoreException;
import io.crosswatch.server.web.ProvidersView.FlowView;
import io.crosswatch.server.web.ProvidersView.InstanceCard;
import io.crosswatch.server.web.ProvidersView.OptionField;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import io.javalin.http.NotFoundResponse;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;

/**
 * The providers page: every service that offers a sign-in, each configured instance, whether it is
 * signed in, and its sign-in (the service's own, as {@code cw auth} runs it).
 */
final class ProvidersPage {
  private static final Pattern CODE = Pattern.compile("enter (?:the )?code (\\S+)");
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
    Map<String, Object> params = new HashMap<>();
    params.put("cards", cards());
    params.put("flow", flow);
    Html.render(ctx, "providers.jte", params);
  }

  /** {@code POST /providers/{provider}/{instance}/sign-in}: starts the sign-in, then shows it. */
  void signIn(Context ctx) {
    String provider = ctx.pathParam("provider").toUpperCase(Locale.ROOT);
    String instance = ctx.pathParam("instance");
    ProviderFactory factory =
        services
            .registry()
            .factory(provider)
            .filter(f -> f.signIn().isPresent())
            .orElseThrow(() -> new NotFoundResponse("no sign-in for " + provider));
    SignIn signIn = factory.signIn().orElseThrow();
    JsonNode settings =
        services.instanceSettings(provider, instance).orElse(JsonNodeFactory.instance.objectNode());
    Map<String, String> form = new HashMap<>();
    for (CommandOption option : signIn.options()) {
      String value = ctx.formParam(option.name());
      if (value != null) {
        form.put(option.name(), value);
      }
    }
    SignIns.Flow flow =
        signIns.start(
            factory, signIn, instance, settings, services.configDir(), services.stateDir(), form);
    ctx.redirect("/providers?flow=" + flow.id + "#flow", HttpStatus.SEE_OTHER);
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

  private List<InstanceCard> cards() {
    JsonNode config = services.maskedConfig();
    TokenStore store = new TokenStore(services.stateDir());
    List<InstanceCard> out = new ArrayList<>();
    for (ProviderFactory factory : services.registry().factories()) {
      SignIn signIn = factory.signIn().orElse(null);
      if (signIn == null) {
        continue;
      }
      List<OptionField> options = new ArrayList<>();
      for (CommandOption o : signIn.options()) {
        if (SignIns.asked(o)) {
          options.add(new OptionField(o.name(), o.description(), SignIns.isSecret(o.name())));
        }
      }
      Set<String> instances = new LinkedHashSet<>();
      instances.add("default");
      config
          .path(factory.name().toLowerCase(Locale.ROOT))
          .path("instances")
          .propertyNames()
          .forEach(instances::add);
      for (String instance : instances) {
        out.add(
            new InstanceCard(
                factory.name(),
                instance,
                signIn.description(),
                options,
                signedIn(store, factory.name(), instance)));
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
    String title =
        "default".equals(flow.instance)
            ? flow.provider
            : flow.provider + " (" + flow.instance + ")";
    return new FlowView(
        flow.id,
        title,
        link,
        code,
        List.copyOf(flow.lines),
        flow.done(),
        flow.failed,
        flow.outcome);
  }
}
