package io.egressdoctor.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RedactorTest {

  @TempDir Path dir;

  private static final List<String> IDENTITIES =
      List.of(
          ReportFixture.ACCESS_KEY,
          ReportFixture.ACCOUNT,
          ReportFixture.IAM_USER,
          ReportFixture.PROXY_USER);

  @Test
  void redactionLeavesNoOriginalIdentityInAnyFormat() throws Exception {
    try (var fixture = ReportFixture.create(dir)) {
      Report plain = fixture.report();
      for (String secret : IDENTITIES) {
        assertThat(ReportWritersTest.write(plain, ReportFormat.JSON)).contains(secret);
      }
      Report redacted =
          new Redactor(Redaction.IDENTITIES).redact(plain, fixture.diagnosis().evidenceEvents());
      for (ReportFormat format : ReportFormat.values()) {
        String out = ReportWritersTest.write(redacted, format);
        for (String secret : IDENTITIES) {
          assertThat(out).as(format + " leaks " + secret).doesNotContain(secret);
        }
        assertThat(out).as(format.name()).contains(ReportFixture.PUBLIC_IP);
        assertThat(out).contains("{access-key-1}", "{account-1}", "{user-");
      }
    }
  }

  @Test
  void ipsModeAlsoMasksPublicButNotPrivateAddresses() throws Exception {
    try (var fixture = ReportFixture.create(dir)) {
      Report redacted =
          new Redactor(Redaction.IDENTITIES_AND_IPS)
              .redact(fixture.report(), fixture.diagnosis().evidenceEvents());
      for (ReportFormat format : ReportFormat.values()) {
        String out = ReportWritersTest.write(redacted, format);
        assertThat(out).as(format.name()).doesNotContain(ReportFixture.PUBLIC_IP, "198.51.100.201");
        assertThat(out).contains("10.20.1.54", "{ip-");
      }
      assertThat(redacted.redaction()).isEqualTo("identities+ips");
    }
  }

  @Test
  void theSameValueGetsTheSameMaskEverywhere() throws Exception {
    try (var fixture = ReportFixture.create(dir)) {
      Redactor redactor = new Redactor(Redaction.IDENTITIES);
      Report redacted = redactor.redact(fixture.report(), fixture.diagnosis().evidenceEvents());
      String mask = redactor.masks().get(ReportFixture.ACCOUNT);
      assertThat(mask).matches("\\{account-\\d+}");
      for (ReportFormat format : ReportFormat.values()) {
        String out = ReportWritersTest.write(redacted, format);
        assertThat(out).contains("AWSLogs/" + mask + "/CloudTrail");
        assertThat(out).contains("arn:aws:iam::" + mask + ":user/");
      }
      Matcher masks =
          Pattern.compile("\\{(?:access-key|account|user)-\\d+}")
              .matcher(redactor.masks().values().toString());
      assertThat(masks.find()).isTrue();
      assertThat(redactor.masks())
          .hasSize(redactor.masks().values().stream().distinct().toList().size());
    }
  }

  @Test
  void publicMeansRoutable() throws Exception {
    assertThat(Redactor.isPublic(InetAddress.getByName("203.0.113.9"))).isTrue();
    assertThat(Redactor.isPublic(InetAddress.getByName("2001:db8::1"))).isTrue();
    assertThat(Redactor.isPublic(InetAddress.getByName("10.1.2.3"))).isFalse();
    assertThat(Redactor.isPublic(InetAddress.getByName("100.64.0.1"))).isFalse();
    assertThat(Redactor.isPublic(InetAddress.getByName("fd00::1"))).isFalse();
    assertThat(Redactor.isPublic(InetAddress.getByName("127.0.0.1"))).isFalse();
  }

  @Test
  void redactParsesTheOptionValues() {
    assertThat(Redaction.parse("")).isEqualTo(Redaction.IDENTITIES);
    assertThat(Redaction.parse("ips")).isEqualTo(Redaction.IDENTITIES_AND_IPS);
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> Redaction.parse("names"))
        .hasMessageContaining("--redact=ips");
  }
}
