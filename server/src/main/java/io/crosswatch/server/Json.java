package io.crosswatch.server;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The one JSON mapper of the service, and request-body parsing with clear 400 answers. */
public final class Json {
  /** The mapper the API writes and reads with. */
  public static final JsonMapper MAPPER = JsonMapper.builder().build();

  private Json() {}

  /**
   * Parses a request body.
   *
   * @throws ApiProblem 400 naming the line and column of a syntax error
   */
  public static JsonNode parseBody(String body) {
    if (body == null || body.isBlank()) {
      throw ApiProblem.badRequest("the request body is empty; send a JSON document");
    }
    try {
      return MAPPER.readTree(body);
    } catch (JacksonException e) {
      var at = e.getLocation();
      String where =
          at == null ? "" : " at line " + at.getLineNr() + ", column " + at.getColumnNr();
      throw ApiProblem.badRequest("the request body is not valid JSON" + where);
    }
  }

  /** Like {@link #parseBody} but an empty body is an empty object. */
  public static JsonNode parseOptionalObject(String body) {
    JsonNode node = body == null || body.isBlank() ? MAPPER.createObjectNode() : parseBody(body);
    if (!node.isObject()) {
      throw ApiProblem.badRequest("the request body must be a JSON object");
    }
    return node;
  }
}
