package io.crosswatch.server;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Objects;

/** A {@code HOST:PORT} listen address ({@code [::1]:8787} for IPv6). */
public record Listen(String host, int port) {
  /** Where the service listens unless told otherwise. */
  public static final Listen DEFAULT = new Listen("127.0.0.1", 8787);

  public Listen {
    Objects.requireNonNull(host, "host");
  }

  /**
   * Parses {@code HOST:PORT}.
   *
   * @throws IllegalArgumentException saying what form is expected
   */
  public static Listen parse(String text) {
    int colon = text.lastIndexOf(':');
    String host = colon > 0 ? text.substring(0, colon) : "";
    String port = colon > 0 ? text.substring(colon + 1) : "";
    if (host.startsWith("[") && host.endsWith("]")) {
      host = host.substring(1, host.length() - 1);
    }
    if (host.isEmpty() || !port.matches("\\d{1,5}") || Integer.parseInt(port) > 65535) {
      throw new IllegalArgumentException(
          "listen address \"" + text + "\" must be HOST:PORT, e.g. 127.0.0.1:8787");
    }
    return new Listen(host, Integer.parseInt(port));
  }

  /** Whether only this machine can connect (127.0.0.0/8, ::1, localhost). */
  public boolean loopback() {
    try {
      for (InetAddress a : InetAddress.getAllByName(host)) {
        if (!a.isLoopbackAddress()) {
          return false;
        }
      }
      return true;
    } catch (UnknownHostException e) {
      return false;
    }
  }

  @Override
  public String toString() {
    return (host.contains(":") ? "[" + host + "]" : host) + ":" + port;
  }
}
