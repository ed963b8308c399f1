package io.egressdoctor.report;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Checks a JSON document against a schema written in the subset of JSON Schema (2020-12) that
 * {@code docs/report-schema.json} uses: {@code type}, {@code enum}, {@code const}, {@code
 * properties}, {@code required}, {@code additionalProperties}, {@code items}, {@code oneOf}, {@code
 * $ref} to {@code #/$defs/...}, {@code minimum}, {@code maximum}, {@code pattern} and {@code
 * format: date-time}. A schema keyword outside this subset is reported as an error rather than
 * ignored, so the schema cannot silently outgrow the check.
 */
public final class JsonSchemaValidator {

  private static final Set<String> KNOWN =
      Set.of(
          "$schema",
          "$id",
          "$defs",
          "title",
          "description",
          "type",
          "enum",
          "const",
          "properties",
          "required",
          "additionalProperties",
          "items",
          "oneOf",
          "$ref",
          "minimum",
          "maximum",
          "pattern",
          "format");

  private final JsonNode root;

  /** A validator for the schema. */
  public JsonSchemaValidator(JsonNode schema) {
    this.root = schema;
  }

  /** Every violation, as {@code /json/pointer: problem}; empty when the document is valid. */
  public List<String> validate(JsonNode document) {
    List<String> errors = new ArrayList<>();
    check(root, document, "", errors);
    return errors;
  }

  private void check(JsonNode schema, JsonNode value, String at, List<String> errors) {
    for (Iterator<String> it = schema.fieldNames(); it.hasNext(); ) {
      String keyword = it.next();
      if (!KNOWN.contains(keyword)) {
        errors.add(at + ": schema keyword '" + keyword + "' is not supported by this validator");
      }
    }
    if (schema.has("$ref")) {
      check(resolve(schema.get("$ref").asText()), value, at, errors);
    }
    if (schema.has("type") && !typeMatches(schema.get("type"), value)) {
      errors.add(at + ": expected " + schema.get("type") + ", got " + typeOf(value));
      return;
    }
    if (schema.has("const") && !schema.get("const").equals(value)) {
      errors.add(at + ": expected " + schema.get("const"));
    }
    if (schema.has("enum") && !contains(schema.get("enum"), value)) {
      errors.add(at + ": " + value + " is not one of " + schema.get("enum"));
    }
    if (schema.has("oneOf")) {
      int matching = 0;
      for (JsonNode option : schema.get("oneOf")) {
        List<String> sub = new ArrayList<>();
        check(option, value, at, sub);
        matching += sub.isEmpty() ? 1 : 0;
      }
      if (matching != 1) {
        errors.add(at + ": matches " + matching + " of the oneOf schemas instead of exactly one");
      }
    }
    if (value.isNumber()) {
      numbers(schema, value, at, errors);
    }
    if (value.isTextual()) {
      strings(schema, value.asText(), at, errors);
    }
    if (value.isObject()) {
      object(schema, value, at, errors);
    }
    if (value.isArray() && schema.has("items")) {
      for (int i = 0; i < value.size(); i++) {
        check(schema.get("items"), value.get(i), at + "/" + i, errors);
      }
    }
  }

  private static void numbers(JsonNode schema, JsonNode value, String at, List<String> errors) {
    if (schema.has("minimum") && value.asDouble() < schema.get("minimum").asDouble()) {
      errors.add(at + ": " + value + " is below " + schema.get("minimum"));
    }
    if (schema.has("maximum") && value.asDouble() > schema.get("maximum").asDouble()) {
      errors.add(at + ": " + value + " is above " + schema.get("maximum"));
    }
  }

  private static void strings(JsonNode schema, String text, String at, List<String> errors) {
    if (schema.has("pattern")
        && !Pattern.compile(schema.get("pattern").asText()).matcher(text).find()) {
      errors.add(at + ": '" + text + "' does not match " + schema.get("pattern").asText());
    }
    if (schema.has("format") && "date-time".equals(schema.get("format").asText())) {
      try {
        OffsetDateTime.parse(text);
      } catch (DateTimeParseException e) {
        errors.add(at + ": '" + text + "' is not an RFC 3339 date-time");
      }
    }
  }

  private void object(JsonNode schema, JsonNode value, String at, List<String> errors) {
    if (schema.has("required")) {
      for (JsonNode name : schema.get("required")) {
        if (!value.has(name.asText())) {
          errors.add(at + ": missing required '" + name.asText() + "'");
        }
      }
    }
    JsonNode properties = schema.get("properties");
    JsonNode additional = schema.get("additionalProperties");
    for (Map.Entry<String, JsonNode> field : value.properties()) {
      String path = at + "/" + field.getKey();
      if (properties != null && properties.has(field.getKey())) {
        check(properties.get(field.getKey()), field.getValue(), path, errors);
      } else if (additional != null && additional.isBoolean() && !additional.asBoolean()) {
        errors.add(path + ": property not allowed by the schema");
      } else if (additional != null && additional.isObject()) {
        check(additional, field.getValue(), path, errors);
      }
    }
  }

  private JsonNode resolve(String ref) {
    if (!ref.startsWith("#/")) {
      throw new IllegalArgumentException("only local $refs are supported: " + ref);
    }
    JsonNode node = root.at(ref.substring(1));
    if (node.isMissingNode()) {
      throw new IllegalArgumentException("unresolved $ref " + ref);
    }
    return node;
  }

  private static boolean typeMatches(JsonNode type, JsonNode value) {
    if (type.isArray()) {
      for (JsonNode t : type) {
        if (typeMatches(t, value)) {
          return true;
        }
      }
      return false;
    }
    return switch (type.asText()) {
      case "object" -> value.isObject();
      case "array" -> value.isArray();
      case "string" -> value.isTextual();
      case "integer" -> value.isIntegralNumber();
      case "number" -> value.isNumber();
      case "boolean" -> value.isBoolean();
      case "null" -> value.isNull();
      default -> throw new IllegalArgumentException("unknown type " + type);
    };
  }

  private static String typeOf(JsonNode value) {
    return value.getNodeType().name().toLowerCase(java.util.Locale.ROOT);
  }

  private static boolean contains(JsonNode array, JsonNode value) {
    for (JsonNode v : array) {
      if (v.equals(value)) {
        return true;
      }
    }
    return false;
  }
}
