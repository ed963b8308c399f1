package io.egressdoctor.opensearch;

import java.net.URI;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Objects;

/**
 * Where the cluster is and how to talk to it.
 *
 * @param url the cluster's HTTP(S) address, e.g. {@code https://search.example.com:9200}
 * @param indexPrefix the prefix of this investigation's indices: events go to {@code
 *     <prefix>-events}, source records and the writer lock to {@code <prefix>-meta}
 * @param username the basic-auth user, or null for none
 * @param password the basic-auth password, or null; never printed
 * @param caFile a PEM file with the CA certificates to trust for https, or null for the JDK's
 * @param shards primary shards of a newly created events index, or null for the cluster's default
 * @param replicas replicas of newly created indices, or null for the cluster's default
 */
public record OpenSearchSettings(
    URI url,
    String indexPrefix,
    String username,
    String password,
    Path caFile,
    Integer shards,
    Integer replicas) {

  /** The prefix used when none is given. */
  public static final String DEFAULT_PREFIX = "egress-doctor";

  public OpenSearchSettings {
    Objects.requireNonNull(url, "url");
    String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
    if (!scheme.equals("http") && !scheme.equals("https")) {
      throw new IllegalArgumentException(
          "the OpenSearch URL must start with http:// or https://: " + url);
    }
    if (url.getHost() == null) {
      throw new IllegalArgumentException("the OpenSearch URL has no host: " + url);
    }
    indexPrefix = indexPrefix == null || indexPrefix.isBlank() ? DEFAULT_PREFIX : indexPrefix;
    if (!indexPrefix.matches("[a-z0-9][a-z0-9._-]*")) {
      throw new IllegalArgumentException(
          "an OpenSearch index prefix is lowercase letters, digits, '.', '_' and '-': "
              + indexPrefix);
    }
    if (password != null && username == null) {
      throw new IllegalArgumentException("an OpenSearch password needs a user name");
    }
  }

  /** Settings for a cluster without authentication. */
  public static OpenSearchSettings of(String url, String indexPrefix) {
    return new OpenSearchSettings(URI.create(url), indexPrefix, null, null, null, null, null);
  }

  /** The same settings with another index prefix. */
  public OpenSearchSettings withPrefix(String prefix) {
    return new OpenSearchSettings(url, prefix, username, password, caFile, shards, replicas);
  }

  /** The same settings with shard and replica counts for new indices. */
  public OpenSearchSettings withLayout(Integer shards, Integer replicas) {
    return new OpenSearchSettings(url, indexPrefix, username, password, caFile, shards, replicas);
  }

  /** The index that holds the events. */
  public String eventsIndex() {
    return indexPrefix + "-events";
  }

  /** The index that holds source records, stored files and the writer lock. */
  public String metaIndex() {
    return indexPrefix + "-meta";
  }

  /** The index template's name. */
  public String templateName() {
    return indexPrefix + "-events-template";
  }

  /** How to name this index in messages: the URL without credentials, and the prefix. */
  public String describe() {
    String shown =
        url.getScheme() + "://" + url.getHost() + (url.getPort() < 0 ? "" : ":" + url.getPort());
    return shown
        + (url.getPath() == null ? "" : url.getPath())
        + " (indices "
        + indexPrefix
        + "-*)";
  }

  @Override
  public String toString() {
    // Never print the password, whoever logs the settings.
    return "OpenSearchSettings["
        + describe()
        + (username == null ? "" : ", user " + username)
        + "]";
  }
}
