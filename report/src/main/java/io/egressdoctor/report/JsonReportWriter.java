package io.egressdoctor.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.egressdoctor.core.reference.ReferenceSet;
import io.egressdoctor.diagnosis.InputFileSummary;
import io.egressdoctor.diagnosis.Inputs;
import io.egressdoctor.diagnosis.agent.AgentEvidence;
import io.egressdoctor.diagnosis.agent.AgentHost;
import io.egressdoctor.diagnosis.agent.AgentIdentity;
import io.egressdoctor.diagnosis.agent.AgentPrincipal;
import io.egressdoctor.diagnosis.finding.Evidence;
import io.egressdoctor.diagnosis.finding.Finding;
import io.egressdoctor.diagnosis.finding.Level;
import io.egressdoctor.diagnosis.finding.RuleRef;
import io.egressdoctor.diagnosis.matrix.DetectedService;
import io.egressdoctor.diagnosis.matrix.EndpointRow;
import io.egressdoctor.diagnosis.timeline.Timeline;
import java.io.IOException;
import java.time.Instant;
import java.util.List;

/**
 * Writes a report as JSON following {@code docs/report-schema.json}. Names are stable within a
 * {@link Report#SCHEMA_VERSION}; times are UTC ISO-8601 instants; absent times are null.
 */
public final class JsonReportWriter implements ReportWriter {

  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
  private static final ObjectMapper MAPPER =
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  @Override
  public void write(Report r, Appendable out) throws IOException {
    out.append(MAPPER.writeValueAsString(toJson(r))).append('\n');
  }

  /** The report as a JSON tree. */
  public static ObjectNode toJson(Report r) {
    ObjectNode root = NODES.objectNode();
    root.put("schema_version", r.schemaVersion());
    root.put("generated_at", r.generatedAt().toString());
    root.put("time_zone", r.zone().getId());
    root.put("redaction", r.redaction());
    root.set("verdict", verdict(r));
    root.set("agents", agents(r.agents()));
    ArrayNode findings = root.putArray("findings");
    for (int i = 0; i < r.findings().size(); i++) {
      findings.add(finding(r, i));
    }
    ArrayNode services = root.putArray("services");
    for (DetectedService s : r.services()) {
      ObjectNode o = services.addObject();
      o.put("service", s.service());
      strings(o.putArray("regions"), s.regions());
      strings(o.putArray("reasons"), s.reasons());
    }
    ArrayNode endpoints = root.putArray("endpoints");
    r.endpoints().forEach(e -> endpoints.add(endpoint(e)));
    root.set("timeline", timeline(r.timeline()));
    root.set("inputs", inputs(r.inputs()));
    return root;
  }

  private static ObjectNode verdict(Report r) {
    ObjectNode v = NODES.objectNode();
    Level worst = r.worstLevel();
    if (worst == null) {
      v.putNull("worst_level");
    } else {
      v.put("worst_level", worst.label());
    }
    v.put("finding_count", r.findings().size());
    ObjectNode counts = v.putObject("counts");
    for (Level level : ReportText.levelsDescending()) {
      counts.put(level.label(), r.findings(level).size());
    }
    v.put("headline", ReportText.headline(r));
    v.set("completeness", completeness(r.completeness()));
    ArrayNode top = v.putArray("top");
    for (Finding f : r.verdict()) {
      ObjectNode o = top.addObject();
      o.put("finding", r.findings().indexOf(f));
      o.put("level", f.level().label());
      o.put("rule", f.rule().name());
      o.put("line", ReportText.verdictLine(f, 200));
    }
    return v;
  }

  /** Who the agent is, as the report's {@code agents} object (also the shell's agents --json). */
  public static ObjectNode agents(AgentIdentity agents) {
    ObjectNode o = NODES.objectNode();
    o.put("identified", !agents.isEmpty());
    o.put("note", String.join(" ", AgentSection.note(agents)));
    ArrayNode hosts = o.putArray("hosts");
    for (AgentHost h : agents.hosts().values()) {
      ObjectNode ho = hosts.addObject();
      ho.put("address", h.address());
      ArrayNode roles = ho.putArray("roles");
      h.roles().stream()
          .sorted()
          .forEach(role -> roles.add(role.name().toLowerCase(java.util.Locale.ROOT)));
      ho.put("what", String.join(", ", h.roleLabels()));
      strings(ho.putArray("aliases"), h.aliases());
      ho.put("shared", h.shared());
      time(ho, "first_seen", h.firstSeen());
      time(ho, "last_seen", h.lastSeen());
      agentEvidence(ho.putArray("evidence"), h.evidence());
    }
    ArrayNode principals = o.putArray("principals");
    for (AgentPrincipal p : agents.principals().values()) {
      ObjectNode po = principals.addObject();
      po.put("id", p.id());
      po.put("kind", p.kind().equals(AgentPrincipal.ACCESS_KEY) ? "access_key" : "iam_principal");
      po.put("what", p.kind());
      strings(po.putArray("addresses"), p.addresses());
      agentEvidence(po.putArray("evidence"), p.evidence());
    }
    agentEvidence(o.putArray("unnamed_files"), agents.unnamedFiles());
    return o;
  }

  private static void agentEvidence(ArrayNode array, List<AgentEvidence> list) {
    for (AgentEvidence e : list) {
      ObjectNode eo = array.addObject();
      eo.put("reason", e.reason());
      eo.put("file", e.file());
      eo.put("line", e.line());
      eo.put("call", e.call());
      eo.put("location", e.location());
    }
  }

  private static ObjectNode completeness(Completeness c) {
    ObjectNode o = NODES.objectNode();
    o.put("complete", c.complete());
    o.put("summary", c.summary());
    o.put("files_read", c.filesRead());
    o.put("files_not_read", c.filesNotRead());
    o.put("files_skipped", c.filesSkipped());
    o.put("lines_rejected", c.linesRejected());
    o.put("rejected_share_limit", InputFileSummary.REJECTED_SHARE_LIMIT);
    ArrayNode gaps = o.putArray("gaps");
    for (Completeness.Gap g : c.gaps()) {
      ObjectNode go = gaps.addObject();
      go.put("path", g.path());
      go.put("problem", g.problem());
      go.put("remedy", g.remedy());
    }
    return o;
  }

  private static ObjectNode finding(Report r, int index) {
    Finding f = r.findings().get(index);
    ObjectNode o = NODES.objectNode();
    o.put("index", index);
    o.set("rule", rule(f.rule()));
    o.put("level", f.level().label());
    o.put("pattern", f.pattern());
    o.put("summary", f.summary());
    ObjectNode entities = o.putObject("entities");
    f.entities().forEach((k, v) -> strings(entities.putArray(k), v));
    o.put("fix", f.fix());
    ArrayNode evidence = o.putArray("evidence");
    for (Evidence e : f.evidence()) {
      ObjectNode ev = evidence.addObject();
      ev.put("file", e.file());
      ev.put("line", e.line());
      ev.put("original", e.original());
      time(ev, "timestamp", e.timestamp());
      ev.put("dataset", e.dataset());
      ev.put("note", e.note());
      int bucket = r.timeline().bucketOf(e.timestamp());
      if (bucket >= 0) {
        ev.put("timeline_bucket", bucket);
      } else {
        ev.putNull("timeline_bucket");
      }
    }
    o.put("evidence_total", f.evidenceTotal());
    strings(o.putArray("references"), f.references());
    time(o, "first_seen", f.firstSeen());
    time(o, "last_seen", f.lastSeen());
    return o;
  }

  private static ObjectNode rule(RuleRef rule) {
    ObjectNode o = NODES.objectNode();
    o.put("id", rule.id());
    o.put("name", rule.name());
    o.put("title", rule.title());
    return o;
  }

  private static ObjectNode endpoint(EndpointRow e) {
    ObjectNode o = NODES.objectNode();
    o.put("service", e.service());
    o.put("host", e.host());
    ArrayNode ports = o.putArray("ports");
    e.ports().forEach(ports::add);
    o.put("purpose", e.purpose());
    o.put("worst", e.worst().jsonName());
    ObjectNode shows = o.putObject("shows");
    e.observations().forEach((k, v) -> shows.put(k.jsonName(), v));
    strings(o.putArray("names_seen"), e.namesSeen());
    o.put("private", e.privacy().jsonName());
    o.put("private_endpoint", e.privateEndpoint());
    return o;
  }

  private static ObjectNode timeline(Timeline t) {
    ObjectNode o = NODES.objectNode();
    time(o, "start", t.start());
    o.put("bucket_seconds", t.bucket().toMillis() / 1000.0);
    o.put("buckets", t.buckets());
    ArrayNode series = o.putArray("series");
    for (Timeline.Series s : t.series()) {
      ObjectNode so = series.addObject();
      so.put("dataset", s.dataset());
      ArrayNode counts = so.putArray("counts");
      s.counts().forEach(counts::add);
      so.put("total", s.total());
    }
    ArrayNode markers = o.putArray("markers");
    for (Timeline.Marker m : t.markers()) {
      ObjectNode mo = markers.addObject();
      mo.put("finding", m.finding());
      mo.put("bucket", m.bucket());
      time(mo, "time", m.time());
    }
    return o;
  }

  private static ObjectNode inputs(Inputs in) {
    ObjectNode o = NODES.objectNode();
    ArrayNode files = o.putArray("files");
    for (InputFileSummary f : in.files()) {
      ObjectNode fo = files.addObject();
      fo.put("path", f.path());
      fo.put("format", f.format());
      fo.put("events", f.events());
      fo.put("rejected", f.rejected());
      fo.put("lines", f.lines());
      fo.put("state", f.state().label());
      strings(fo.putArray("reasons"), f.reasons());
      time(fo, "first_seen", f.firstSeen());
      time(fo, "last_seen", f.lastSeen());
      fo.put("complete", f.complete());
    }
    ArrayNode reference = o.putArray("reference");
    for (ReferenceSet s : in.reference()) {
      ObjectNode so = reference.addObject();
      so.put("name", s.name());
      so.put("kind", s.kind());
      so.put("path", s.path());
      so.put("entries", s.entries());
    }
    ArrayNode rules = o.putArray("rules");
    in.rules().forEach(rule -> rules.add(rule(rule)));
    return o;
  }

  private static void time(ObjectNode o, String name, Instant t) {
    if (t == null) {
      o.putNull(name);
    } else {
      o.put(name, t.toString());
    }
  }

  private static void strings(ArrayNode array, List<String> values) {
    values.forEach(array::add);
  }
}
