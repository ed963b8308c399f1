package io.egressdoctor.shell.repl;

import io.egressdoctor.core.field.FieldDefinition;
import io.egressdoctor.core.field.FieldType;
import io.egressdoctor.core.field.Fields;
import io.egressdoctor.core.query.FieldNames;
import io.egressdoctor.shell.UserError;
import java.util.List;
import java.util.stream.Stream;

/** The field names the shell offers and accepts: the schema plus the index's own columns. */
final class ShellFields {

  /** Names the index answers that the schema declares elsewhere or not at all. */
  private static final List<String> EXTRA = List.of("log.file.path");

  private ShellFields() {}

  /** Every field name, in schema order. */
  static List<String> names() {
    return Stream.concat(Fields.all().stream().map(FieldDefinition::name), EXTRA.stream())
        .distinct()
        .toList();
  }

  /** The field, or a one-line error with the closest name. */
  static FieldDefinition require(String name) {
    return Fields.find(name)
        .orElseThrow(
            () ->
                new UserError(
                    "unknown field '"
                        + name
                        + "'"
                        + FieldNames.closest(name)
                            .map(s -> " (did you mean '" + s + "'?)")
                            .orElse("")));
  }

  /** Whether the index can count this field's values (text is analysed, so it cannot). */
  static boolean countable(FieldDefinition field) {
    return field.type() != FieldType.TEXT;
  }
}
