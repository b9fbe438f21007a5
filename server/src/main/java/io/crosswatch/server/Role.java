package io.crosswatch.server;

import io.javalin.security.RouteRole;

/**
 * Who may call a route. A route declared without a role needs a signed-in user: new routes are
 * closed unless they say otherwise.
 */
public enum Role implements RouteRole {
  /** Anyone, signed in or not: {@code /healthz}, the login page and its static assets. */
  PUBLIC,
  /** A signed-in user (session cookie) or an API token; the default for every route. */
  USER
}
