package io.egressdoctor.samples.bundle;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.GZIPOutputStream;

/** Writes the files of one bundle below its folder, byte for byte the same on every run. */
final class BundleOutput {

  static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
  static final ObjectMapper JSON_LINE = new ObjectMapper();

  private final Path root;

  BundleOutput(Path root) {
    this.root = root;
  }

  Path root() {
    return root;
  }

  /** Writes lines, each ending in {@code eol}; a name ending in .gz is gzipped. */
  void lines(String relative, List<String> lines, String eol) {
    StringBuilder sb = new StringBuilder();
    for (String l : lines) {
      sb.append(l).append(eol);
    }
    text(relative, sb.toString());
  }

  void lines(String relative, List<String> lines) {
    lines(relative, lines, "\n");
  }

  void text(String relative, String text) {
    bytes(relative, text.getBytes(StandardCharsets.UTF_8));
  }

  void json(String relative, Object value) {
    try {
      text(relative, JSON.writeValueAsString(value) + "\n");
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  void bytes(String relative, byte[] content) {
    Path file = root.resolve(relative);
    try {
      Files.createDirectories(file.getParent());
      Files.write(file, relative.endsWith(".gz") ? gzip(content) : content);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Gzip with a zero modification time, so the bytes do not depend on when they were written. */
  static byte[] gzip(byte[] content) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
      gz.write(content);
    }
    return out.toByteArray();
  }

  static String jsonLine(Object value) {
    try {
      return JSON_LINE.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
