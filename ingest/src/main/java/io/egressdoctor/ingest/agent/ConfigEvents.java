package io.egressdoctor.ingest.agent;

import io.egressdoctor.core.event.Event;
import io.egressdoctor.core.field.Fields;
import io.egressdoctor.ingest.declarative.EcsValues;
import java.util.Locale;

/** The fields every configuration event of this package has. */
final class ConfigEvents {

  private ConfigEvents() {}

  static Event.Builder builder(String dataset, String source) {
    Event.Builder b = Event.builder(dataset);
    b.set(Fields.CONFIG_SOURCE, source);
    b.add(Fields.EVENT_CATEGORY, "configuration");
    b.add(Fields.EVENT_TYPE, "info");
    b.set(Fields.EVENT_ACTION, "proxy-setting");
    b.set(Fields.CLOUD_PROVIDER, "azure");
    return b;
  }

  /** Bypass entries separated by semicolons, commas or spaces. */
  static void bypass(Event.Builder b, String list) {
    for (String entry : list.split("[;,\\s]+")) {
      EcsValues.put(b, Fields.CONFIG_PROXY_BYPASS, entry);
    }
  }

  /**
   * A key as a field-name suffix: {@code EnableProxyBypassList} becomes {@code
   * enable_proxy_bypass_list}.
   */
  static String snake(String key) {
    String s = key.replaceAll("([a-z0-9])([A-Z])", "$1_$2").replaceAll("[^A-Za-z0-9]+", "_");
    return s.toLowerCase(Locale.ROOT).replaceAll("^_+|_+$", "");
  }
}
