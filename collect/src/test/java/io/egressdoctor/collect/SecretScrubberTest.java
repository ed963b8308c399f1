package io.egressdoctor.collect;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SecretScrubberTest {

  @Test
  void masksPasswordsInProxyUrlsButKeepsTheProxy() {
    assertThat(
            SecretScrubber.scrub(
                "export https_proxy=http://svc-mgn:Pa55w0rd!@proxy.corp.example:3128/"))
        .isEqualTo("export https_proxy=http://svc-mgn:***@proxy.corp.example:3128/");
    assertThat(SecretScrubber.scrub("https_proxy=http://proxy.corp.example:3128"))
        .isEqualTo("https_proxy=http://proxy.corp.example:3128");
  }

  @Test
  void masksInstallerSecretsAndPasswordSettings() {
    String line =
        "./aws-replication-installer-init --region ap-northeast-1 --aws-access-key-id"
            + " AKIAIOSFODNN7EXAMPLE --aws-secret-access-key wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY"
            + " --aws-session-token=FwoGZXIvYXdzEXAMPLE";
    String clean = SecretScrubber.scrub(line);
    assertThat(clean).doesNotContain("wJalrXUtnFEMI", "FwoGZXIvYXdzEXAMPLE");
    assertThat(clean)
        .contains(
            "--region ap-northeast-1", "--aws-secret-access-key ***", "--aws-session-token=***");
    assertThat(SecretScrubber.scrub("  \"ProxyPassword\": \"hunter2\","))
        .isEqualTo("  \"ProxyPassword\": \"***\",");
    assertThat(SecretScrubber.scrub("proxy_pwd=hunter2 user=bob"))
        .isEqualTo("proxy_pwd=*** user=bob");
  }

  @Test
  void leavesOrdinaryLogLinesAlone() {
    String line =
        "2024-05-01 09:00:01 ERROR token refresh failed for mgn.ap-northeast-1.amazonaws.com:443";
    assertThat(SecretScrubber.hasSecrets(line)).isFalse();
  }
}
