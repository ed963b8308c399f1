package io.egressdoctor.core.io;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileTreesTest {

  @TempDir Path dir;

  @Test
  void aTreeIsDeletedWithoutFollowingALinkOutOfIt() throws Exception {
    Path outside = Files.writeString(dir.resolve("outside.txt"), "keep me");
    Path tree = Files.createDirectories(dir.resolve("tree/a/b"));
    Files.writeString(tree.resolve("f.log"), "x");
    Files.createSymbolicLink(dir.resolve("tree/a/link"), outside);
    Files.createSymbolicLink(dir.resolve("tree/dirlink"), dir);

    FileTrees.delete(dir.resolve("tree"));

    assertThat(dir.resolve("tree")).doesNotExist();
    assertThat(outside).hasContent("keep me");
  }

  @Test
  void aMissingPathIsFine() throws Exception {
    FileTrees.delete(dir.resolve("nowhere"));
    assertThat(dir).exists();
  }
}
