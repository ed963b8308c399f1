package io.egressdoctor.shell;

import static org.assertj.core.api.Assertions.assertThat;

import io.egressdoctor.collect.CollectData;
import io.egressdoctor.core.redact.SecretVocabulary;
import org.junit.jupiter.api.Test;

/**
 * What makes a value a secret is one vocabulary: every secret word, suffix and option the
 * collectors scrub ({@code collect-data.tsv}) is one the report's redaction recognises too. It sits
 * here because only this module sees both.
 */
class SecretVocabularyAgreementTest {

  @Test
  void redactionKnowsEverySecretNameTheCollectorsScrub() {
    CollectData data = CollectData.builtIn();
    assertThat(SecretVocabulary.WORDS).containsAll(data.secretWords());
    assertThat(SecretVocabulary.SUFFIXES).containsAll(data.secretSuffixes());
    assertThat(SecretVocabulary.OPTIONS).containsAll(data.secretOptions());
  }
}
