package io.crosswatch.server.auth;

import io.crosswatch.server.AccessRule;
import io.crosswatch.server.Role;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The access rule of every route: public routes pass; others need a session cookie or an API token.
 * Without one, API paths and {@code /metrics} answer 401 JSON and pages redirect to {@code /login}.
 * A cookie-authenticated POST, PUT, PATCH or DELETE from another origin answers 403.
 */
public final class AccessControl implements AccessRule {
  /** The session cookie's name. */
  public static final String COOKIE = "cw_session";

  /** The request attribute holding the signed-in user (or {@code token:NAME}). */
  public static final String USER_ATTRIBUTE = "cw.user";

  private static final Set<HandlerType> CHANGES =
      Set.of(HandlerType.POST, HandlerType.PUT, HandlerType.PATCH, HandlerType.DELETE);

  private final Sessions sessions;
  private final WebSecrets secrets;

  public AccessControl(Sessions sessions, WebSecrets secrets) {
    this.sessions = sessions;
    this.secrets = secrets;
  }

  @Override
  public void check(Context ctx) {
    if (ctx.routeRoles().contains(Role.PUBLIC)) {
      return;
    }
    String auth = ctx.header("Authorization");
    if (auth != null && auth.regionMatches(true, 0, "Bearer ", 0, 7)) {
      Optional<String> token = secrets.tokenName(auth.substring(7).strip());
      if (token.isPresent()) {
        ctx.attribute(USER_ATTRIBUTE, "token:" + token.get());
        return;
      }
      refuse(
          ctx,
          "the API token is not valid (revoked or mistyped); create one with cw web token create NAME");
      return;
    }
    Optional<String> user = sessions.user(ctx.cookie(COOKIE));
    if (user.isEmpty()) {
      refuse(ctx, "sign in first: POST /api/login, or send Authorization: Bearer cwt_…");
      return;
    }
    if (CHANGES.contains(ctx.method()) && !sameOrigin(ctx)) {
      ctx.status(403)
          .json(
              Map.of(
                  "error",
                  "refused: the request comes from another site (Origin "
                      + ctx.header("Origin")
                      + ")"));
      ctx.skipRemainingHandlers();
      return;
    }
    ctx.attribute(USER_ATTRIBUTE, user.get());
  }

  /** The origin of the service as the browser sees it, e.g. {@code http://127.0.0.1:8787}. */
  static String ownOrigin(Context ctx) {
    return ctx.scheme() + "://" + ctx.host();
  }

  /**
   * Whether a changing request comes from the service's own pages. Browsers send {@code Origin} on
   * every cross-site POST; a request without one (a script with a copied cookie) is not a forgery.
   */
  private static boolean sameOrigin(Context ctx) {
    String origin = ctx.header("Origin");
    return origin == null || origin.equalsIgnoreCase(ownOrigin(ctx));
  }

  private static void refuse(Context ctx, String message) {
    if (isApi(ctx.path())) {
      ctx.status(401).json(Map.of("error", message));
    } else {
      ctx.redirect("/login");
    }
    ctx.skipRemainingHandlers();
  }

  /** API paths and metrics answer JSON; everything else is a page. */
  public static boolean isApi(String path) {
    return path.startsWith("/api/") || path.equals("/api") || path.equals("/metrics");
  }
}
