package io.egressdoctor.ingest.squid;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.egressdoctor.core.event.Event;
import io.egressdoctor.ingest.squid.LogformatToken.Code;
import io.egressdoctor.ingest.squid.LogformatToken.Literal;
import io.egressdoctor.ingest.squid.LogformatToken.Quoting;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

class SquidLogformatTest {

  @Test
  void splitsCodesWithWidthsQuotingAndArguments() {
    SquidLogformat f = SquidLogformat.parse("t", "%ts.%03tu %6tr %\"{User-Agent}>h [%tl] 100%%");
    assertThat(f.tokens())
        .containsExactly(
            new Code("ts", null, Quoting.DEFAULT, 0, true),
            new Literal("."),
            new Code("tu", null, Quoting.DEFAULT, 3, true),
            new Literal(" "),
            new Code("tr", null, Quoting.DEFAULT, 6, true),
            new Literal(" "),
            new Code(">h", "User-Agent", Quoting.QUOTED, 0, true),
            new Literal(" ["),
            new Code("tl", null, Quoting.DEFAULT, 0, true),
            new Literal("] 100%"));
  }

  @Test
  void readsCodesLongestFirstAndKeepsUnknownOnes() {
    SquidLogformat f = SquidLogformat.parse("t", "%>Hs %<st %ssl::>sni %>eui %brand_new_code:%Ss");
    assertThat(f.codes())
        .extracting(Code::code)
        .containsExactly(">Hs", "<st", "ssl::>sni", ">eui", "brand_new_code", "Ss");
    assertThat(f.codes())
        .extracting(Code::known)
        .containsExactly(true, true, true, true, false, true);
  }

  @Test
  void rejectsADefinitionWithoutCodesOrWithABarePercent() {
    assertThatThrownBy(() -> SquidLogformat.parse("t", "just text"))
        .hasMessageContaining("no % format code");
    assertThatThrownBy(() -> SquidLogformat.parse("t", "%ts %")).hasMessageContaining("'%'");
  }

  @Test
  void theNativeDefinitionReadsNativeLinesLikeTheNativeParser() {
    SquidLogformatMatcher m =
        new SquidLogformatMatcher(
            SquidLogformat.parse("squid", SquidLogformat.NATIVE), "squid", ZoneId.of("UTC"));
    for (String line : new SquidNativeAccessLogFormat().sampleLines()) {
      Event.Builder viaFormat = Event.builder("squid.access");
      Event.Builder viaNative = Event.builder("squid.access");
      assertThat(m.parse(line, viaFormat)).isNull();
      assertThat(SquidNativeAccessLogParser.parse(line, viaNative)).isNull();
      assertThat(viaFormat.build().fields()).isEqualTo(viaNative.build().fields());
      assertThat(viaFormat.build().timestamp()).isEqualTo(viaNative.build().timestamp());
    }
  }

  @Test
  void checksValuesByCodeSoThatOtherFormatsAreRejected() {
    SquidLogformatMatcher common =
        new SquidLogformatMatcher(
            SquidLogformat.parse("common", SquidLogformat.COMMON), "c", ZoneId.of("UTC"));
    String combined = new SquidFormatProvider().formats().get(2).sampleLines().get(0);
    assertThat(common.parse(combined, Event.builder("x"))).startsWith("bad %Ss value");
    assertThat(
            common.parse(
                "10.0.0.1 - - [not a time] \"GET / HTTP/1.1\" 200 1 A:B", Event.builder("x")))
        .startsWith("bad %tl value");
  }

  @Test
  void aTimeWithoutZoneIsReadInTheGivenZone() {
    StrftimePattern p = new StrftimePattern("%Y-%m-%d %H:%M:%S", ZoneId.of("Asia/Tokyo"));
    assertThat(p.spaces()).isEqualTo(1);
    assertThat(p.parse("2026-11-25 10:15:00")).isEqualTo(1795569300000L);
    StrftimePattern zoned = new StrftimePattern(StrftimePattern.SQUID_DEFAULT, ZoneId.of("UTC"));
    assertThat(zoned.parse("25/Nov/2026:10:15:00 +0900")).isEqualTo(1795569300000L);
    assertThat(zoned.parse("25/Xyz/2026:10:15:00 +0900")).isEqualTo(Long.MIN_VALUE);
  }
}
