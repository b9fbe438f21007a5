package io.crosswatch.server;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A request the API refuses: an HTTP status and the JSON body to answer with ({@code {"error":
 * "…"}} plus any extra fields).
 */
public final class ApiProblem extends RuntimeException {
  private static final long serialVersionUID = 1L;
  private final int status;
  private final transient Map<String, Object> body;

  public ApiProblem(int status, String error) {
    this(status, Map.of("error", error));
  }

  public ApiProblem(int status, Map<String, Object> body) {
    super(String.valueOf(body.get("error")), null, false, false);
    this.status = status;
    this.body = new LinkedHashMap<>(body);
  }

  /** 400 with a message saying what is wrong and what to send. */
  public static ApiProblem badRequest(String error) {
    return new ApiProblem(400, error);
  }

  public int status() {
    return status;
  }

  public Map<String, Object> body() {
    return body;
  }
}
