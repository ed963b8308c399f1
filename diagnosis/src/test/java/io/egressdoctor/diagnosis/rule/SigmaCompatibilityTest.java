package io.egressdoctor.diagnosis.rule;

import static org.assertj.core.api.Assertions.assertThat;

import io.egressdoctor.core.event.Event;
import io.egressdoctor.diagnosis.rule.sigma.SigmaRuleLoader;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Rules written the way SigmaHQ writes proxy and CloudTrail rules (Sigma field names, no {@code
 * name}, {@code attack.*} tags) load once they carry a pattern tag, and match our ECS events.
 */
class SigmaCompatibilityTest {

  private static final String PROXY =
      """
      title: Proxy Requests With Suspicious Agent On Replication Port
      id: 3f1b2a4c-5d6e-4f70-8a9b-0c1d2e3f4a5b
      status: experimental
      description: Detects CONNECT requests to port 1500 that the proxy refused.
      references:
          - https://example.org/blog/replication
      author: Someone
      date: 2024-01-01
      modified: 2024-02-01
      tags:
          - attack.command-and-control
          - pattern.replication-port-blocked
      logsource:
          category: proxy
      detection:
          selection:
              cs-method: 'CONNECT'
              c-uri|endswith: ':1500'
              sc-status:
                  - 403
                  - 503
          filter_main_internal:
              c-ip|cidr: '192.168.0.0/16'
          condition: selection and not 1 of filter_main_*
      fields:
          - c-ip
          - cs-host
      falsepositives:
          - Unknown
      level: medium
      """;

  private static final String CLOUDTRAIL =
      """
      title: AWS MGN Agent API Call Denied
      id: 7a8b9c0d-1e2f-4a3b-8c4d-5e6f7a8b9c0d
      status: test
      description: Detects denied MGN agent calls.
      references:
          - https://example.org/blog/mgn
      author: Someone
      date: 2024-01-01
      tags:
          - attack.t1078
          - pattern.agent-api-error
      logsource:
          product: aws
          service: cloudtrail
      detection:
          selection:
              eventSource: 'mgn.amazonaws.com'
              errorCode|startswith: 'AccessDenied'
              userIdentity.type: 'IAMUser'
              sourceIPAddress|cidr: '10.0.0.0/8'
          condition: selection
      falsepositives:
          - Unlikely
      level: high
      """;

  @Test
  void agentHostsOnlyIsABooleanOfQueryRules() {
    List<RuleProblem> problems = new ArrayList<>();
    List<Rule> rules = SigmaRuleLoader.load("a.yml", PROXY + "agent_hosts_only: true\n", problems);
    assertThat(problems).isEmpty();
    assertThat(rules.get(0).meta().agentHostsOnly()).isTrue();
    assertThat(load("b.yml", PROXY).meta().agentHostsOnly()).isFalse();

    SigmaRuleLoader.load("c.yml", PROXY + "agent_hosts_only: yes please\n", problems);
    assertThat(problems)
        .singleElement()
        .asString()
        .contains("c.yml")
        .contains("'agent_hosts_only' must be true or false");
  }

  private static Rule.Detection load(String file, String yaml) {
    List<RuleProblem> problems = new ArrayList<>();
    List<Rule> rules = SigmaRuleLoader.load(file, yaml, problems);
    assertThat(problems).isEmpty();
    return (Rule.Detection) rules.get(0);
  }

  @Test
  void aProxyRuleInSigmaNamesMatchesSquidEvents(@TempDir Path dir) throws IOException {
    Rule.Detection rule = load("rules/proxy_connect_replication_port.yml", PROXY);
    assertThat(rule.meta().name()).isEqualTo("proxy_connect_replication_port");
    assertThat(rule.meta().fields()).containsExactly("source.ip", "destination.domain");
    try (TestIndex t = new TestIndex(dir)) {
      t.add(
          b -> proxy(b, "10.20.1.5", "198.51.100.7:1500", 403),
          b -> proxy(b, "192.168.1.5", "198.51.100.7:1500", 403),
          b -> proxy(b, "10.20.1.5", "198.51.100.7:443", 403),
          b -> proxy(b, "10.20.1.5", "198.51.100.7:1500", 200));
      assertThat(t.index.count(rule.query())).isEqualTo(1);
    }
  }

  private static void proxy(Event.Builder b, String client, String url, long status) {
    b.set("observer.type", "proxy")
        .set("http.request.method", "CONNECT")
        .set("source.ip", client)
        .set("url.original", url)
        .set("http.response.status_code", status);
  }

  @Test
  void aCloudTrailRuleInNativeNamesMatchesCloudTrailEvents(@TempDir Path dir) throws IOException {
    Rule.Detection rule = load("rules/aws_mgn_agent_denied.yml", CLOUDTRAIL);
    try (TestIndex t = new TestIndex(dir)) {
      try (var w = t.index.openWriter()) {
        w.add("a", cloudtrail("AccessDeniedException", "10.20.1.5"));
        w.add("b", cloudtrail("AccessDeniedException", "198.51.100.9"));
        w.add("c", cloudtrail(null, "10.20.1.5"));
        w.commit(List.of());
      }
      assertThat(t.index.count(rule.query())).isEqualTo(1);
    }
  }

  private static Event cloudtrail(String error, String ip) {
    Event.Builder b =
        Event.builder("aws.cloudtrail")
            .set("event.provider", "mgn.amazonaws.com")
            .set("event.action", "SendClientLogsForMgn")
            .set("aws.cloudtrail.user_identity.type", "IAMUser")
            .set("source.ip", ip);
    if (error != null) {
      b.set("error.code", error);
    }
    return b.build();
  }
}
