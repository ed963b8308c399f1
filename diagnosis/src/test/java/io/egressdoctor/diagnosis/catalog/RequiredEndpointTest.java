package io.egressdoctor.diagnosis.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import io.egressdoctor.diagnosis.catalog.RequiredEndpoint.BypassForm;
import java.util.List;
import org.junit.jupiter.api.Test;

class RequiredEndpointTest {

  private static RequiredEndpoint endpoint(String host, String link, BypassForm bypass) {
    return new RequiredEndpoint("svc", host, List.of(443), "", true, link, List.of(), bypass);
  }

  @Test
  void regionPlaceholdersMustAgree() {
    RequiredEndpoint bucket =
        endpoint("aws-mgn-internal-<region>.s3.<region>.amazonaws.com", "", BypassForm.PARENT);

    assertThat(bucket.matches("aws-mgn-internal-us-east-1.s3.us-east-1.amazonaws.com", null))
        .isTrue();
    assertThat(bucket.matches("aws-mgn-internal-us-east-1.s3.eu-west-1.amazonaws.com", null))
        .isFalse();
    assertThat(bucket.matches("aws-mgn-internal-us-east-1.s3.us-east-1.amazonaws.com", "eu-west-1"))
        .isFalse();
    assertThat(bucket.regionOf("aws-mgn-internal-us-east-1.s3.us-east-1.amazonaws.com"))
        .hasValue("us-east-1");
  }

  @Test
  void wildcardNeedsAtLeastOneLabel() {
    RequiredEndpoint bus = endpoint("*.servicebus.windows.net", "", BypassForm.NAME);

    assertThat(bus.matches("jpepod01rcm1evhbdiags2j8q.servicebus.windows.net", null)).isTrue();
    assertThat(bus.matches("servicebus.windows.net", null)).isFalse();
    assertThat(bus.matches("x.servicebus.windows.net.example", null)).isFalse();
  }

  @Test
  void bypassEntriesHaveNoWildcardAndUseThePrivatelinkForm() {
    RequiredEndpoint asr =
        endpoint(
            "*.siterecovery.windowsazure.com",
            "*.privatelink.siterecovery.windowsazure.com",
            BypassForm.PARENT);
    RequiredEndpoint vault =
        endpoint("*.vault.azure.net", "*.privatelink.vaultcore.azure.net", BypassForm.PARENT);
    RequiredEndpoint blob =
        endpoint("*.blob.core.windows.net", "*.privatelink.blob.core.windows.net", BypassForm.NAME);
    RequiredEndpoint mgn = endpoint("mgn.<region>.amazonaws.com", "", BypassForm.NAME);

    assertThat(asr.bypassEntry("1265-asr-pod01-rcm1.jpe.siterecovery.windowsazure.com"))
        .isEqualTo("jpe.privatelink.siterecovery.windowsazure.com");
    assertThat(asr.bypassEntry("1265-asr-pod01-rcm1.jpe.privatelink.siterecovery.windowsazure.com"))
        .isEqualTo("jpe.privatelink.siterecovery.windowsazure.com");
    assertThat(vault.bypassEntry("privateasr58afkv.vault.azure.net")).isEqualTo("vault.azure.net");
    assertThat(vault.matchesAnyForm("privateasr58afkv.privatelink.vaultcore.azure.net")).isTrue();
    assertThat(blob.bypassEntry("cachesa01.blob.core.windows.net"))
        .isEqualTo("cachesa01.privatelink.blob.core.windows.net");
    assertThat(mgn.bypassEntry("mgn.ap-northeast-1.amazonaws.com"))
        .isEqualTo("mgn.ap-northeast-1.amazonaws.com");
  }

  @Test
  void zoneBypassFillsTheRegion() {
    RequiredEndpoint s3 = endpoint("*.s3.<region>.amazonaws.com", "", BypassForm.ZONE);

    assertThat(s3.bypassEntry("bucket.s3.ap-northeast-1.amazonaws.com"))
        .isEqualTo("s3.ap-northeast-1.amazonaws.com");
  }

  @Test
  void oldConstructorDerivesTheBypassForm() {
    var wildcard =
        new RequiredEndpoint("s", "*.vault.azure.net", List.of(443), "", true, "", List.of());
    var exact = new RequiredEndpoint("s", "aka.ms", List.of(443), "", false, null, List.of());

    assertThat(wildcard.bypass()).isEqualTo(BypassForm.PARENT);
    assertThat(exact.bypass()).isEqualTo(BypassForm.NAME);
  }
}
