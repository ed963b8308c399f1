package io.egressdoctor.collect;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The jar's scrubber against the corpus the three collectors share ({@code
 * collect/scrub-corpus.txt}); the sh collector runs the same corpus in {@code ShCollectorTest}, and
 * the PowerShell collector's regular expressions are these very ones ({@code CollectDataTest}).
 */
class SecretScrubberTest {

  /** The shared corpus, beside the scripts; tests run with the module folder as working dir. */
  static final Path CORPUS = Path.of("scrub-corpus.txt");

  /** One case: a line as found, and as the collectors must write it. */
  record Case(String input, String expected) {}

  /** The corpus's cases; the text is read as ISO-8859-1, as the collectors read logs. */
  static List<Case> corpus() throws IOException {
    List<Case> cases = new ArrayList<>();
    String input = null;
    String text = Files.readString(CORPUS, StandardCharsets.ISO_8859_1);
    for (String line : text.split("\n", -1)) {
      if (line.startsWith("< ")) {
        input = line.substring(2);
      } else if (line.startsWith("> ")) {
        assertThat(input).as("a '>' line follows a '<' line").isNotNull();
        cases.add(new Case(input, line.substring(2)));
        input = null;
      }
    }
    assertThat(cases).hasSizeGreaterThan(30);
    return cases;
  }

  @Test
  void everyCorpusLineIsMaskedAsExpected() throws IOException {
    for (Case c : corpus()) {
      assertThat(SecretScrubber.scrub(c.input())).as(c.input()).isEqualTo(c.expected());
    }
  }

  @Test
  void scrubbingIsIdempotentAndCountsLinesByKind() throws IOException {
    for (Case c : corpus()) {
      assertThat(SecretScrubber.scrub(c.expected())).as(c.expected()).isEqualTo(c.expected());
    }
    SecretScrubber.Result r =
        SecretScrubber.scrubCounting(
            "HTTP_PROXY=user:pass@proxy:3128\n"
                + "Proxy-Authorization: Basic c3ZjOkh1bnRlcjI=\n"
                + "a_password=x b_token=y\n"
                + "no secret here\n");
    assertThat(r.counts())
        .containsExactly(
            java.util.Map.entry("proxy-password", 1),
            java.util.Map.entry("authorization", 1),
            java.util.Map.entry("setting", 1));
    assertThat(r.text()).endsWith("a_password=*** b_token=***\nno secret here\n");
  }

  @Test
  void leavesOrdinaryLogLinesAlone() {
    String line =
        "2024-05-01 09:00:01 ERROR token refresh failed for mgn.ap-northeast-1.amazonaws.com:443";
    assertThat(SecretScrubber.hasSecrets(line)).isFalse();
  }
}
