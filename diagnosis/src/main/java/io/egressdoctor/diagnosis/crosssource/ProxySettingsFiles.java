package io.egressdoctor.diagnosis.crosssource;

import static io.egressdoctor.core.query.Queries.and;
import static io.egressdoctor.core.query.Queries.exists;
import static io.egressdoctor.core.query.Queries.or;
import static io.egressdoctor.core.query.Queries.term;

import io.egressdoctor.core.field.Fields;
import io.egressdoctor.core.index.IndexedEvent;
import io.egressdoctor.core.query.EventQuery;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Proxy settings gathered per file: one file (appliance.json, ProxyInfo.conf, a {@code netsh} or
 * {@code reg query} output) is one place a proxy is configured, whatever events it was read as.
 */
final class ProxySettingsFiles {

  /**
   * The settings of one file.
   *
   * @param file its {@code log.file.path}
   * @param events the query for its settings events
   * @param proxy the proxy URLs it sets
   * @param switchedOff whether it says the proxy is off ({@code config.proxy.enabled: false})
   * @param bypass its bypass entries
   * @param bypassDisabled whether it says its bypass list is not honoured
   * @param sources what the settings were read from ({@code config.source})
   */
  record Settings(
      String file,
      EventQuery events,
      List<String> proxy,
      boolean switchedOff,
      List<String> bypass,
      boolean bypassDisabled,
      List<String> sources) {

    /** Whether traffic goes to a proxy under these settings. */
    boolean proxied() {
      return !proxy.isEmpty() && !switchedOff;
    }
  }

  private ProxySettingsFiles() {}

  /** The settings events matching {@code filter}, per file, at most 200 files. */
  static List<Settings> read(Searches s, EventQuery filter) throws IOException {
    String url = Fields.CONFIG_PROXY_URL.name();
    String bypass = Fields.CONFIG_PROXY_BYPASS.name();
    String enabled = Fields.CONFIG_PROXY_ENABLED.name();
    String bypassEnabled = Fields.CONFIG_PROXY_BYPASS_ENABLED.name();
    EventQuery settings =
        s.within(filter, or(exists(url), exists(bypass), exists(enabled), exists(bypassEnabled)));
    List<Settings> out = new ArrayList<>();
    for (String file : s.index().distinct(Fields.LOG_FILE_PATH.name(), settings, 200)) {
      EventQuery inFile = and(settings, term(Fields.LOG_FILE_PATH.name(), file));
      out.add(
          new Settings(
              file,
              inFile,
              s.index().distinct(url, inFile, 20),
              s.count(and(inFile, term(enabled, "false"))) > 0,
              s.index().distinct(bypass, inFile, 1000),
              s.count(and(inFile, term(bypassEnabled, "false"))) > 0,
              s.index().distinct(Fields.CONFIG_SOURCE.name(), inFile, 10)));
    }
    return out;
  }

  /** Shows up to {@code max} events of the settings with the note. */
  static void show(Searches s, Settings settings, EvidenceList evidence, int max, String note)
      throws IOException {
    evidence.count(s.count(settings.events()));
    for (IndexedEvent e : s.index().search(settings.events(), Math.max(0, max))) {
      evidence.show(e, note);
    }
  }
}
