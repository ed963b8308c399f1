package io.egressdoctor.ingest.squid;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class SquidConfTest {

  @Test
  void readsLogformatsWithContinuationsAndBothAccessLogSyntaxes() {
    SquidConf conf =
        SquidConf.parse(
            "squid.conf",
            """
            # logformat commented %ts
            logformat first %ts.%03tu %>a \\
                %ru
            logformat second %>a %ru
            access_log daemon:/var/log/squid/second.log logformat=second buffer-size=64KB localnet
            access_log /var/log/squid/first.log first
            access_log /var/log/squid/access.log
            access_log none
            """);
    assertThat(conf.logformats())
        .extracting(SquidLogformat::name)
        .containsExactly("first", "second");
    assertThat(conf.logformats().get(0).definition()).isEqualTo("%ts.%03tu %>a %ru");
    assertThat(conf.accessLogs())
        .extracting(SquidConf.AccessLog::format)
        .containsExactly("second", "first", "squid");
    assertThat(conf.formats())
        .extracting(SquidLogformatFormat::name)
        .containsExactly("squid-second", "squid-first");
  }

  @Test
  void aRedefinedPredefinedNameDoesNotClashWithTheBuiltInFormat() {
    SquidConf conf = SquidConf.parse("c", "logformat combined %>a %ru\n");
    assertThat(conf.formats())
        .extracting(SquidLogformatFormat::name)
        .containsExactly("squid-custom-combined");
  }

  @Test
  void aBadLogformatNamesTheFileAndLine() {
    assertThatThrownBy(() -> SquidConf.parse("proxy.conf", "http_port 3128\nlogformat broken\n"))
        .hasMessageStartingWith("proxy.conf:2: ");
  }

  @Test
  void aLogformatOnTheCommandLineMayBeTheWholeDirectiveOrJustTheFormat() {
    assertThat(SquidConf.logformatLine("logformat mine %>a %ru").name()).isEqualTo("mine");
    assertThat(SquidConf.logformatLine("%>a %ru").name()).isEqualTo("custom");
  }
}
