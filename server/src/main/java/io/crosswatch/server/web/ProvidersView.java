package io.crosswatch.server.web;

import java.util.List;
import java.util.Locale;

/** What the providers page shows: an instance per card, and a sign-in that is going on. */
public final class ProvidersView {
  private ProvidersView() {}

  /** One instance a person can sign in with. */
  public record InstanceCard(
      String provider, String instance, String how, boolean signedIn, String title) {
    public String action() {
      return "/providers/" + provider + "/" + instance + "/sign-in";
    }

    public String id() {
      return "sign-in-" + provider.toLowerCase(Locale.ROOT) + "-" + instance;
    }
  }

  /** A sign-in as the page shows it: the address to open, the code, and how it ended. */
  public record FlowView(
      String id,
      String title,
      String link,
      String code,
      List<String> lines,
      boolean done,
      boolean failed,
      String outcome) {}
}
