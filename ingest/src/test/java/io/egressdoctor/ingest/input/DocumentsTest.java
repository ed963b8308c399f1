package io.egressdoctor.ingest.input;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class DocumentsTest {

  @Test
  void notesImagesAndOfficeFilesAreDocumentsByName() {
    assertThat(Documents.kindOf("case-notes.md")).contains("a note (md)");
    assertThat(Documents.kindOf("screen.PNG")).contains("an image (png)");
    assertThat(Documents.kindOf("flows.xlsx")).get().asString().contains("save it as CSV");
    assertThat(Documents.kindOf("access.log")).isEmpty();
  }

  @Test
  void awsListingsNoRuleReadsAreRecognisedByTheirTopLevelKey() {
    assertThat(Documents.unusedListing(List.of("{", "  \"RouteTables\" : [ {", "    \"x\": 1")))
        .get()
        .asString()
        .startsWith("an AWS CLI listing of RouteTables");
    assertThat(Documents.unusedListing(List.of("\uFEFF{\"SecurityGroups\": [{\"GroupId\": 1}]}")))
        .isPresent();
  }

  @Test
  void otherJsonIsNotAListing() {
    // The listings rules read are reference data; logs and unknown JSON stay evidence.
    assertThat(Documents.unusedListing(List.of("{\"Records\": [{\"eventVersion\": \"1.08\"}]}")))
        .isEmpty();
    assertThat(Documents.unusedListing(List.of("{\"note\": \"RouteTables\": [}"))).isEmpty();
    assertThat(Documents.unusedListing(List.of("2024-05-01 \"RouteTables\": ["))).isEmpty();
  }
}
