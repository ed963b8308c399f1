package io.egressdoctor.ingest.cloudtrail;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Recognises the product and version in a CloudTrail user agent: SDKs and CLIs write {@code
 * product/version ...} first, browsers write {@code Mozilla/5.0 (...)} and name themselves later.
 */
final class UserAgents {

  /** A recognised product and version. */
  record Product(String name, String version) {}

  private static final Pattern LEADING =
      Pattern.compile("^\\[?([A-Za-z][A-Za-z0-9._+-]*)/([0-9][A-Za-z0-9._+-]*)");
  private static final Pattern BROWSER =
      Pattern.compile("\\b(Edg|Firefox|Chrome|Version)/([0-9][0-9.]*)");

  private UserAgents() {}

  /** The product the user agent names first, or null when none is recognisable. */
  static Product parse(String userAgent) {
    if (userAgent == null) {
      return null;
    }
    String ua = userAgent.trim();
    Matcher m = LEADING.matcher(ua);
    if (!m.find()) {
      return null;
    }
    if (!m.group(1).equals("Mozilla")) {
      return new Product(m.group(1), m.group(2));
    }
    return browser(ua);
  }

  private static Product browser(String ua) {
    Matcher b = BROWSER.matcher(ua);
    String edge = null;
    String firefox = null;
    String chrome = null;
    String safari = null;
    while (b.find()) {
      switch (b.group(1)) {
        case "Edg" -> edge = b.group(2);
        case "Firefox" -> firefox = b.group(2);
        case "Chrome" -> chrome = b.group(2);
        default -> safari = b.group(2);
      }
    }
    // Chrome-based browsers also claim Chrome and Safari, so the most specific name wins.
    if (edge != null) {
      return new Product("Edge", edge);
    }
    if (firefox != null) {
      return new Product("Firefox", firefox);
    }
    if (chrome != null) {
      return new Product("Chrome", chrome);
    }
    if (safari != null) {
      return new Product("Safari", safari);
    }
    return null;
  }
}
