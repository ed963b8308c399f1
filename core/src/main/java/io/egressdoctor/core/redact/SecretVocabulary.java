package io.egressdoctor.core.redact;

import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The names that make a value a secret: words in a setting's name, endings of its name, and
 * command-line options. It holds every entry of the collectors' {@code secret-word}, {@code
 * secret-suffix} and {@code secret-option} records ({@code collect-data.tsv}), which a test checks,
 * plus names only a report meets (CloudTrail's {@code privateKey}, an {@code X-Api-Key} header).
 */
public final class SecretVocabulary {

  /** Words that make a setting's value a secret wherever they appear in its name. */
  public static final List<String> WORDS =
      List.of(
          "password",
          "passwd",
          "pwd",
          "secret",
          "token",
          "credential",
          "apikey",
          "api_key",
          "api-key",
          "passphrase",
          "privatekey",
          "private_key");

  /** Endings of a setting's name that make its value a secret. */
  public static final List<String> SUFFIXES =
      List.of("_pass", "-pass", "_auth", "-auth", "proxypass", "proxyauth");

  /** Command-line options whose value is a secret. */
  public static final List<String> OPTIONS =
      List.of(
          "--aws-secret-access-key",
          "--aws-session-token",
          "--secret-access-key",
          "--session-token",
          "--proxy-password",
          "--proxy-user");

  private SecretVocabulary() {}

  /** The entries as regular-expression alternatives, each quoted. */
  static String alternatives(List<String> entries) {
    return entries.stream().map(Pattern::quote).collect(Collectors.joining("|"));
  }
}
