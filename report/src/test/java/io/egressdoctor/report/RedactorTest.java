package io.egressdoctor.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.egressdoctor.core.redact.Redaction;
import io.egressdoctor.diagnosis.finding.Evidence;
import io.egressdoctor.diagnosis.finding.Finding;
import io.egressdoctor.diagnosis.finding.Level;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
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
  void credentialsInEveryPartOfTheReportAreMaskedEvenWithoutRedact() throws Exception {
    try (var fixture = ReportFixture.create(dir)) {
      String password = "Pl4nted-Proxy-Pw";
      String basic = "c3ZjOlBsNG50ZWQtUHJveHktUHc=";
      String signature = "d00dfeed0123456789abcdef";
      Finding f =
          new Finding(
              ReportFixture.DENIED_RULE,
              Level.HIGH,
              "denied-required-fqdn",
              "Uses http://svc:" + password + "@proxy.example.com:3128/ for the agent",
              Map.of(
                  "url.original", List.of("https://b.example.com/k?X-Amz-Signature=" + signature)),
              List.of(
                  new Evidence(
                      "e1",
                      "logs/ProxyPassword=" + password + "/agent.log",
                      1,
                      "Proxy-Authorization: Basic " + basic,
                      Instant.parse("2024-05-01T09:05:00Z"),
                      "agent",
                      "the header ProxyPassword=" + password)),
              1,
              "Set `PROXY_PASS=" + password + "` again",
              List.of(),
              null,
              null);
      Report plain =
          new ReportBuilder(
                  Clock.fixed(Instant.parse("2024-05-01T12:00:00Z"), ZoneOffset.UTC), null)
              .build(fixture.diagnosis(List.of(f), List.of(ReportFixture.DENIED_RULE)));
      Report masked = new Redactor(Redaction.NONE).redact(plain, List.of());
      assertThat(masked.redaction()).isEqualTo("none");
      for (ReportFormat format : ReportFormat.values()) {
        String out = ReportWritersTest.write(masked, format);
        assertThat(out).as(format.name()).doesNotContain(password, basic, signature);
        assertThat(out).as(format.name()).contains("{password-1}", "{credential-1}");
      }
    }
  }
}
