package io.egressdoctor.core.field;

import java.util.Objects;

/**
 * One field of the schema: its dotted ECS name, its type, how its values are normalised and what it
 * means.
 *
 * @param name the dotted name, e.g. {@code destination.domain}
 * @param type the value type
 * @param description one sentence for {@code docs/fields.md} and the shell's {@code fields}
 * @param lowercase values are lowercased before indexing (domain names)
 * @param suffixSearchable a reversed copy is indexed so that {@code *.example.com} is a prefix
 *     query on the terms dictionary instead of a scan
 * @param multiValued the field may hold several values in one event
 * @param aggregatable the index keeps per-document values (doc values) so that top values,
 *     timelines and group-by over the field read them directly; the other fields are aggregated
 *     from their terms or points when asked, slower but with the same answer
 */
public record FieldDefinition(
    String name,
    FieldType type,
    String description,
    boolean lowercase,
    boolean suffixSearchable,
    boolean multiValued,
    boolean aggregatable) {

  /** An aggregatable field. */
  public FieldDefinition(
      String name,
      FieldType type,
      String description,
      boolean lowercase,
      boolean suffixSearchable,
      boolean multiValued) {
    this(name, type, description, lowercase, suffixSearchable, multiValued, true);
  }

  public FieldDefinition {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(description, "description");
    if (suffixSearchable && type != FieldType.KEYWORD) {
      throw new IllegalArgumentException(name + ": only keyword fields can be suffix-searchable");
    }
  }

  /** The same field, aggregated from its terms or points instead of doc values. */
  public FieldDefinition withoutDocValues() {
    return new FieldDefinition(
        name, type, description, lowercase, suffixSearchable, multiValued, false);
  }

  /** The name of the hidden field that holds reversed values for suffix queries. */
  public String reversedName() {
    return name + "._reversed";
  }
}
