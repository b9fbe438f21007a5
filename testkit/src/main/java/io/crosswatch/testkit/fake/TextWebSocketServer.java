package io.crosswatch.testkit.fake;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;

/**
 * A small websocket server (RFC 6455) on 127.0.0.1 that pushes text messages to its clients, as a
 * media server's notification socket does: it accepts an upgrade on one path when the request's
 * query passes a check (a token), answers 401 otherwise, sends text frames to every open
 * connection, answers pings and closes, and can drop every connection at once to test reconnects.
 */
public final class TextWebSocketServer implements AutoCloseable {
  private static final String ACCEPT_GUID = "258EAFA5-E914-47DA-95CA-C5AB0DC85B11";

  private final String path;
  private final Predicate<Map<String, String>> admit;
  private final List<Socket> open = new CopyOnWriteArrayList<>();
  private final AtomicInteger accepted = new AtomicInteger();
  private final AtomicInteger refused = new AtomicInteger();
  private ServerSocket server;

  /**
   * @param path the path upgrades are accepted on
   * @param admit whether a request's decoded query parameters are let in
   */
  public TextWebSocketServer(String path, Predicate<Map<String, String>> admit) {
    this.path = Objects.requireNonNull(path, "path");
    this.admit = Objects.requireNonNull(admit, "admit");
  }

  /** Binds a free loopback port and starts accepting; returns this. */
  public synchronized TextWebSocketServer start() {
    try {
      server = new ServerSocket();
      server.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot bind a loopback port", e);
    }
    Thread acceptor = new Thread(this::acceptLoop, "fake-websocket");
    acceptor.setDaemon(true);
    acceptor.start();
    return this;
  }

  /** {@code http://127.0.0.1:PORT}: where clients find the socket (ws:// with the same port). */
  public synchronized URI baseUri() {
    if (server == null) {
      throw new IllegalStateException("not started");
    }
    return URI.create("http://127.0.0.1:" + server.getLocalPort());
  }

  /** How many upgrades were accepted so far. */
  public int accepted() {
    return accepted.get();
  }

  /** How many upgrades were refused (wrong path or token). */
  public int refused() {
    return refused.get();
  }

  /** How many connections are open now. */
  public int openConnections() {
    return open.size();
  }

  /** Sends one text message to every open connection. */
  public void broadcast(String text) {
    byte[] frame = frame(0x1, text.getBytes(StandardCharsets.UTF_8));
    for (Socket s : open) {
      try {
        synchronized (s) {
          s.getOutputStream().write(frame);
          s.getOutputStream().flush();
        }
      } catch (IOException e) {
        drop(s);
      }
    }
  }

  /** Cuts every open connection without a close frame, as a restarting server does. */
  public void dropAll() {
    for (Socket s : open) {
      drop(s);
    }
  }

  @Override
  public synchronized void close() {
    dropAll();
    if (server != null) {
      try {
        server.close();
      } catch (IOException e) {
        // closing anyway
      }
      server = null;
    }
  }

  private void acceptLoop() {
    ServerSocket s;
    synchronized (this) {
      s = server;
    }
    while (!s.isClosed()) {
      try {
        Socket client = s.accept();
        Thread t = new Thread(() -> serve(client), "fake-websocket-conn");
        t.setDaemon(true);
        t.start();
      } catch (IOException e) {
        return; // closed
      }
    }
  }

  private void serve(Socket client) {
    try {
      InputStream in = new BufferedInputStream(client.getInputStream());
      List<String> head = readHead(in);
      if (!handshake(client, head)) {
        client.close();
        return;
      }
      open.add(client);
      accepted.incrementAndGet();
      readFrames(client, in);
    } catch (IOException e) {
      // the client went away
    } finally {
      drop(client);
    }
  }

  private boolean handshake(Socket client, List<String> head) throws IOException {
    OutputStream out = client.getOutputStream();
    if (head.isEmpty()) {
      return false;
    }
    String[] requestLine = head.get(0).split(" ");
    Map<String, String> headers = new LinkedHashMap<>();
    for (String line : head.subList(1, head.size())) {
      int colon = line.indexOf(':');
      if (colon > 0) {
        headers.put(
            line.substring(0, colon).trim().toLowerCase(Locale.ROOT),
            line.substring(colon + 1).trim());
      }
    }
    URI target = URI.create(requestLine.length > 1 ? requestLine[1] : "/");
    String key = headers.get("sec-websocket-key");
    if (!path.equals(target.getRawPath())
        || key == null
        || !"websocket".equalsIgnoreCase(headers.getOrDefault("upgrade", ""))
        || !admit.test(LoopbackServer.parseQuery(target.getRawQuery()))) {
      refused.incrementAndGet();
      out.write(
          "HTTP/1.1 401 Unauthorized\r\nContent-Length: 0\r\nConnection: close\r\n\r\n"
              .getBytes(StandardCharsets.ISO_8859_1));
      out.flush();
      return false;
    }
    String response =
        "HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
            + "Sec-WebSocket-Accept: "
            + accept(key)
            + "\r\n\r\n";
    synchronized (client) {
      out.write(response.getBytes(StandardCharsets.ISO_8859_1));
      out.flush();
    }
    return true;
  }

  /** Reads the client's frames: pings are answered, a close is echoed, text is ignored. */
  private void readFrames(Socket client, InputStream in) throws IOException {
    while (true) {
      int b0 = in.read();
      int b1 = in.read();
      if (b0 < 0 || b1 < 0) {
        return;
      }
      int opcode = b0 & 0x0F;
      long length = b1 & 0x7F;
      if (length == 126) {
        length = (in.read() << 8) | in.read();
      } else if (length == 127) {
        length = 0;
        for (int i = 0; i < 8; i++) {
          length = (length << 8) | in.read();
        }
      }
      byte[] mask = (b1 & 0x80) != 0 ? in.readNBytes(4) : null;
      byte[] payload = in.readNBytes((int) length);
      if (mask != null) {
        for (int i = 0; i < payload.length; i++) {
          payload[i] ^= mask[i % 4];
        }
      }
      if (opcode == 0x8) {
        send(client, frame(0x8, payload));
        return;
      }
      if (opcode == 0x9) {
        send(client, frame(0xA, payload));
      }
    }
  }

  private static void send(Socket client, byte[] frame) throws IOException {
    synchronized (client) {
      client.getOutputStream().write(frame);
      client.getOutputStream().flush();
    }
  }

  private void drop(Socket s) {
    open.remove(s);
    try {
      s.close();
    } catch (IOException e) {
      // already gone
    }
  }

  private static List<String> readHead(InputStream in) throws IOException {
    List<String> lines = new ArrayList<>();
    ByteArrayOutputStream line = new ByteArrayOutputStream();
    int prev = -1;
    while (true) {
      int c = in.read();
      if (c < 0) {
        return lines;
      }
      if (prev == '\r' && c == '\n') {
        byte[] bytes = line.toByteArray();
        String text = new String(bytes, 0, bytes.length - 1, StandardCharsets.ISO_8859_1);
        if (text.isEmpty()) {
          return lines;
        }
        lines.add(text);
        line.reset();
      } else {
        line.write(c);
      }
      prev = c;
    }
  }

  /** A final, unmasked frame of one opcode (servers never mask). */
  static byte[] frame(int opcode, byte[] payload) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.write(0x80 | opcode);
    if (payload.length < 126) {
      out.write(payload.length);
    } else if (payload.length < 65536) {
      out.write(126);
      out.write(payload.length >>> 8);
      out.write(payload.length & 0xFF);
    } else {
      out.write(127);
      for (int i = 7; i >= 0; i--) {
        out.write((int) ((long) payload.length >>> (8 * i)) & 0xFF);
      }
    }
    out.writeBytes(payload);
    return out.toByteArray();
  }

  private static String accept(String key) {
    try {
      MessageDigest sha1 = MessageDigest.getInstance("SHA-1");
      byte[] digest = sha1.digest((key + ACCEPT_GUID).getBytes(StandardCharsets.ISO_8859_1));
      return Base64.getEncoder().encodeToString(digest);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-1 is part of every JDK", e);
    }
  }
}
