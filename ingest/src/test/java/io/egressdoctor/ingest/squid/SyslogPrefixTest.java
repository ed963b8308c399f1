package io.egressdoctor.ingest.squid;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SyslogPrefixTest {

  @Test
  void readsBsdHeadersWithAndWithoutPriorityAndPid() {
    SyslogPrefix p =
        SyslogPrefix.of("<150>Nov  5 09:01:02 proxy01 squid[2114]: 1795569300.120 rest");
    assertThat(p).isEqualTo(new SyslogPrefix("proxy01", "squid", 2114, "1795569300.120 rest"));
    assertThat(SyslogPrefix.of("Nov 25 10:15:02 proxy01 squid: msg"))
        .isEqualTo(new SyslogPrefix("proxy01", "squid", -1, "msg"));
  }

  @Test
  void readsRsyslogIsoTimestampsAndRfc5424() {
    assertThat(SyslogPrefix.of("2026-11-25T10:15:03.456789+09:00 proxy02 squid[3321]: msg"))
        .isEqualTo(new SyslogPrefix("proxy02", "squid", 3321, "msg"));
    assertThat(SyslogPrefix.of("<150>1 2026-11-25T01:15:04Z proxy02 squid 3321 - [a b=\"c]\"] msg"))
        .isEqualTo(new SyslogPrefix("proxy02", "squid", 3321, "msg"));
    assertThat(SyslogPrefix.of("<150>1 2026-11-25T01:15:04Z - squid - - - msg"))
        .isEqualTo(new SyslogPrefix(null, "squid", -1, "msg"));
  }

  @Test
  void aLineWithoutHeaderHasNone() {
    assertThat(
            SyslogPrefix.of(
                "1795569300.120    310 10.20.1.15 TCP_TUNNEL/200 0 CONNECT a:443 - HIER_NONE/- -"))
        .isNull();
    assertThat(SyslogPrefix.of("")).isNull();
  }
}
