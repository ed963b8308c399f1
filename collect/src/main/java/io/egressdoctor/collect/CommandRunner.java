package io.egressdoctor.collect;

import java.io.IOException;
import java.nio.charset.Charset;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs a command of the live machine ({@code netsh}, {@code reg}); injected so tests run none. */
@FunctionalInterface
public interface CommandRunner {

  /**
   * What a command printed.
   *
   * @param exitCode its exit code
   * @param output its standard output and error, decoded
   */
  record Result(int exitCode, String output) {}

  /** Runs the command, waiting at most the timeout. */
  Result run(List<String> argv, Duration timeout) throws IOException;

  /** Real processes, decoded in the console's encoding. */
  static CommandRunner system() {
    return (argv, timeout) -> {
      Process p = new ProcessBuilder(argv).redirectErrorStream(true).start();
      p.getOutputStream().close();
      var reader =
          java.util.concurrent.CompletableFuture.supplyAsync(
              () -> {
                try {
                  return p.getInputStream().readAllBytes();
                } catch (IOException e) {
                  throw new java.io.UncheckedIOException(e);
                }
              });
      byte[] out;
      try {
        if (!p.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
          p.destroyForcibly();
          throw new IOException("no answer in " + timeout.toSeconds() + " s");
        }
        out = reader.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
      } catch (InterruptedException e) {
        p.destroyForcibly();
        Thread.currentThread().interrupt();
        throw new IOException("interrupted");
      } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
        p.destroyForcibly();
        throw new IOException("output not read: " + e.getClass().getSimpleName());
      }
      String encoding =
          System.getProperty("stdout.encoding", System.getProperty("native.encoding", "UTF-8"));
      Charset charset =
          Charset.isSupported(encoding) ? Charset.forName(encoding) : Charset.defaultCharset();
      return new Result(p.exitValue(), new String(out, charset));
    };
  }
}
