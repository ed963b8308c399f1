package io.egressdoctor.diagnosis.crosssource;

import static io.egressdoctor.diagnosis.crosssource.Fixtures.RULE;
import static org.assertj.core.api.Assertions.assertThat;

import io.egressdoctor.core.index.EventIndex;
import io.egressdoctor.core.reference.ReferenceData;
import io.egressdoctor.diagnosis.AnalysisContext;
import io.egressdoctor.diagnosis.CrossSourceAnalyzer;
import io.egressdoctor.diagnosis.finding.Finding;
import io.egressdoctor.diagnosis.finding.Level;
import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** One outage is one outage; redundancy counts only known providers; a blip is not a cut. */
class VpnJudgementTest {

  @TempDir Path dir;

  private static List<Finding> run(CrossSourceAnalyzer analyzer, EventIndex index)
      throws IOException {
    return analyzer.analyze(
        new AnalysisContext(index, ReferenceData.empty(), Fixtures.catalog(), null),
        RULE,
        Map.of());
  }

  private static Map<String, Object> aws(String ip, String state) {
    Map<String, Object> f = new LinkedHashMap<>();
    f.put("vpn.provider", "aws");
    f.put("vpn.connection.id", "vpn-0b2c3d4e5f6a7b8c9");
    f.put("vpn.tunnel.outside_ip", ip);
    f.put("vpn.tunnel.state", state);
    return f;
  }

  private static Map<String, Object> strongSwan(String conn, String state) {
    Map<String, Object> f = new LinkedHashMap<>();
    f.put("host.name", "vpngw01");
    f.put("vpn.connection.id", conn);
    f.put("vpn.tunnel.state", state);
    return f;
  }

  private static Map<String, Object> agent(String level, String message) {
    return Map.of(
        "mgn.component", "agent", "host.name", "app01", "log.level", level, "message", message);
  }

  @Test
  void manyLinesOfOneOutageAreOneOutageAndTwoOutagesAreNotFlapping() throws IOException {
    TestIndex t = new TestIndex(dir);
    t.event("vpn.aws", "t1.log", "2026-09-20T09:00:00Z", aws("203.0.113.31", "up"));
    for (String s : List.of("10:00:00", "10:00:01", "10:00:30", "10:01:00")) {
      t.event("vpn.aws", "t1.log", "2026-09-20T" + s + "Z", aws("203.0.113.31", "down"));
    }
    t.event("vpn.aws", "t1.log", "2026-09-20T10:03:00Z", aws("203.0.113.31", "up"));
    t.event("vpn.aws", "t1.log", "2026-09-20T10:30:00Z", aws("203.0.113.31", "down"));
    t.event("vpn.aws", "t1.log", "2026-09-20T10:30:40Z", aws("203.0.113.31", "up"));
    EventIndex index = t.commit();
    assertThat(run(new VpnTunnelFlappingAnalyzer(), index)).isEmpty();
  }

  @Test
  void threeSeparateOutagesInAnHourAreFlapping() throws IOException {
    TestIndex t = new TestIndex(dir);
    for (String m : List.of("00", "15", "30")) {
      t.event("vpn.aws", "t1.log", "2026-09-20T10:" + m + ":00Z", aws("203.0.113.31", "down"));
      t.event("vpn.aws", "t1.log", "2026-09-20T10:" + m + ":05Z", aws("203.0.113.31", "down"));
      t.event("vpn.aws", "t1.log", "2026-09-20T10:" + m + ":40Z", aws("203.0.113.31", "up"));
    }
    List<Finding> findings = run(new VpnTunnelFlappingAnalyzer(), t.commit());
    assertThat(findings).hasSize(1);
    assertThat(findings.get(0).summary()).contains("went down 3 separate times");
    assertThat(findings.get(0).entities().get("vpn.tunnel.outside_ip"))
        .containsExactly("203.0.113.31");
  }

  @Test
  void oneTunnelDroppingWhileItsSiblingStaysUpIsRedundancyWorking() throws IOException {
    EventIndex index =
        new TestIndex(dir)
            .event("vpn.aws", "t1.log", "2026-09-20T09:00:00Z", aws("203.0.113.31", "up"))
            .event("vpn.aws", "t2.log", "2026-09-20T09:00:00Z", aws("203.0.113.32", "up"))
            .event("vpn.aws", "t1.log", "2026-09-20T10:00:00Z", aws("203.0.113.31", "down"))
            .event("mgn.agent", "agent.log.0", "2026-09-20T10:00:30Z", agent("warn", "lag=12s"))
            .event("vpn.aws", "t1.log", "2026-09-20T10:02:00Z", aws("203.0.113.31", "up"))
            .commit();
    assertThat(run(new VpnFailoverOutageAnalyzer(), index)).isEmpty();
    assertThat(run(new VpnTunnelRedundancyAnalyzer(), index)).isEmpty();
  }

  @Test
  void noTunnelUpAndTheAgentDisconnectsIsAnOutage() throws IOException {
    EventIndex index =
        new TestIndex(dir)
            .event("vpn.aws", "t1.log", "2026-09-20T09:00:00Z", aws("203.0.113.31", "up"))
            .event("vpn.aws", "t2.log", "2026-09-20T09:00:00Z", aws("203.0.113.32", "up"))
            .event("vpn.aws", "t1.log", "2026-09-20T10:00:00Z", aws("203.0.113.31", "down"))
            .event("vpn.aws", "t2.log", "2026-09-20T10:00:02Z", aws("203.0.113.32", "down"))
            .event(
                "mgn.agent",
                "agent.log.0",
                "2026-09-20T10:00:30Z",
                agent("warn", "Replication server disconnected, reconnecting"))
            .event("vpn.aws", "t1.log", "2026-09-20T10:02:00Z", aws("203.0.113.31", "up"))
            .commit();
    List<Finding> findings = run(new VpnFailoverOutageAnalyzer(), index);
    assertThat(findings).hasSize(1);
    assertThat(findings.get(0).level()).isEqualTo(Level.HIGH);
    assertThat(findings.get(0).entities().get("vpn.connection.id"))
        .containsExactly("vpn-0b2c3d4e5f6a7b8c9");
  }

  @Test
  void aStrongSwanLogIsNotAnAwsConnection() throws IOException {
    EventIndex index =
        new TestIndex(dir)
            .event("vpn.strongswan", "charon.log", "2026-09-20T09:00:00Z", strongSwan("a", "up"))
            .event("vpn.strongswan", "charon.log", "2026-09-20T09:00:40Z", strongSwan("b", "down"))
            .commit();
    assertThat(run(new VpnTunnelRedundancyAnalyzer(), index)).isEmpty();
  }

  @Test
  void aCustomerSideTunnelDownWithNothingElseUpCutsTheAgent() throws IOException {
    EventIndex index =
        new TestIndex(dir)
            .event("vpn.strongswan", "charon.log", "2026-09-21T02:00:00Z", strongSwan("dc", "up"))
            .event("vpn.strongswan", "charon.log", "2026-09-21T02:30:10Z", strongSwan("dc", "down"))
            .event(
                "mgn.agent",
                "agent.log.0",
                "2026-09-21T02:31:05Z",
                agent("error", "Lost connection to replication server: connection reset by peer"))
            .event("vpn.strongswan", "charon.log", "2026-09-21T02:33:40Z", strongSwan("dc", "up"))
            .commit();
    List<Finding> findings = run(new VpnFailoverOutageAnalyzer(), index);
    assertThat(findings).hasSize(1);
    assertThat(findings.get(0).summary()).contains("tunnels of vpngw01");
  }
}
