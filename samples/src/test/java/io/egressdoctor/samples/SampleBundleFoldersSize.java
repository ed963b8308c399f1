package io.egressdoctor.samples;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** File sizes for the bundle size check, without checked exceptions in streams. */
final class SampleBundleFoldersSize {

  private SampleBundleFoldersSize() {}

  static long size(Path p) {
    try {
      return Files.size(p);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
