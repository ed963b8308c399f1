package io.egressdoctor.ingest.reference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.egressdoctor.core.reference.ReferenceData;
import io.egressdoctor.core.reference.ReferenceSet;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReferenceStoreTest {

  @TempDir Path dir;

  private Path copy(String fixture, Path folder) throws IOException {
    Files.createDirectories(folder);
    return Files.copy(Fixtures.file(fixture), folder.resolve(fixture));
  }

  @Test
  void storedFilesAreLoadedLaterAndTheSameContentOnlyOnce() throws IOException {
    Path index = dir.resolve("index");
    Path ranges = copy("ip-ranges.json", dir.resolve("a"));
    Path sameRanges = copy("ip-ranges.json", dir.resolve("b"));
    Path hosts = copy("hosts", dir.resolve("a"));

    ReferenceData first = ReferenceStore.loadAndStore(index, List.of(ranges, sameRanges, hosts));
    // Stored later, loaded later: store order decides which claim to a name wins.
    Path csv = copy("private-endpoints.csv", dir.resolve("c"));
    ReferenceStore.loadAndStore(index, List.of(csv));
    Files.delete(ranges);
    Files.delete(hosts);
    ReferenceData later = ReferenceStore.load(index, List.of(sameRanges));

    assertThat(first.sets())
        .extracting(ReferenceSet::name)
        .containsExactly("ip-ranges.json", "hosts");
    assertThat(later.sets())
        .extracting(ReferenceSet::name)
        .containsExactly("ip-ranges.json", "hosts", "private-endpoints.csv");
    assertThat(later.sets().get(0).path()).startsWith(index.resolve("reference").toString());
    assertThat(ReferenceStore.originalPath(Path.of(later.sets().get(0).path())))
        .isEqualTo(ranges.toAbsolutePath().toString());
    assertThat(later.privateEndpointForName("mgn.ap-northeast-1.amazonaws.com")).isPresent();
  }

  @Test
  void squidConfigIsStoredWithTheListsItNames() throws IOException {
    Path index = dir.resolve("index");
    Path conf = copy("squid.conf", dir.resolve("etc"));
    Path list = copy("allowed-domains.txt", dir.resolve("etc"));

    // A bundle gives both; the list is read through the configuration only.
    ReferenceStore.loadAndStore(index, List.of(conf, list));
    Files.delete(list);
    ReferenceData later = ReferenceStore.load(index, List.of());

    assertThat(later.sets()).extracting(ReferenceSet::name).containsExactly("squid.conf");
    assertThat(later.allowlist()).hasSize(5);
    assertThat(ReferenceStore.stored(index)).hasSize(1);
  }

  @Test
  void nothingIsStoredWhenAFileIsBad() throws IOException {
    Path index = dir.resolve("index");
    Path good = copy("hosts", dir);
    Path bad = Files.writeString(dir.resolve("allowlist.txt"), "bad entry!\n");

    assertThatThrownBy(() -> ReferenceStore.loadAndStore(index, List.of(good, bad)))
        .isInstanceOf(ReferenceFileException.class);
    assertThat(ReferenceStore.stored(index)).isEmpty();
  }
}
