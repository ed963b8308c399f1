package io.egressdoctor.ingest.cloudtrail;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads the values of CloudTrail Lake query results: struct and map columns ({@code userIdentity},
 * {@code tlsDetails}, {@code requestParameters}) are written as {@code {name=value, name={...}}}
 * with lower-case member names, arrays as {@code [a, b]}, and absent members as {@code null}.
 * Member names of the record are given back their CloudTrail spelling ({@code principalid} becomes
 * {@code principalId}) so that the record mapper reads them as it reads a JSON record.
 */
final class LakeValues {

  private static final ObjectMapper MAPPER = new ObjectMapper();

  /** The CloudTrail spelling of the record's member names, by their lower-case form. */
  private static final Map<String, String> MEMBERS = new HashMap<>();

  static {
    for (String m :
        List.of(
            "eventVersion",
            "userIdentity",
            "type",
            "principalId",
            "arn",
            "accountId",
            "accessKeyId",
            "userName",
            "sessionContext",
            "sessionIssuer",
            "sourceIdentity",
            "invokedBy",
            "attributes",
            "creationDate",
            "mfaAuthenticated",
            "tlsDetails",
            "tlsVersion",
            "cipherSuite",
            "clientProvidedHostHeader",
            "ConsoleLogin")) {
      MEMBERS.put(m.toLowerCase(Locale.ROOT), m);
    }
  }

  private LakeValues() {}

  /** Whether a cell holds a struct, map or array rather than a plain value. */
  static boolean isStructured(String cell) {
    return cell.startsWith("{") || cell.startsWith("[");
  }

  /** The JSON of a struct, map or array cell (JSON text is read as JSON). */
  static JsonNode parse(String cell) {
    String s = cell.strip();
    if (s.startsWith("{\"") || s.startsWith("[{\"") || s.equals("{}")) {
      try {
        return MAPPER.readTree(s);
      } catch (JacksonException e) {
        // Not JSON after all: read as a Lake struct below.
      }
    }
    int[] at = {0};
    return value(s, at, true);
  }

  private static JsonNode value(String s, int[] at, boolean whole) {
    skipBlanks(s, at);
    if (at[0] < s.length() && s.charAt(at[0]) == '{') {
      return struct(s, at);
    }
    if (at[0] < s.length() && s.charAt(at[0]) == '[') {
      return array(s, at);
    }
    int start = at[0];
    int depth = 0;
    while (at[0] < s.length()) {
      char c = s.charAt(at[0]);
      if (!whole && depth == 0 && (c == ',' || c == '}' || c == ']')) {
        break;
      }
      depth += c == '{' || c == '[' ? 1 : c == '}' || c == ']' ? -1 : 0;
      at[0]++;
    }
    String text = s.substring(start, at[0]).strip();
    return text.equals("null") ? MAPPER.nullNode() : MAPPER.getNodeFactory().textNode(text);
  }

  private static ObjectNode struct(String s, int[] at) {
    ObjectNode out = MAPPER.createObjectNode();
    at[0]++;
    while (at[0] < s.length()) {
      skipBlanks(s, at);
      if (at[0] < s.length() && s.charAt(at[0]) == '}') {
        at[0]++;
        break;
      }
      int eq = s.indexOf('=', at[0]);
      if (eq < 0) {
        at[0] = s.length();
        break;
      }
      String name = s.substring(at[0], eq).strip();
      at[0] = eq + 1;
      JsonNode v = value(s, at, false);
      if (!v.isNull()) {
        out.set(MEMBERS.getOrDefault(name.toLowerCase(Locale.ROOT), name), v);
      }
      skipBlanks(s, at);
      if (at[0] < s.length() && s.charAt(at[0]) == ',') {
        at[0]++;
      }
    }
    return out;
  }

  private static ArrayNode array(String s, int[] at) {
    ArrayNode out = MAPPER.createArrayNode();
    at[0]++;
    while (at[0] < s.length()) {
      skipBlanks(s, at);
      if (at[0] < s.length() && s.charAt(at[0]) == ']') {
        at[0]++;
        break;
      }
      out.add(value(s, at, false));
      skipBlanks(s, at);
      if (at[0] < s.length() && s.charAt(at[0]) == ',') {
        at[0]++;
      }
    }
    return out;
  }

  private static void skipBlanks(String s, int[] at) {
    while (at[0] < s.length() && Character.isWhitespace(s.charAt(at[0]))) {
      at[0]++;
    }
  }
}
