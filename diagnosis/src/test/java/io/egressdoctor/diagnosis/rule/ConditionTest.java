package io.egressdoctor.diagnosis.rule;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Each form of Sigma condition, on a small real index. */
class ConditionTest {

  private static final String SELECTIONS =
      """
      sel_denied:
        squid.result_code: TCP_DENIED
      sel_auth:
        http.response.status_code: 407
      sel_aws:
        destination.domain|endswith: .amazonaws.com
      _internal:
        source.ip|cidr: 10.0.0.0/8
      """;

  @TempDir Path dir;
  TestIndex t;

  @BeforeEach
  void events() throws IOException {
    t = new TestIndex(dir);
    t.add(
        b -> proxy(b, "TCP_DENIED", 407, "mgn.ap-northeast-1.amazonaws.com", "10.0.0.1"),
        b -> proxy(b, "TCP_DENIED", 403, "www.example.com", "10.0.0.2"),
        b -> proxy(b, "TCP_TUNNEL", 200, "s3.ap-northeast-1.amazonaws.com", "192.0.2.1"),
        b -> proxy(b, "TCP_MISS", 200, "www.example.org", "192.0.2.2"));
  }

  private static void proxy(
      io.egressdoctor.core.event.Event.Builder b,
      String code,
      long status,
      String host,
      String ip) {
    b.set("observer.type", "proxy")
        .set("squid.result_code", code)
        .set("http.response.status_code", status)
        .set("destination.domain", host)
        .set("source.ip", ip);
  }

  @AfterEach
  void close() throws IOException {
    t.close();
  }

  private long count(String condition) throws IOException {
    return t.count(SELECTIONS + "condition: " + condition);
  }

  @Test
  void single() throws IOException {
    assertThat(count("sel_denied")).isEqualTo(2);
  }

  @Test
  void and() throws IOException {
    assertThat(count("sel_denied and sel_aws")).isEqualTo(1);
  }

  @Test
  void or() throws IOException {
    assertThat(count("sel_auth or sel_aws")).isEqualTo(2);
  }

  @Test
  void not() throws IOException {
    assertThat(count("not sel_denied")).isEqualTo(2);
    assertThat(count("sel_aws and not sel_denied")).isEqualTo(1);
  }

  @Test
  void andBindsTighterThanOr() throws IOException {
    assertThat(count("sel_auth or sel_denied and sel_aws")).isEqualTo(1);
    assertThat(count("sel_denied and sel_aws or sel_aws and not sel_denied")).isEqualTo(2);
  }

  @Test
  void parentheses() throws IOException {
    assertThat(count("(sel_auth or sel_aws) and not sel_denied")).isEqualTo(1);
    assertThat(count("not (sel_denied or sel_aws)")).isEqualTo(1);
  }

  @Test
  void oneOfPattern() throws IOException {
    assertThat(count("1 of sel_*")).isEqualTo(3);
  }

  @Test
  void allOfPattern() throws IOException {
    assertThat(count("all of sel_*")).isEqualTo(1);
  }

  @Test
  void oneOfThemSkipsUnderscoreSelections() throws IOException {
    assertThat(count("1 of them")).isEqualTo(3);
    assertThat(count("all of them")).isEqualTo(1);
    assertThat(count("_internal")).isEqualTo(2);
  }

  @Test
  void nOfPattern() throws IOException {
    assertThat(count("2 of sel_*")).isEqualTo(1);
    assertThat(count("2 of sel_* or sel_denied")).isEqualTo(2);
  }

  @Test
  void listOfMappingsIsOr() throws IOException {
    assertThat(
            t.count(
                """
                sel:
                  - squid.result_code: TCP_MISS
                  - http.response.status_code: 407
                condition: sel
                """))
        .isEqualTo(2);
  }
}
