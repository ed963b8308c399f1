package io.egressdoctor.core.field;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class FieldsMarkdownTest {

  /** docs/fields.md at the repository root; tests run with the module folder as working dir. */
  private static final Path DOC = Path.of("..", "docs", "fields.md");

  @Test
  void docsFieldsMdIsUpToDate() throws IOException {
    String rendered = FieldsMarkdown.render();
    if (Boolean.getBoolean("golden.update")) {
      Files.createDirectories(DOC.getParent());
      Files.writeString(DOC, rendered, StandardCharsets.UTF_8);
    }
    assertThat(DOC).as("run with -Dgolden.update=true to regenerate").exists();
    assertThat(Files.readString(DOC, StandardCharsets.UTF_8))
        .as(
            "docs/fields.md is out of date; run ./mvnw -pl core test -Dtest=FieldsMarkdownTest -Dgolden.update=true")
        .isEqualTo(rendered);
  }

  @Test
  void listsEveryFieldWithItsType() {
    String md = FieldsMarkdown.render();
    for (FieldDefinition f : Fields.all()) {
      assertThat(md).contains("| `" + f.name() + "` | " + f.type().label() + " |");
    }
    assertThat(md).contains("| `squid.extra.*` | keyword |");
  }
}
