package io.egressdoctor.diagnosis.rule.sigma;

import io.egressdoctor.core.field.FieldDefinition;
import io.egressdoctor.core.field.Fields;
import io.egressdoctor.core.yaml.YamlNode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Maps Sigma's field names for proxy logs (the W3C-style {@code c-ip}, {@code cs-host}...) and AWS
 * CloudTrail (the native {@code eventName}, {@code userIdentity.arn}...) to our ECS names, so that
 * public Sigma rules for those log sources load unchanged. A name may map to several fields; a
 * value then matches when any of them has it.
 *
 * <p>The names are data, in {@code field-aliases.yaml} beside this class: the proxy names follow
 * pySigma's {@code ecs_zeek_beats} pipeline and Sigma's proxy taxonomy, the CloudTrail names the
 * CloudTrail record and Elastic's CloudTrail mapping.
 */
public final class SigmaFieldAliases {

  private static final String FILE = "field-aliases.yaml";
  private static final Map<String, List<String>> ALIASES = new LinkedHashMap<>();
  private static final Map<String, String> PREFIXES = new LinkedHashMap<>();

  static {
    SigmaMappingFile.Loaded loaded =
        SigmaMappingFile.open(FILE, java.util.Set.of("aliases", "prefixes"));
    SigmaMappingFile f = loaded.file();
    YamlNode.Mapping aliases = f.mapping(loaded.root().get("aliases"), "aliases");
    aliases
        .entries()
        .forEach(
            (name, targets) -> {
              List<String> fields =
                  targets instanceof YamlNode.Sequence
                      ? f.list(targets, name).stream().map(t -> f.text(t, name)).toList()
                      : List.of(f.text(targets, name));
              fields.forEach(t -> field(f, targets, t));
              ALIASES.put(name, fields);
            });
    YamlNode prefixes = loaded.root().get("prefixes");
    if (prefixes != null) {
      f.mapping(prefixes, "prefixes")
          .entries()
          .forEach((from, to) -> PREFIXES.put(from, f.text(to, from)));
    }
  }

  private static void field(SigmaMappingFile f, YamlNode at, String name) {
    if (Fields.find(name).isEmpty()) {
      throw f.error(at.line(), "'" + name + "' is not a field of docs/fields.md");
    }
  }

  private SigmaFieldAliases() {}

  /**
   * The fields a rule's field name stands for: itself when the schema has it, else its alias
   * targets; empty for an unknown name. {@code requestParameters.*} and {@code responseElements.*}
   * map into CloudTrail's flattened namespaces.
   */
  public static List<FieldDefinition> resolve(String name) {
    Optional<FieldDefinition> own = Fields.find(name);
    if (own.isPresent()) {
      return List.of(own.get());
    }
    List<String> targets = ALIASES.get(name);
    if (targets != null) {
      return targets.stream().map(Fields::get).toList();
    }
    for (Map.Entry<String, String> ns : PREFIXES.entrySet()) {
      if (name.startsWith(ns.getKey()) && name.length() > ns.getKey().length()) {
        return Fields.find(ns.getValue() + name.substring(ns.getKey().length())).stream().toList();
      }
    }
    return List.of();
  }

  /** Every alias with its targets, for the documentation. */
  public static Map<String, List<String>> all() {
    return java.util.Collections.unmodifiableMap(ALIASES);
  }
}
