package io.egressdoctor.ingest.cloudtrail;

import com.fasterxml.jackson.databind.JsonNode;
import io.egressdoctor.core.event.Event;
import io.egressdoctor.core.field.DynamicNamespace;
import io.egressdoctor.core.field.Fields;
import io.egressdoctor.core.net.IpAddresses;
import java.util.Iterator;
import java.util.Locale;
import java.util.Map;

/**
 * Flattens {@code requestParameters} and {@code responseElements} into keyword fields named by
 * their JSON path ({@code instancesSet.items.subnetId}), with arrays made multi-valued.
 *
 * <p>Tags become {@code aws.cloudtrail.tags.<key>}; instance ids, IP addresses and MGN source
 * server ids found anywhere are also copied to their ECS fields, so a RunInstances call can be
 * found by its instance, its private IP, its subnet or its tags. Limits on depth, values and value
 * length keep one huge request from flooding the index with fields.
 */
final class ParameterFlattener {

  static final String TAGS_PREFIX = "aws.cloudtrail.tags.";
  private static final int MAX_DEPTH = 10;
  private static final int MAX_VALUES = 200;
  private static final int MAX_VALUE_CHARS = 1024;
  private static final DynamicNamespace REQUEST = namespace("aws.cloudtrail.request_parameters.");
  private static final DynamicNamespace RESPONSE = namespace("aws.cloudtrail.response_elements.");
  private static final DynamicNamespace TAGS = namespace(TAGS_PREFIX);

  private final Event.Builder builder;
  private int budget = MAX_VALUES;

  private ParameterFlattener(Event.Builder builder) {
    this.builder = builder;
  }

  /** Adds the flattened request parameters and response elements of a record to the builder. */
  static void flatten(JsonNode requestParameters, JsonNode responseElements, Event.Builder b) {
    ParameterFlattener f = new ParameterFlattener(b);
    f.walk(requestParameters, REQUEST, "", 0);
    f.walk(responseElements, RESPONSE, "", 0);
  }

  private void walk(JsonNode node, DynamicNamespace ns, String path, int depth) {
    if (node == null || node.isNull() || budget <= 0 || depth > MAX_DEPTH) {
      return;
    }
    if (node.isArray()) {
      for (JsonNode element : node) {
        walk(element, ns, path, depth + 1);
      }
    } else if (node.isObject()) {
      if (isTag(node)) {
        tag(text(node, "key", "Key"), text(node, "value", "Value"));
        return;
      }
      Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
      while (fields.hasNext()) {
        Map.Entry<String, JsonNode> e = fields.next();
        String key = safe(e.getKey());
        JsonNode child = e.getValue();
        if (key.equalsIgnoreCase("tags") && child.isObject() && allScalar(child)) {
          child.fields().forEachRemaining(t -> tag(t.getKey(), t.getValue().asText()));
        } else {
          walk(child, ns, path.isEmpty() ? key : path + "." + key, depth + 1);
        }
      }
    } else if (!path.isEmpty()) {
      leaf(ns, path, node.asText());
    }
  }

  private void leaf(DynamicNamespace ns, String path, String value) {
    if (value.isEmpty()) {
      return;
    }
    budget--;
    String v = value.length() > MAX_VALUE_CHARS ? value.substring(0, MAX_VALUE_CHARS) : value;
    builder.add(ns.fieldFor(ns.prefix() + path), v);
    String key = path.substring(path.lastIndexOf('.') + 1).toLowerCase(Locale.ROOT);
    if (key.equals("instanceid") && v.startsWith("i-")) {
      builder.add(Fields.CLOUD_INSTANCE_ID, v);
    } else if ((key.endsWith("ip") || key.endsWith("ipaddress")) && IpAddresses.isLiteral(v)) {
      builder.add(Fields.RELATED_IP, v);
    } else if (key.equals("sourceserverid") && v.startsWith("s-")) {
      sourceServer(v);
    }
  }

  private void tag(String key, String value) {
    if (key == null || key.isEmpty() || value == null || budget <= 0) {
      return;
    }
    budget--;
    builder.add(TAGS.fieldFor(TAGS_PREFIX + safe(key)), value);
    if (key.equals("AWSApplicationMigrationServiceSourceServerID")
        || key.equals("mgn.amazonaws.com-source-server")) {
      sourceServer(value);
    }
  }

  private void sourceServer(String id) {
    if (!builder.has(Fields.MGN_SOURCE_SERVER_ID.name())) {
      builder.set(Fields.MGN_SOURCE_SERVER_ID, id);
    }
  }

  private static boolean isTag(JsonNode node) {
    return node.size() == 2
        && text(node, "key", "Key") != null
        && (node.has("value") || node.has("Value"));
  }

  private static boolean allScalar(JsonNode node) {
    for (JsonNode v : node) {
      if (!v.isValueNode()) {
        return false;
      }
    }
    return true;
  }

  private static String text(JsonNode node, String name, String alternative) {
    JsonNode v = node.has(name) ? node.get(name) : node.get(alternative);
    return v == null || !v.isValueNode() || v.isNull() ? null : v.asText();
  }

  /** Keys become one path segment each: no spaces, never empty. */
  private static String safe(String key) {
    if (key.isEmpty()) {
      return "_";
    }
    return key.indexOf(' ') < 0 ? key : key.replace(' ', '_');
  }

  private static DynamicNamespace namespace(String prefix) {
    return Fields.dynamicNamespaces().stream()
        .filter(ns -> ns.prefix().equals(prefix))
        .findFirst()
        .orElseThrow(() -> new IllegalStateException("Fields has no namespace " + prefix));
  }
}
