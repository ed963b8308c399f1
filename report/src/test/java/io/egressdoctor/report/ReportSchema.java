package io.egressdoctor.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.PathType;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The JSON report's schema, {@code docs/report-schema.json}, checked with a maintained JSON Schema
 * validator (draft 2020-12, formats asserted). Shared by the report's, the shell's and the samples'
 * tests through this module's test jar.
 */
public final class ReportSchema {

  private static final JsonSchema SCHEMA = load();

  private ReportSchema() {}

  /** The problems of the document, each as {@code /json/pointer: message}; empty when valid. */
  public static List<String> problems(JsonNode document) {
    return SCHEMA.validate(document).stream()
        .map(m -> m.getInstanceLocation() + ": " + m.getMessage())
        .sorted()
        .toList();
  }

  private static JsonSchema load() {
    Path file = schemaFile();
    try {
      JsonNode schema = new ObjectMapper().readTree(file.toFile());
      SchemaValidatorsConfig config =
          SchemaValidatorsConfig.builder()
              .pathType(PathType.JSON_POINTER)
              .formatAssertionsEnabled(true)
              .build();
      return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012)
          .getSchema(schema, config);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** docs/report-schema.json, whether tests run from a module or from the repository root. */
  private static Path schemaFile() {
    for (Path p : List.of(Path.of("..", "docs"), Path.of("docs"))) {
      Path f = p.resolve("report-schema.json");
      if (Files.isRegularFile(f)) {
        return f;
      }
    }
    throw new IllegalStateException("docs/report-schema.json not found");
  }
}
