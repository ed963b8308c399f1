package io.egressdoctor.core.field;

/**
 * An open-ended namespace of fields that share one type, such as {@code squid.extra.*}.
 *
 * @param prefix the namespace with its trailing dot
 * @param type the type of every field in it
 * @param description what the namespace holds
 */
public record DynamicNamespace(String prefix, FieldType type, String description) {

  /**
   * The definition of one field inside this namespace. Open namespaces hold many rarely-asked
   * fields (a CloudTrail record flattens into dozens), so they keep no doc values.
   */
  public FieldDefinition fieldFor(String name) {
    return new FieldDefinition(name, type, description, false, false, true, false);
  }
}
