package io.crosswatch.server;

/**
 * Makes the routes of the web pages from the service's {@link Services}; {@code cw serve} passes
 * its page routes to {@link CrosswatchServer#start}. Pages are closed unless a route is declared
 * with {@link Role#PUBLIC}: an anonymous visitor of a closed page is redirected to {@code /login}.
 */
@FunctionalInterface
public interface PageRoutes {
  /** The page routes, built over the running service's parts. */
  Routes create(Services services);
}
