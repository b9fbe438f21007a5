package io.crosswatch.server;

import io.javalin.config.RoutesConfig;

/**
 * A group of routes the web server adds at start, such as the REST API or the pages.
 *
 * <p>Declare each route with Javalin's routing methods on {@code routes}, e.g. {@code
 * routes.get("/", this::dashboard)}. A route without a role needs a signed-in user (pages without
 * one are redirected to {@code /login}, API paths answer 401); pass {@link Role#PUBLIC} as the last
 * argument only for what must work before signing in (the login page, its assets).
 */
@FunctionalInterface
public interface Routes {
  /** Adds this group's routes. */
  void addTo(RoutesConfig routes);
}
