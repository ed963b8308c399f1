package io.egressdoctor.ingest.archive;

import java.io.IOException;

/** A bundle that cannot be read safely: a path escaping its folder, or one too large. */
public final class UnsafeBundleException extends IOException {

  private static final long serialVersionUID = 1L;

  /** The problem, naming the archive and entry. */
  public UnsafeBundleException(String message) {
    super(message);
  }
}
