package io.egressdoctor.core.field;

import java.util.Map;
import java.util.TreeMap;

/** Renders {@code docs/fields.md} from the registry, so the docs cannot drift from the code. */
public final class FieldsMarkdown {

  private FieldsMarkdown() {}

  /** The whole Markdown document. */
  public static String render() {
    StringBuilder sb = new StringBuilder();
    sb.append("# Fields\n\n")
        .append(
            "Every field egress-doctor indexes, with its type. Generated from `Fields.java` by\n")
        .append(
            "`FieldsMarkdown`; `./mvnw -pl core test -Dtest=FieldsMarkdownTest -Dgolden.update=true`\n")
        .append("rewrites it. Names follow ECS; source-specific fields live under their source\n")
        .append(
            "(`squid.*`, `aws.cloudtrail.*`, `mgn.*`, `asr.*`, `vpn.*`, `config.*`), enrichments under\n")
        .append("`egress_doctor.*`.\n\n")
        .append("Types: **keyword** exact values (term, prefix, wildcard, regex; top values);\n")
        .append(
            "**ip** IPv4/IPv6 (exact, CIDR `source.ip:10.0.0.0/8`, ranges); **long** and **date**\n")
        .append(
            "(ranges, sorting, histograms; dates in UTC milliseconds); **text** analyzed full text;\n")
        .append("**boolean**. *Lowercased* values are stored lowercased; *suffix* fields answer\n")
        .append("`*.example.com` from a reversed copy without scanning. Every field filters and\n")
        .append("answers top values and timelines; *no doc values* fields (values nearly unique\n")
        .append("per event, or rarely summarised) count them from the terms or points instead,\n")
        .append("slower on millions of events. A query on `related.*` also asks the fields it\n")
        .append("collects; see `docs/index.md`.\n\n");
    Map<String, StringBuilder> sections = new TreeMap<>();
    for (FieldDefinition f : Fields.all()) {
      String ns = namespace(f.name());
      sections
          .computeIfAbsent(
              ns,
              k -> new StringBuilder("| field | type | notes | description |\n|---|---|---|---|\n"))
          .append("| `")
          .append(f.name())
          .append("` | ")
          .append(f.type().label())
          .append(" | ")
          .append(notes(f))
          .append(" | ")
          .append(f.description().replace("|", "\\|"))
          .append(" |\n");
    }
    sections.forEach(
        (ns, table) -> sb.append("## ").append(ns).append("\n\n").append(table).append('\n'));
    sb.append("## Open namespaces\n\n| prefix | type | description |\n|---|---|---|\n");
    for (DynamicNamespace d : Fields.dynamicNamespaces()) {
      sb.append("| `")
          .append(d.prefix())
          .append("*` | ")
          .append(d.type().label())
          .append(" | ")
          .append(d.description())
          .append(" |\n");
    }
    return sb.toString();
  }

  private static String namespace(String name) {
    if (name.startsWith("@")) {
      return "base";
    }
    int dot = name.indexOf('.');
    return dot < 0 ? "base" : name.substring(0, dot);
  }

  private static String notes(FieldDefinition f) {
    StringBuilder n = new StringBuilder();
    if (f.multiValued()) {
      n.append("multi-valued");
    }
    if (f.lowercase()) {
      n.append(n.isEmpty() ? "" : ", ").append("lowercased");
    }
    if (f.suffixSearchable()) {
      n.append(n.isEmpty() ? "" : ", ").append("suffix");
    }
    if (!f.aggregatable() && f.type() != FieldType.TEXT) {
      n.append(n.isEmpty() ? "" : ", ").append("no doc values");
    }
    return n.toString();
  }
}
