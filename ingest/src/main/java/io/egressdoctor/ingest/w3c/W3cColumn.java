package io.egressdoctor.ingest.w3c;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The W3C field identifiers egress-doctor maps to ECS fields, each with the names products give it
 * and the kind of value it holds; any other field is kept as a {@code labels.*} value.
 */
enum W3cColumn {
  DATE(Kind.DATE, "date"),
  TIME(Kind.TIME, "time", "gmttime"),
  DATE_LOCAL(Kind.DATE, "date-local"),
  TIME_LOCAL(Kind.TIME, "time-local", "localtime"),
  /** Cisco WSA's {@code timestamp}: seconds since the epoch with milliseconds. */
  EPOCH(Kind.EPOCH, "timestamp", "x-timestamp-unix"),
  CLIENT_IP(Kind.ADDRESS, "c-ip"),
  CLIENT_PORT(Kind.NUMBER, "c-port"),
  SERVER_IP(Kind.ADDRESS, "s-ip"),
  SERVER_PORT(Kind.NUMBER, "s-port"),
  USER(Kind.ANY, "cs-username", "cs-userdn", "cs-user"),
  METHOD(Kind.METHOD, "cs-method", "s-operation"),
  URI(Kind.ANY, "cs-uri", "cs-url", "cs-uri-host-path"),
  URI_SCHEME(Kind.ANY, "cs-uri-scheme"),
  HOST(Kind.ANY, "cs-host", "r-host", "cs-uri-host", "cs(host)"),
  URI_PORT(Kind.NUMBER, "cs-uri-port", "r-port"),
  URI_PATH(Kind.ANY, "cs-uri-path", "cs-uri-stem"),
  URI_QUERY(Kind.ANY, "cs-uri-query"),
  PROXY_ACTION(Kind.ANY, "s-action", "x-result-code"),
  /** Incapsula's and other gateways' verdict on the request (REQ_PASSED, REQ_BLOCKED...). */
  ACTION(Kind.ANY, "sc-action", "action", "x-action"),
  FILTER_RESULT(Kind.ANY, "sc-filter-result"),
  EXCEPTION_ID(Kind.ANY, "x-exception-id"),
  CATEGORIES(Kind.ANY, "cs-categories", "cs-category", "x-webcat-code-full", "sc-filter-category"),
  STATUS(Kind.NUMBER, "sc-status"),
  /** Cisco WSA: the result code and status together, {@code TCP_DENIED/403}. */
  RESULT_STATUS(Kind.ANY, "x-resultcode-httpstatus"),
  SC_BYTES(Kind.NUMBER, "sc-bytes", "bytessent", "bytes-sent"),
  CS_BYTES(Kind.NUMBER, "cs-bytes", "bytesrecv", "bytes-received"),
  TIME_TAKEN_MS(Kind.NUMBER, "time-taken", "timetakenms", "x-elapsed-time"),
  USER_AGENT(Kind.ANY, "cs(user-agent)", "c-agent", "cs-user-agent"),
  REFERRER(Kind.ANY, "cs(referer)", "cs(referrer)", "cs-referred", "cs-referer"),
  CONTENT_TYPE(Kind.ANY, "rs(content-type)", "cs-mime-type", "cs-mime", "sc(content-type)"),
  /** The server the proxy connected to. */
  REMOTE_IP(Kind.ADDRESS, "r-ip", "s-supplier-ip", "r-supplier-ip"),
  /** Cisco WSA: how the request left, {@code DIRECT/host} or {@code DEFAULT_PARENT/proxy}. */
  HIERARCHY(Kind.ANY, "x-hierarchy-origin", "s-hierarchy"),
  FORWARDED_FOR(
      Kind.ADDRESS_LIST,
      "x-forwarded-for",
      "cs(x-forwarded-for)",
      "s-xff",
      "originalip",
      "x-client-ip"),
  HTTP_VERSION(Kind.ANY, "cs-version"),
  TLS_VERSION(Kind.ANY, "x-rs-connection-negotiated-ssl-version"),
  TLS_SERVER_NAME(Kind.ANY, "x-rs-certificate-hostname", "x-cs-ssl-sni", "x-sni"),
  OBSERVER_NAME(Kind.ANY, "x-bluecoat-appliance-name", "s-computername", "s-hostname"),
  POLICY(Kind.ANY, "x-acltag", "cs-rule", "s-rulename"),
  SUBSTATUS(Kind.NUMBER, "sc-substatus"),
  WIN32_STATUS(Kind.NUMBER, "sc-win32-status");

  /** What a column's values look like; rows of a guessed layout must fit. */
  enum Kind {
    DATE,
    TIME,
    EPOCH,
    NUMBER,
    ADDRESS,
    ADDRESS_LIST,
    METHOD,
    ANY
  }

  private static final Map<String, W3cColumn> BY_NAME = new HashMap<>();

  static {
    for (W3cColumn c : values()) {
      for (String n : c.names) {
        BY_NAME.put(n, c);
      }
    }
  }

  private final Kind kind;
  private final String[] names;

  W3cColumn(Kind kind, String... names) {
    this.kind = kind;
    this.names = names;
  }

  Kind kind() {
    return kind;
  }

  /** The column a field identifier names (case does not matter), or null. */
  static W3cColumn of(String fieldName) {
    return BY_NAME.get(fieldName.toLowerCase(Locale.ROOT));
  }
}
