package io.egressdoctor.shell.collect;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Removes secrets from collected text: passwords in proxy URLs, AWS secret keys and session tokens
 * given to the installer, and values of password, secret and token settings. The rest of each line
 * is kept byte for byte, so parsers still read it.
 */
public final class SecretScrubber {

  /** What replaces a secret. */
  public static final String MASK = "***";

  private static final Pattern URL_PASSWORD =
      Pattern.compile("(\\b[A-Za-z][A-Za-z0-9+.-]*://[^:/@\\s\"']+):([^@\\s\"']+)@");
  private static final Pattern INSTALLER_SECRET =
      Pattern.compile(
          "(?i)(--aws-secret-access-key|--aws-session-token|--proxy-password)(=|\\s+)(\"[^\"]*\"|\\S+)");
  private static final Pattern SETTING =
      Pattern.compile(
          "(?i)([\\w.-]*(?:password|passwd|pwd|secret|token|credential|apikey|api_key)[\\w.-]*"
              + "[\"']?\\s*[:=]\\s*)(\"[^\"]*\"|'[^']*'|[^\\s,;&]+)");

  private SecretScrubber() {}

  /** The text with every secret replaced by {@link #MASK}. */
  public static String scrub(String text) {
    String out = replace(URL_PASSWORD, text, m -> m.group(1) + ":" + MASK + "@");
    out = replace(INSTALLER_SECRET, out, m -> m.group(1) + m.group(2) + MASK);
    out = replace(SETTING, out, m -> m.group(1) + quoted(m.group(2)));
    return out;
  }

  /** Whether scrubbing changes the text. */
  public static boolean hasSecrets(String text) {
    return !scrub(text).equals(text);
  }

  private static String quoted(String value) {
    for (String q : List.of("\"", "'")) {
      if (value.length() >= 2 && value.startsWith(q) && value.endsWith(q)) {
        return q + MASK + q;
      }
    }
    return MASK;
  }

  private static String replace(
      Pattern p,
      String text,
      java.util.function.Function<java.util.regex.MatchResult, String> replacement) {
    return p.matcher(text).replaceAll(m -> Matcher.quoteReplacement(replacement.apply(m)));
  }
}
