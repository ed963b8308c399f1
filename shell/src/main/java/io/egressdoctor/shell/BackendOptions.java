package io.egressdoctor.shell;

import io.egressdoctor.opensearch.OpenSearchSettings;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.function.Function;
import picocli.CommandLine.Option;

/**
 * The backend options shared by every command that touches the index: {@code --backend local} (the
 * Lucene index in the {@code --index} folder) or {@code --backend opensearch} with the cluster's
 * address, index prefix and credentials.
 *
 * <p>Each option has an environment variable, so a team can point every command at its cluster
 * once. The password is read from a file or from {@code EGRESS_DOCTOR_OPENSEARCH_PASSWORD}, never
 * from the command line (where other users of the machine could read it), and never printed.
 */
public final class BackendOptions {

  @Option(
      names = "--backend",
      paramLabel = "local|opensearch",
      description =
          "Where the index is: local (a Lucene index in the --index folder, the default) or"
              + " opensearch (a cluster; $EGRESS_DOCTOR_BACKEND).")
  String backend;

  @Option(
      names = "--opensearch-url",
      paramLabel = "URL",
      description =
          "The cluster, e.g. https://search.example.com:9200 ($EGRESS_DOCTOR_OPENSEARCH_URL).")
  String url;

  @Option(
      names = "--opensearch-index",
      paramLabel = "PREFIX",
      description =
          "Index prefix of this investigation: events in PREFIX-events, bookkeeping in PREFIX-meta"
              + " (default: $EGRESS_DOCTOR_OPENSEARCH_INDEX, else "
              + OpenSearchSettings.DEFAULT_PREFIX
              + ").")
  String prefix;

  @Option(
      names = "--opensearch-user",
      paramLabel = "USER",
      description = "Basic-auth user ($EGRESS_DOCTOR_OPENSEARCH_USER).")
  String user;

  @Option(
      names = "--opensearch-password-file",
      paramLabel = "FILE",
      description =
          "File whose first line is the password (default: $EGRESS_DOCTOR_OPENSEARCH_PASSWORD_FILE,"
              + " or the password itself in $EGRESS_DOCTOR_OPENSEARCH_PASSWORD).")
  Path passwordFile;

  @Option(
      names = "--opensearch-ca",
      paramLabel = "FILE",
      description =
          "PEM file of the CA certificates to trust for https ($EGRESS_DOCTOR_OPENSEARCH_CA).")
  Path caFile;

  private final Function<String, String> env;

  /** Options read from the process environment. */
  public BackendOptions() {
    this(System::getenv);
  }

  BackendOptions(Function<String, String> env) {
    this.env = env;
  }

  /** Whether the chosen backend is OpenSearch. */
  public boolean isOpenSearch() {
    String chosen = given(backend, "EGRESS_DOCTOR_BACKEND");
    if (chosen == null || chosen.equalsIgnoreCase("local")) {
      return false;
    }
    if (chosen.toLowerCase(Locale.ROOT).equals("opensearch")) {
      return true;
    }
    throw new UserError("unknown backend '" + chosen + "': local or opensearch");
  }

  /**
   * The OpenSearch settings, with {@code defaultPrefix} when no prefix is given.
   *
   * @throws UserError when the URL is missing or the settings are not valid
   */
  public OpenSearchSettings settings(String defaultPrefix) {
    String u = given(url, "EGRESS_DOCTOR_OPENSEARCH_URL");
    if (u == null) {
      throw new UserError(
          "--backend opensearch needs --opensearch-url URL (or $EGRESS_DOCTOR_OPENSEARCH_URL)");
    }
    String p = given(prefix, "EGRESS_DOCTOR_OPENSEARCH_INDEX");
    String name = given(user, "EGRESS_DOCTOR_OPENSEARCH_USER");
    Path ca = caFile != null ? caFile : pathOf(env.apply("EGRESS_DOCTOR_OPENSEARCH_CA"));
    if (ca != null && !Files.isRegularFile(ca)) {
      throw new UserError("no such CA file: " + ca);
    }
    try {
      return new OpenSearchSettings(
          URI.create(u), p == null ? defaultPrefix : p, name, password(name), ca, null, null);
    } catch (IllegalArgumentException e) {
      throw new UserError(e.getMessage());
    }
  }

  /** Whether an index prefix was given on the command line or in the environment. */
  public boolean prefixGiven() {
    return given(prefix, "EGRESS_DOCTOR_OPENSEARCH_INDEX") != null;
  }

  /** The options as command-line words, for commands the shell runs; never the password. */
  public java.util.List<String> words() {
    java.util.List<String> out = new java.util.ArrayList<>();
    if (!isOpenSearch()) {
      return out;
    }
    OpenSearchSettings s = settings(OpenSearchSettings.DEFAULT_PREFIX);
    out.addAll(
        java.util.List.of("--backend", "opensearch", "--opensearch-url", s.url().toString()));
    out.addAll(java.util.List.of("--opensearch-index", s.indexPrefix()));
    if (s.username() != null) {
      out.addAll(java.util.List.of("--opensearch-user", s.username()));
    }
    if (passwordFile != null) {
      out.addAll(java.util.List.of("--opensearch-password-file", passwordFile.toString()));
    }
    if (s.caFile() != null) {
      out.addAll(java.util.List.of("--opensearch-ca", s.caFile().toString()));
    }
    return out;
  }

  private String password(String name) {
    Path file =
        passwordFile != null
            ? passwordFile
            : pathOf(env.apply("EGRESS_DOCTOR_OPENSEARCH_PASSWORD_FILE"));
    String pw = null;
    if (file != null) {
      try {
        pw = Files.readAllLines(file, StandardCharsets.UTF_8).stream().findFirst().orElse("");
      } catch (IOException e) {
        throw new UserError("cannot read the password file " + file + ": " + e.getMessage());
      }
    } else {
      pw = env.apply("EGRESS_DOCTOR_OPENSEARCH_PASSWORD");
    }
    if (pw != null && name == null) {
      throw new UserError("an OpenSearch password needs --opensearch-user");
    }
    return pw;
  }

  private String given(String option, String variable) {
    if (option != null && !option.isBlank()) {
      return option;
    }
    String v = env.apply(variable);
    return v == null || v.isBlank() ? null : v;
  }

  private static Path pathOf(String s) {
    return s == null || s.isBlank() ? null : Path.of(s);
  }
}
