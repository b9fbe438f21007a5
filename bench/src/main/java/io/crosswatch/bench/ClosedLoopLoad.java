package io.crosswatch.bench;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.function.LongSupplier;
import java.util.function.Predicate;

/**
 * A closed-loop HTTP/1.1 load that costs its machine little: {@code clients} keep-alive
 * connections, each with one request always outstanding (the next is sent as soon as the last
 * answer's last byte arrived; no think time), all driven by one thread through one {@link
 * Selector}. The request is the same prepared bytes every time; each answer is read by its {@code
 * Content-Length} and checked (status 200 and a body the given check accepts, e.g. a JSON object).
 * Each request's latency is from the moment it was written to the moment its answer's last byte was
 * read.
 *
 * <p>A connection that the server closes, or an answer that fails the check, counts as an error;
 * the connection is then opened again and the loop goes on. Requests outstanding when the time is
 * up are awaited (up to {@code drain}) and counted; no request is sent after the time is up.
 */
final class ClosedLoopLoad {
  private static final int BUFFER = 64 * 1024;

  private final InetSocketAddress address;
  private final byte[] request;
  private final Predicate<byte[]> bodyCheck;
  private final LongSupplier nanos;

  /**
   * @param request the whole request (request line, headers and the empty line), sent as is
   * @param bodyCheck whether an answer's body is acceptable
   * @param nanos the clock latencies are measured with, as {@link System#nanoTime()}
   */
  ClosedLoopLoad(
      InetSocketAddress address, byte[] request, Predicate<byte[]> bodyCheck, LongSupplier nanos) {
    this.address = Objects.requireNonNull(address, "address");
    this.request = request.clone();
    this.bodyCheck = Objects.requireNonNull(bodyCheck, "bodyCheck");
    this.nanos = Objects.requireNonNull(nanos, "nanos");
  }

  /** A GET of {@code path} with the given extra header lines (e.g. {@code Authorization: …}). */
  static byte[] get(InetSocketAddress address, String path, String... headers) {
    StringBuilder b =
        new StringBuilder("GET ")
            .append(path)
            .append(" HTTP/1.1\r\nHost: ")
            .append(address.getHostString())
            .append(':')
            .append(address.getPort())
            .append("\r\n");
    for (String h : headers) {
      b.append(h).append("\r\n");
    }
    return b.append("\r\n").toString().getBytes(StandardCharsets.US_ASCII);
  }

  /**
   * What one load measured.
   *
   * @param answers requests answered with status 200 and an accepted body
   * @param errors requests answered otherwise, or whose connection failed
   * @param latenciesNs every request's latency (answered or not), sorted
   * @param elapsedNs from the first request sent to the last answer read
   */
  record Result(long answers, long errors, long[] latenciesNs, long elapsedNs) {
    long requests() {
      return answers + errors;
    }

    /** The {@code p}th percentile latency in milliseconds (0 without requests). */
    double percentileMs(double p) {
      if (latenciesNs.length == 0) {
        return 0;
      }
      int i = (int) Math.ceil(p / 100.0 * latenciesNs.length) - 1;
      return latenciesNs[Math.max(0, Math.min(latenciesNs.length - 1, i))] / 1e6;
    }

    double maxMs() {
      return latenciesNs.length == 0 ? 0 : latenciesNs[latenciesNs.length - 1] / 1e6;
    }
  }

  /** Runs {@code clients} connections for {@code duration}, then awaits the outstanding answers. */
  Result run(int clients, Duration duration, Duration drain) throws IOException {
    if (clients < 1) {
      throw new IllegalArgumentException("clients must be >= 1, got " + clients);
    }
    try (Selector selector = Selector.open()) {
      List<Connection> connections = new ArrayList<>();
      for (int i = 0; i < clients; i++) {
        connections.add(new Connection(selector));
      }
      Latencies latencies = new Latencies();
      long[] counts = new long[2]; // answers, errors
      long start = nanos.getAsLong();
      long end = start + duration.toNanos();
      long drainEnd = end + drain.toNanos();
      for (Connection c : connections) {
        c.send();
      }
      long lastAnswer = start;
      int outstanding = clients;
      while (outstanding > 0) {
        long now = nanos.getAsLong();
        if (now >= drainEnd) {
          counts[1] += outstanding; // never answered: errors, without a latency
          break;
        }
        selector.select(Math.max(1, ((now < end ? end : drainEnd) - now) / 1_000_000));
        for (SelectionKey key : selector.selectedKeys()) {
          Connection c = (Connection) key.attachment();
          Outcome o = c.ready(key);
          if (o == Outcome.PENDING) {
            continue;
          }
          long at = nanos.getAsLong();
          latencies.add(at - c.sentAt);
          lastAnswer = at;
          counts[o == Outcome.ANSWERED ? 0 : 1]++;
          if (o == Outcome.FAILED) {
            c.reopen(selector);
          }
          if (at < end) {
            c.send();
          } else {
            c.close();
            outstanding--;
          }
        }
        selector.selectedKeys().clear();
      }
      for (Connection c : connections) {
        c.close();
      }
      return new Result(counts[0], counts[1], latencies.sorted(), lastAnswer - start);
    }
  }

  private enum Outcome {
    PENDING,
    ANSWERED,
    FAILED
  }

  /** One keep-alive connection with at most one request outstanding. */
  private final class Connection {
    private SocketChannel channel;
    private SelectionKey key;
    private final ByteBuffer out = ByteBuffer.wrap(request);
    private final ByteBuffer in = ByteBuffer.allocate(BUFFER);
    long sentAt;

    Connection(Selector selector) throws IOException {
      open(selector);
    }

    private void open(Selector selector) throws IOException {
      channel = SocketChannel.open(address); // blocking connect, then non-blocking use
      channel.setOption(StandardSocketOptions.TCP_NODELAY, true);
      channel.configureBlocking(false);
      key = channel.register(selector, 0, this);
    }

    void reopen(Selector selector) throws IOException {
      close();
      open(selector);
    }

    void send() throws IOException {
      out.rewind();
      in.clear();
      sentAt = nanos.getAsLong();
      channel.write(out);
      key.interestOps(out.hasRemaining() ? SelectionKey.OP_WRITE : SelectionKey.OP_READ);
    }

    Outcome ready(SelectionKey k) {
      try {
        if (k.isWritable()) {
          channel.write(out);
          if (!out.hasRemaining()) {
            k.interestOps(SelectionKey.OP_READ);
          }
          return Outcome.PENDING;
        }
        if (channel.read(in) < 0) {
          return Outcome.FAILED; // the server closed the connection
        }
        return parse();
      } catch (IOException e) {
        return Outcome.FAILED;
      }
    }

    /** The answer so far: pending until its last byte, then answered or failed. */
    private Outcome parse() {
      byte[] a = in.array();
      int headEnd = headEnd(a, in.position());
      if (headEnd < 0) {
        return in.hasRemaining() ? Outcome.PENDING : Outcome.FAILED;
      }
      String head = new String(a, 0, headEnd, StandardCharsets.ISO_8859_1);
      int length = contentLength(head);
      if (length < 0 || headEnd + length > a.length) {
        return Outcome.FAILED; // no length given, or longer than the buffer
      }
      if (in.position() < headEnd + length) {
        return Outcome.PENDING;
      }
      if (in.position() > headEnd + length) {
        return Outcome.FAILED; // bytes beyond the answer: the server sent more than one
      }
      boolean ok =
          head.startsWith("HTTP/1.1 200 ")
              && bodyCheck.test(Arrays.copyOfRange(a, headEnd, headEnd + length));
      return ok ? Outcome.ANSWERED : Outcome.FAILED;
    }

    void close() throws IOException {
      key.cancel();
      channel.close();
    }
  }

  /** The index just past the head's closing empty line, or -1 while it has not all arrived. */
  static int headEnd(byte[] a, int length) {
    for (int i = 3; i < length; i++) {
      if (a[i] == '\n' && a[i - 1] == '\r' && a[i - 2] == '\n' && a[i - 3] == '\r') {
        return i + 1;
      }
    }
    return -1;
  }

  /** The head's {@code Content-Length}, or -1 when it has none. */
  static int contentLength(String head) {
    for (String line : head.split("\r\n")) {
      int colon = line.indexOf(':');
      if (colon > 0 && line.substring(0, colon).trim().equalsIgnoreCase("Content-Length")) {
        try {
          return Integer.parseInt(line.substring(colon + 1).trim());
        } catch (NumberFormatException e) {
          return -1;
        }
      }
    }
    return -1;
  }

  /** A growing list of latencies, kept as primitives. */
  private static final class Latencies {
    private long[] values = new long[1 << 16];
    private int size;

    void add(long v) {
      if (size == values.length) {
        values = Arrays.copyOf(values, size * 2);
      }
      values[size++] = v;
    }

    long[] sorted() {
      long[] s = Arrays.copyOf(values, size);
      Arrays.sort(s);
      return s;
    }
  }
}
