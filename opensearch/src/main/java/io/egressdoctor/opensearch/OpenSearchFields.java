package io.egressdoctor.opensearch;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.egressdoctor.core.field.DynamicNamespace;
import io.egressdoctor.core.field.FieldDefinition;
import io.egressdoctor.core.field.FieldType;
import io.egressdoctor.core.field.Fields;
import java.util.List;

/**
 * The events index's mapping, generated from the {@link Fields} registry, and the names fields have
 * in OpenSearch.
 *
 * <p>Declared fields keep their ECS names: ip → {@code ip}, keyword → {@code keyword}, long →
 * {@code long}, date → {@code date}, text → {@code text}, boolean → {@code boolean}. A
 * suffix-searchable keyword (domain names) gets a {@code reversed} sub-field, analysed into one
 * reversed token, so {@code *.servicebus.windows.net} is a prefix walk of the terms dictionary, as
 * in the local index.
 *
 * <p>OpenSearch reads a dot in a field name as an object path, so {@code squid.extra.in_h} and
 * {@code squid.extra.in_h.user_agent} (both possible in an open-ended namespace) could not both
 * exist: the second document would be rejected. Inside a dynamic namespace, the part after the
 * namespace prefix is therefore written with {@code %2E} for a dot (and {@code %25} for {@code %},
 * {@code %2A} for {@code *}): {@code
 * aws.cloudtrail.request_parameters.instancesSet%2Eitems%2EsubnetId}. egress-doctor's queries
 * translate names, so users still type the dotted name.
 */
public final class OpenSearchFields {

  /** Keyword values are indexed up to this many characters, as in the local index. */
  static final int IGNORE_ABOVE = 8000;

  /** The sub-field of a suffix-searchable keyword that holds its reversed value. */
  static final String REVERSED = "reversed";

  static final String REVERSED_ANALYZER = "egress_doctor_reversed";

  /** Hidden fields: the document id, split into its input and sequence for ordering and forget. */
  static final String DOC_ID = "egress_doctor.doc.id";

  static final String DOC_SOURCE = "egress_doctor.doc.source";
  static final String DOC_SEQ = "egress_doctor.doc.seq";

  /**
   * The order events were added in, across writers: the local index breaks ties of equal timestamps
   * by document number, which is that order, and findings pick their first evidence by it.
   */
  static final String DOC_ORD = "egress_doctor.doc.ord";

  /** Keyword values longer than {@link #IGNORE_ABOVE}, whole, kept but not indexed. */
  static final String DOC_FULL = "egress_doctor.doc.full";

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final java.util.Set<String> DECLARED =
      Fields.all().stream()
          .map(FieldDefinition::name)
          .collect(java.util.stream.Collectors.toUnmodifiableSet());

  private OpenSearchFields() {}

  /** The name a field has in the events index. */
  public static String indexName(String field) {
    if (DECLARED.contains(field)) {
      return field;
    }
    for (DynamicNamespace ns : Fields.dynamicNamespaces()) {
      if (field.startsWith(ns.prefix())) {
        return ns.prefix() + escape(field.substring(ns.prefix().length()));
      }
    }
    return field;
  }

  /** The schema name of a field of the events index, the inverse of {@link #indexName}. */
  public static String schemaName(String indexName) {
    if (indexName.indexOf('%') < 0) {
      return indexName;
    }
    for (DynamicNamespace ns : Fields.dynamicNamespaces()) {
      if (indexName.startsWith(ns.prefix())) {
        return ns.prefix() + unescape(indexName.substring(ns.prefix().length()));
      }
    }
    return indexName;
  }

  /** The sub-field that answers suffix queries on a suffix-searchable keyword. */
  static String reversedName(FieldDefinition f) {
    return f.name() + "." + REVERSED;
  }

  static String escape(String s) {
    StringBuilder out = null;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      String rep =
          switch (c) {
            case '%' -> "%25";
            case '.' -> "%2E";
            case '*' -> "%2A";
            default -> null;
          };
      if (rep != null && out == null) {
        out = new StringBuilder(s.length() + 8).append(s, 0, i);
      }
      if (out != null) {
        if (rep != null) {
          out.append(rep);
        } else {
          out.append(c);
        }
      }
    }
    return out == null ? s : out.toString();
  }

  static String unescape(String s) {
    return s.replace("%2E", ".").replace("%2A", "*").replace("%25", "%");
  }

  /** The index settings: the analyzer of reversed sub-fields, the field limit, the layout. */
  static ObjectNode settings(Integer shards, Integer replicas) {
    ObjectNode settings = JSON.createObjectNode();
    ObjectNode index = settings.putObject("index");
    if (shards != null) {
      index.put("number_of_shards", shards);
    }
    if (replicas != null) {
      index.put("number_of_replicas", replicas);
    }
    // CloudTrail parameters and custom logformats add fields; 1000 (the default) is too few.
    index.putObject("mapping").putObject("total_fields").put("limit", 10000);
    ObjectNode analysis = settings.putObject("analysis");
    analysis
        .putObject("filter")
        .putObject("egress_doctor_truncate")
        .put("type", "truncate")
        .put("length", IGNORE_ABOVE);
    ObjectNode analyzer = analysis.putObject("analyzer").putObject(REVERSED_ANALYZER);
    analyzer.put("type", "custom").put("tokenizer", "keyword");
    analyzer.putArray("filter").add("egress_doctor_truncate").add("reverse");
    return settings;
  }

  /** The mapping of the events index, every declared field and every dynamic namespace. */
  static ObjectNode mappings() {
    ObjectNode mappings = JSON.createObjectNode();
    mappings.put("dynamic", true);
    var templates = mappings.putArray("dynamic_templates");
    int n = 0;
    for (DynamicNamespace ns : Fields.dynamicNamespaces()) {
      ObjectNode t = templates.addObject().putObject("egress_doctor_namespace_" + n++);
      t.put("path_match", ns.prefix() + "*");
      t.set("mapping", property(ns.fieldFor(ns.prefix() + "x")));
    }
    ObjectNode properties = mappings.putObject("properties");
    for (FieldDefinition f : Fields.all()) {
      put(properties, f.name(), property(f));
    }
    put(properties, DOC_ID, JSON.createObjectNode().put("type", "keyword"));
    put(properties, DOC_SOURCE, JSON.createObjectNode().put("type", "keyword"));
    put(properties, DOC_SEQ, JSON.createObjectNode().put("type", "long"));
    put(properties, DOC_ORD, JSON.createObjectNode().put("type", "long"));
    put(properties, DOC_FULL, JSON.createObjectNode().put("type", "object").put("enabled", false));
    return mappings;
  }

  /** Every declared field name that is also an object path of another: none may exist. */
  static List<String> conflicts() {
    List<String> names = Fields.all().stream().map(FieldDefinition::name).toList();
    return names.stream().filter(a -> names.stream().anyMatch(b -> b.startsWith(a + "."))).toList();
  }

  private static void put(ObjectNode properties, String dotted, ObjectNode leaf) {
    String[] parts = dotted.split("\\.");
    ObjectNode at = properties;
    for (int i = 0; i < parts.length - 1; i++) {
      ObjectNode child = (ObjectNode) at.get(parts[i]);
      if (child == null) {
        child = at.putObject(parts[i]);
      }
      at =
          child.has("properties")
              ? (ObjectNode) child.get("properties")
              : child.putObject("properties");
    }
    at.set(parts[parts.length - 1], leaf);
  }

  private static ObjectNode property(FieldDefinition f) {
    ObjectNode p = JSON.createObjectNode();
    switch (f.type()) {
      case KEYWORD -> {
        p.put("type", "keyword").put("ignore_above", IGNORE_ABOVE);
        if (f.suffixSearchable()) {
          p.putObject("fields")
              .putObject(REVERSED)
              .put("type", "text")
              .put("analyzer", REVERSED_ANALYZER)
              .put("index_options", "docs")
              .put("norms", false);
        }
      }
      case IP -> p.put("type", "ip");
      case LONG -> p.put("type", "long");
      case DATE -> p.put("type", "date").put("format", "epoch_millis||strict_date_optional_time");
      case TEXT -> p.put("type", "text");
      case BOOLEAN -> p.put("type", "boolean");
    }
    return p;
  }

  /** Whether a field's values count as numbers in aggregations. */
  static boolean numeric(FieldDefinition f) {
    return f.type() == FieldType.LONG || f.type() == FieldType.DATE;
  }
}
