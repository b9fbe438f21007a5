package io.crosswatch.server;

import io.javalin.http.Context;

/**
 * Decides, before a matched route runs, whether the caller may use it; refuses by answering and
 * skipping the route.
 */
@FunctionalInterface
public interface AccessRule {
  /** Checks the request against the route's roles ({@code ctx.routeRoles()}). */
  void check(Context ctx) throws Exception;
}
