package io.egressdoctor.core.net;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class IpAddressesTest {

  @Test
  void parsesLiteralsOnly() {
    assertThat(IpAddresses.canonical("10.0.0.1")).contains("10.0.0.1");
    assertThat(IpAddresses.canonical("2001:0db8:0000:0000:0000:0000:0000:0001"))
        .contains("2001:db8::1");
    assertThat(IpAddresses.canonical("::1")).contains("::1");
    assertThat(IpAddresses.canonical("[::1]")).contains("::1");
    assertThat(IpAddresses.canonical("2001:db8:0:1:0:0:0:1")).contains("2001:db8:0:1::1");
    assertThat(IpAddresses.parse("example.com")).isEmpty();
    assertThat(IpAddresses.parse("256.1.1.1")).isEmpty();
    assertThat(IpAddresses.parse("1.2.3")).isEmpty();
    assertThat(IpAddresses.parse("1.2.3.4.5")).isEmpty();
    assertThat(IpAddresses.parse("")).isEmpty();
    assertThat(IpAddresses.parse("-")).isEmpty();
    assertThat(IpAddresses.parse("dead:beef:zz::1")).isEmpty();
  }

  @Test
  void cidrContainsAndNormalises() {
    Cidr c = Cidr.parse("10.1.2.3/8").orElseThrow();
    assertThat(c).hasToString("10.0.0.0/8");
    assertThat(c.contains(IpAddresses.parse("10.255.0.1").orElseThrow())).isTrue();
    assertThat(c.contains(IpAddresses.parse("11.0.0.1").orElseThrow())).isFalse();
    assertThat(c.contains(IpAddresses.parse("::1").orElseThrow())).isFalse();
    Cidr v6 = Cidr.parse("2001:db8::/33").orElseThrow();
    assertThat(v6.contains(IpAddresses.parse("2001:db8:7fff::1").orElseThrow())).isTrue();
    assertThat(v6.contains(IpAddresses.parse("2001:db8:8000::1").orElseThrow())).isFalse();
    assertThat(IpAddresses.format(Cidr.parse("192.168.0.0/22").orElseThrow().lastAddress()))
        .isEqualTo("192.168.3.255");
    assertThat(Cidr.parse("10.0.0.0/33")).isEmpty();
    assertThat(Cidr.parse("10.0.0.0/x")).isEmpty();
    assertThat(Cidr.parse("1.2.3.4").orElseThrow().prefixLength()).isEqualTo(32);
  }
}
