package io.egressdoctor.diagnosis.rule;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Each Sigma modifier, compiled to a query and run on a small real index. */
class ModifierTest {

  @TempDir Path dir;
  TestIndex t;

  @BeforeEach
  void events() throws IOException {
    t = new TestIndex(dir);
    t.add(
        b ->
            b.set("observer.type", "proxy")
                .set("source.ip", "10.20.1.5")
                .set("destination.domain", "mgn.ap-northeast-1.amazonaws.com")
                .set("destination.port", 443L)
                .set("squid.result_code", "TCP_DENIED")
                .set("http.response.status_code", 407L)
                .set("url.original", "mgn.ap-northeast-1.amazonaws.com:443")
                .set("user_agent.original", "AWS-Replication-Agent/1.2"),
        b ->
            b.set("observer.type", "proxy")
                .set("source.ip", "10.20.2.7")
                .set("destination.domain", "jpepod01rcm1.servicebus.windows.net")
                .set("destination.port", 1500L)
                .set("squid.result_code", "TCP_TUNNEL")
                .set("http.response.status_code", 200L)
                .set("url.original", "jpepod01rcm1.servicebus.windows.net:1500"),
        b ->
            b.set("observer.type", "proxy")
                .set("source.ip", "192.0.2.10")
                .set("destination.domain", "www.example.com")
                .set("destination.port", 80L)
                .set("squid.result_code", "TCP_MISS")
                .set("http.response.status_code", 503L)
                .set("url.original", "http://www.example.com/Index.html"));
  }

  @AfterEach
  void close() throws IOException {
    t.close();
  }

  @Test
  void plainValueIsCaseInsensitiveExactMatch() throws IOException {
    assertThat(t.count("sel:\n  squid.result_code: tcp_denied\ncondition: sel")).isEqualTo(1);
    assertThat(t.count("sel:\n  squid.result_code: TCP_DEN\ncondition: sel")).isZero();
  }

  @Test
  void valueListMatchesAny() throws IOException {
    assertThat(
            t.count("sel:\n  squid.result_code:\n    - TCP_DENIED\n    - TCP_MISS\ncondition: sel"))
        .isEqualTo(2);
  }

  @Test
  void wildcardsInPlainValues() throws IOException {
    assertThat(t.count("sel:\n  destination.domain: '*.amazonaws.com'\ncondition: sel"))
        .isEqualTo(1);
    assertThat(t.count("sel:\n  squid.result_code: 'TCP_?ISS'\ncondition: sel")).isEqualTo(1);
  }

  @Test
  void contains() throws IOException {
    assertThat(t.count("sel:\n  destination.domain|contains: SERVICEBUS\ncondition: sel"))
        .isEqualTo(1);
    assertThat(t.count("sel:\n  url.original|contains: index.HTML\ncondition: sel")).isEqualTo(1);
  }

  @Test
  void startswith() throws IOException {
    assertThat(t.count("sel:\n  destination.domain|startswith: mgn.\ncondition: sel")).isEqualTo(1);
    assertThat(t.count("sel:\n  user_agent.original|startswith: aws-replication\ncondition: sel"))
        .isEqualTo(1);
  }

  @Test
  void endswith() throws IOException {
    assertThat(t.count("sel:\n  destination.domain|endswith: .windows.net\ncondition: sel"))
        .isEqualTo(1);
    assertThat(t.count("sel:\n  url.original|endswith: ':443'\ncondition: sel")).isEqualTo(1);
  }

  @Test
  void re() throws IOException {
    assertThat(
            t.count(
                "sel:\n  destination.domain|re: '^mgn\\.[a-z0-9-]+\\.amazonaws\\.com$'\ncondition: sel"))
        .isEqualTo(1);
    assertThat(t.count("sel:\n  url.original|re: ':\\d{4}$'\ncondition: sel")).isEqualTo(1);
    assertThat(t.count("sel:\n  url.original|re: '(?i)INDEX'\ncondition: sel")).isEqualTo(1);
    assertThat(t.count("sel:\n  url.original|re: 'INDEX'\ncondition: sel")).isZero();
  }

  @Test
  void cidr() throws IOException {
    assertThat(t.count("sel:\n  source.ip|cidr: 10.0.0.0/8\ncondition: sel")).isEqualTo(2);
    assertThat(
            t.count(
                "sel:\n  source.ip|cidr:\n    - 10.20.1.0/24\n    - 192.0.2.0/24\ncondition: sel"))
        .isEqualTo(2);
  }

  @Test
  void exists() throws IOException {
    assertThat(t.count("sel:\n  user_agent.original|exists: true\ncondition: sel")).isEqualTo(1);
    assertThat(t.count("sel:\n  user_agent.original|exists: false\ncondition: sel")).isEqualTo(2);
  }

  @Test
  void all() throws IOException {
    assertThat(
            t.count(
                "sel:\n  url.original|contains|all:\n    - servicebus\n    - ':1500'\ncondition: sel"))
        .isEqualTo(1);
    assertThat(
            t.count(
                "sel:\n  url.original|contains|all:\n    - servicebus\n    - ':443'\ncondition: sel"))
        .isZero();
  }

  @Test
  void numericComparisons() throws IOException {
    assertThat(t.count("sel:\n  http.response.status_code|gt: 407\ncondition: sel")).isEqualTo(1);
    assertThat(t.count("sel:\n  http.response.status_code|gte: 407\ncondition: sel")).isEqualTo(2);
    assertThat(t.count("sel:\n  http.response.status_code|lt: 407\ncondition: sel")).isEqualTo(1);
    assertThat(t.count("sel:\n  http.response.status_code|lte: 407\ncondition: sel")).isEqualTo(2);
  }

  @Test
  void cased() throws IOException {
    assertThat(t.count("sel:\n  squid.result_code|cased: tcp_denied\ncondition: sel")).isZero();
    assertThat(t.count("sel:\n  squid.result_code|cased: TCP_DENIED\ncondition: sel")).isEqualTo(1);
  }

  @Test
  void sigmaProxyNamesAreAliases() throws IOException {
    assertThat(t.count("sel:\n  sc-status: 407\n  c-ip|cidr: 10.20.0.0/16\ncondition: sel"))
        .isEqualTo(1);
    assertThat(t.count("sel:\n  cs-host|endswith: .amazonaws.com\ncondition: sel")).isEqualTo(1);
  }

  @Test
  void keywordsSearchTheOriginalLine() throws IOException {
    assertThat(t.count("keywords:\n  - 'event 2'\ncondition: keywords")).isEqualTo(1);
  }

  @Test
  void nullMeansTheFieldIsAbsent() throws IOException {
    assertThat(t.count("sel:\n  user_agent.original: null\ncondition: sel")).isEqualTo(2);
  }
}
