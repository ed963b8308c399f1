package io.egressdoctor.ingest.declarative;

import java.util.regex.Pattern;

/**
 * Masks passwords in URLs ({@code http://user:secret@proxy:3128/} becomes {@code
 * http://user:****@proxy:3128/}): proxy URLs in environments and logs often carry them, and
 * evidence is shared.
 */
public final class Secrets {

  private static final Pattern USER_INFO =
      Pattern.compile("(?i)(\\b[a-z][a-z0-9+.-]*://[^\\s:/@\"']+):([^\\s@/\"']+)@");

  private Secrets() {}

  /** The text with every URL password replaced by {@code ****}. */
  public static String mask(String text) {
    if (text == null || text.indexOf('@') < 0) {
      return text;
    }
    return USER_INFO.matcher(text).replaceAll("$1:****@");
  }
}
