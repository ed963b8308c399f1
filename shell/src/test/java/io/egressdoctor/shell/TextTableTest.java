package io.egressdoctor.shell;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import org.junit.jupiter.api.Test;

class TextTableTest {

  private static final String URL =
      "http://aws-application-migration-service-ap-northeast-1.s3.ap-northeast-1.amazonaws.com/"
          + "pool/main/p/pkg2328.deb";

  private static List<String> write(TextTable t, int width) {
    StringWriter out = new StringWriter();
    t.write(new PrintWriter(out, true), width);
    return out.toString().lines().toList();
  }

  private static TextTable proxyRows() {
    return new TextTable(List.of("@timestamp", "source.ip", "url.original", "squid.result_code"))
        .add(List.of("2024-05-01T08:01:11.418Z", "10.20.1.171", URL, "TCP_MISS"))
        .add(
            List.of(
                "2024-05-01T08:01:09.792Z", "10.20.2.204", "mgn.amazonaws.com:443", "TCP_DENIED"));
  }

  @Test
  void aWideTableNarrowsItsWidestColumnAndKeepsEveryColumn() {
    List<String> lines = write(proxyRows(), 100);
    assertThat(lines).allSatisfy(l -> assertThat(l.length()).isLessThanOrEqualTo(100));
    assertThat(lines.get(0)).endsWith("squid.result_code");
    assertThat(lines.get(1)).contains("http://aws-application").contains("…").endsWith("TCP_MISS");
    assertThat(lines.get(2)).endsWith("TCP_DENIED");
  }

  @Test
  void withoutAWidthNothingIsCut() {
    List<String> lines = write(proxyRows(), 0);
    assertThat(lines.get(1)).contains(URL).doesNotContain("…");
  }

  @Test
  void whenNoColumnCanGiveUpMoreTheLineIsCut() {
    List<String> lines = write(proxyRows(), 40);
    assertThat(lines).allSatisfy(l -> assertThat(l.length()).isLessThanOrEqualTo(40));
    assertThat(lines.get(1)).endsWith("…");
  }
}
