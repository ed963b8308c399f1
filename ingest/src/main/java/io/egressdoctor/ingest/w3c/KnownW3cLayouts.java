package io.egressdoctor.ingest.w3c;

import java.util.ArrayList;
import java.util.List;

/**
 * The column layouts products write without a {@code #Fields:} directive: ProxySG's predefined
 * {@code main}, {@code bcreportermain_v1} and {@code bcreporterssl_v1} access log formats (a
 * Reporter or syslog feed carries no header) and IIS's usual field selections (rows pasted or
 * shipped without their header block). A headerless row is read by the first layout with as many
 * columns whose typed columns (dates, times, addresses, numbers, methods) all fit.
 */
final class KnownW3cLayouts {

  /** Every known layout, most specific first. */
  static final List<W3cLayout> ALL = build();

  private KnownW3cLayouts() {}

  /** Why the values fit the first known layout of their size, or null when none has it. */
  static String nearestMisfit(List<String> values) {
    for (W3cLayout l : ALL) {
      if (l.size() == values.size()) {
        return l.name() + ": " + l.misfit(values, true);
      }
    }
    return null;
  }

  /** The first known layout the values fit, or null. */
  static W3cLayout fit(List<String> values) {
    for (W3cLayout l : ALL) {
      if (l.size() == values.size() && l.misfit(values, true) == null) {
        return l;
      }
    }
    return null;
  }

  private static List<W3cLayout> build() {
    List<W3cLayout> out = new ArrayList<>();
    add(
        out,
        "proxysg-bcreportermain_v1",
        "date time time-taken c-ip cs-username cs-auth-group s-supplier-name s-supplier-ip"
            + " s-supplier-country s-supplier-failures x-exception-id sc-filter-result"
            + " cs-categories cs(Referer) sc-status s-action cs-method rs(Content-Type)"
            + " cs-uri-scheme cs-host cs-uri-port cs-uri-path cs-uri-query cs-uri-extension"
            + " cs(User-Agent) s-ip sc-bytes cs-bytes x-virus-id x-cs-client-threat-source"
            + " x-cs-client-threat-id x-rs-threat-source x-rs-threat-id"
            + " x-bluecoat-application-name x-bluecoat-application-operation"
            + " x-bluecoat-application-groups cs-threat-risk"
            + " x-bluecoat-access-security-policy-action x-bluecoat-access-security-policy-reason"
            + " x-bluecoat-transaction-uuid x-icap-reqmod-header(X-ICAP-Metadata)"
            + " x-icap-respmod-header(X-ICAP-Metadata)");
    add(
        out,
        "proxysg-main",
        "date time time-taken c-ip sc-status s-action sc-bytes cs-bytes cs-method cs-uri-scheme"
            + " cs-host cs-uri-port cs-uri-path cs-uri-query cs-username cs-auth-group"
            + " s-supplier-name rs(Content-Type) cs(Referer) cs(User-Agent) sc-filter-result"
            + " cs-categories x-virus-id s-ip");
    add(
        out,
        "proxysg-bcreporterssl_v1",
        "date time time-taken c-ip s-action x-rs-certificate-validate-status"
            + " x-rs-certificate-observed-errors x-cs-ocsp-error x-rs-ocsp-error cs-host"
            + " s-supplier-name x-rs-connection-negotiated-ssl-version"
            + " x-rs-connection-negotiated-cipher x-rs-connection-negotiated-cipher-size"
            + " x-rs-certificate-hostname x-rs-certificate-hostname-category"
            + " x-cs-connection-negotiated-ssl-version x-cs-connection-negotiated-cipher"
            + " x-cs-connection-negotiated-cipher-size x-cs-certificate-subject s-ip s-sitename");
    String iis =
        "date time s-ip cs-method cs-uri-stem cs-uri-query s-port cs-username c-ip cs(User-Agent)";
    String tail = " sc-status sc-substatus sc-win32-status";
    // The IIS 7+ default selection, and the same with the host or the byte counts added.
    addIis(out, "iis-default", iis + " cs(Referer)" + tail + " time-taken");
    addIis(out, "iis-default-host", iis + " cs(Referer) cs-host" + tail + " time-taken");
    addIis(out, "iis-default-bytes", iis + " cs(Referer)" + tail + " sc-bytes cs-bytes time-taken");
    addIis(out, "iis-no-referrer", iis + tail + " time-taken");
    // Exchange front ends log the server's name first.
    addIis(
        out,
        "iis-computername",
        "date time s-computername s-ip cs-method cs-uri-stem cs-uri-query s-port cs-username c-ip"
            + " cs(User-Agent) cs(Referer)"
            + tail
            + " time-taken");
    // Every field IIS offers, with and without the computer name (IIS 6 and 8 "all fields").
    addIis(
        out,
        "iis-all-fields",
        "date time s-sitename s-computername s-ip cs-method cs-uri-stem cs-uri-query s-port"
            + " cs-username c-ip cs-version cs(User-Agent) cs(Cookie) cs(Referer) cs-host"
            + tail
            + " sc-bytes cs-bytes time-taken");
    addIis(
        out,
        "iis-sitename",
        "date time s-sitename cs-method cs-uri-stem cs-uri-query s-port cs-username c-ip"
            + " cs(User-Agent) cs(Cookie) cs(Referer) cs-host"
            + tail
            + " sc-bytes cs-bytes time-taken");
    return List.copyOf(out);
  }

  private static void add(List<W3cLayout> out, String name, String fields) {
    out.add(W3cLayout.of(name, List.of(fields.split(" "))));
  }

  /**
   * An IIS layout, and the same with the custom fields IIS 8.5+ and load-balanced sites add at the
   * end: the forwarded-for list, and the forwarded-for list and the client port.
   */
  private static void addIis(List<W3cLayout> out, String name, String fields) {
    add(out, name, fields);
    add(out, name + "+x-forwarded-for", fields + " X-Forwarded-For");
    add(out, name + "+x-forwarded-for+c-port", fields + " X-Forwarded-For c-port");
  }
}
