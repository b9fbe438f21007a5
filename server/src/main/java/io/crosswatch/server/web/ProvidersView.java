package io.crosswatch.server.web;

import java.util.List;
import java.util.Locale;

/** What the providers page shows: an instance per card, and a sign-in that is going on. */
public final class ProvidersView {
  private ProvidersView() {}

  /** One input of a sign-in: an option's value, or a secret the command line reads from stdin. */
  public record OptionField(String name, String label, boolean secret) {}

  /** One instance a person can sign in with, with what its sign-in asks for. */
  public record InstanceCard(
      String provider,
      String instance,
      List<String> description,
      List<OptionField> options,
      boolean signedIn) {
    public InstanceCard {
      description = List.copyOf(description);
      options = List.copyOf(options);
    }

    public String title() {
      return "default".equals(instance) ? provider : provider + " (" + instance + ")";
    }

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
