package io.egressdoctor.shell.repl;

import io.egressdoctor.core.redact.Masker;
import java.io.IOException;
import java.io.Writer;

/**
 * Masks a shell command's output line by line while {@code redact} is on, so every command (also
 * {@code show}, {@code top}, {@code findings}) shows what {@code search --redact} would. A line
 * that is a JSON object ({@code --json}) is masked value by value, so it stays valid JSON.
 */
final class MaskingWriter extends Writer {

  private final Writer target;
  private final Masker masker;
  private final StringBuilder line = new StringBuilder();

  MaskingWriter(Writer target, Masker masker) {
    this.target = target;
    this.masker = masker;
  }

  @Override
  public void write(char[] buf, int off, int len) throws IOException {
    for (int i = off; i < off + len; i++) {
      line.append(buf[i]);
      if (buf[i] == '\n') {
        emit();
      }
    }
  }

  private void emit() throws IOException {
    if (line.isEmpty()) {
      return;
    }
    int end = line.length();
    while (end > 0 && (line.charAt(end - 1) == '\n' || line.charAt(end - 1) == '\r')) {
      end--;
    }
    String text = line.substring(0, end);
    String masked =
        text.startsWith("{") && text.endsWith("}") ? masker.maskJson(text) : masker.mask(text);
    target.write(masked);
    target.write(line.substring(end));
    line.setLength(0);
  }

  @Override
  public void flush() throws IOException {
    emit();
    target.flush();
  }

  @Override
  public void close() throws IOException {
    flush();
  }
}
