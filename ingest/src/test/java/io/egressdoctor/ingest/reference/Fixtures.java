package io.egressdoctor.ingest.reference;

import io.egressdoctor.core.net.IpAddresses;
import java.net.InetAddress;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Path;

/** The small reference files under this package's test resources. */
final class Fixtures {

  private Fixtures() {}

  static Path file(String name) {
    URL url = Fixtures.class.getResource(name);
    if (url == null) {
      throw new IllegalArgumentException("no fixture " + name);
    }
    try {
      return Path.of(url.toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  static InetAddress ip(String text) {
    return IpAddresses.parse(text).orElseThrow();
  }
}
