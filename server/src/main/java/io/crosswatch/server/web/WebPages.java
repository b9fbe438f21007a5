package io.crosswatch.server.web;

import io.crosswatch.server.PageRoutes;
import io.crosswatch.server.Routes;
import io.crosswatch.server.Services;

/** The web pages as {@code cw serve} finds them (through {@link java.util.ServiceLoader}). */
public final class WebPages implements PageRoutes {
  @Override
  public Routes create(Services services) {
    return new Pages(ServicePages.of(services));
  }
}
