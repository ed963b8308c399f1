package io.egressdoctor.ingest.declarative;

import static org.assertj.core.api.Assertions.assertThat;

import io.egressdoctor.core.index.lucene.LuceneEventIndex;
import io.egressdoctor.core.query.Queries;
import io.egressdoctor.ingest.FileResult;
import io.egressdoctor.ingest.FormatRegistry;
import io.egressdoctor.ingest.IngestOptions;
import io.egressdoctor.ingest.IngestPipeline;
import io.egressdoctor.ingest.IngestProgress;
import io.egressdoctor.ingest.Line;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** JSON documents (arrays, record wrappers, pretty-printed objects) read by JSON-lines formats. */
class JsonDocumentsTest {

  private static final Path HERE =
      Path.of("src/test/resources/io/egressdoctor/ingest/declarative/json-documents");

  @TempDir Path index;

  private static List<Line> records(String text, List<String> broken) throws Exception {
    List<Line> out = new ArrayList<>();
    JsonDocuments.read(
        new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)),
        out::add,
        (reason, line) -> broken.add(line + ": " + reason));
    return out;
  }

  @Test
  void jsonLinesAreNotADocumentButAnArrayOrAnOpenObjectIs() {
    assertThat(JsonDocuments.isDocument(List.of("{\"a\": 1}", "{\"a\": 2}"))).isFalse();
    assertThat(JsonDocuments.isDocument(List.of("", "[ {", "  \"a\" : 1"))).isTrue();
    assertThat(JsonDocuments.isDocument(List.of("{", "  \"records\": ["))).isTrue();
    assertThat(JsonDocuments.isDocument(List.of("\uFEFF[{\"a\":1}]"))).isTrue();
    assertThat(JsonDocuments.isDocument(List.of("2024-05-01 09:00:00 {\"a\": 1}"))).isFalse();
  }

  @Test
  void recordsAreNumberedByTheLineTheyStartOn() throws Exception {
    List<String> broken = new ArrayList<>();
    List<Line> r = records("[ {\n  \"a\" : 1\n}, {\n  \"a\" : 2\n} ]\n", broken);
    assertThat(r).extracting(Line::text).containsExactly("{\"a\":1}", "{\"a\":2}");
    assertThat(r).extracting(Line::number).containsExactly(1L, 3L);
    assertThat(broken).isEmpty();
  }

  @Test
  void aWrapperGivesItsRecordsWhateverComesBeforeThem() throws Exception {
    List<String> broken = new ArrayList<>();
    String text = "{\"count\": 2, \"value\": [{\"a\": 1}, {\"a\": 2}], \"nextLink\": null}";
    assertThat(records(text, broken))
        .extracting(Line::text)
        .containsExactly("{\"a\":1}", "{\"a\":2}");
    assertThat(broken).isEmpty();
  }

  @Test
  void prettyPrintedObjectsOneAfterAnotherAreRecordsEach() throws Exception {
    List<String> broken = new ArrayList<>();
    List<Line> r = records("{\n \"a\": 1\n}\n{\n \"a\": 2\n}\n", broken);
    assertThat(r).extracting(Line::text).containsExactly("{\"a\":1}", "{\"a\":2}");
    assertThat(r).extracting(Line::number).containsExactly(1L, 4L);
  }

  @Test
  void aBrokenDocumentIsReportedWithTheLineItBrokeOnAfterTheRecordsBeforeIt() throws Exception {
    List<String> broken = new ArrayList<>();
    List<Line> r = records("[ {\"a\": 1},\n {\"a\": 2},\n {\"a\": \n", broken);
    assertThat(r).hasSize(2);
    assertThat(broken).singleElement().asString().startsWith("4: not valid JSON");
  }

  @Test
  void aPortalExportAndAStorageArchiveAreDetectedAndReadByTheirFormat() throws Exception {
    try (LuceneEventIndex idx = LuceneEventIndex.open(index)) {
      List<FileResult> files =
          new IngestPipeline(
                  idx,
                  FormatRegistry.builtIn(),
                  IngestOptions.defaults().withZone(ZoneOffset.UTC),
                  IngestProgress.NONE)
              .ingest(
                  List.of(
                      HERE.resolve("AzureDiagnostics-vgw-export.json"),
                      HERE.resolve("PT1H.json"),
                      HERE.resolve("AzureDiagnostics-vgw-export-cut.json")))
              .files();
      assertThat(files).extracting(FileResult::format).containsOnly("azure-vpn-diagnostics");
      assertThat(files).extracting(FileResult::rejected).containsExactly(0L, 0L, 1L);
      assertThat(idx.count(Queries.term("event.action", "TunnelDisconnected"))).isEqualTo(4);
      assertThat(idx.count(Queries.term("vpn.tunnel.remote_ip", "198.51.100.21"))).isEqualTo(3);
    }
  }
}
