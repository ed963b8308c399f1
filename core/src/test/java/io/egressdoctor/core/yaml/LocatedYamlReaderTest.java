package io.egressdoctor.core.yaml;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class LocatedYamlReaderTest {

  private final List<String> problems = new ArrayList<>();

  private LocatedYamlReader.Problems sink() {
    return (line, message) -> problems.add(line + ": " + message);
  }

  @Test
  void valuesKeepTheirLinesTypesAndTheTextAsWritten() {
    YamlNode.Mapping m =
        (YamlNode.Mapping)
            LocatedYamlReader.readOne(
                "title: x\nports:\n  - 1500\n  - 443\nratio: 1e3\nsilent: ~\nfix: true\n",
                false,
                sink());
    assertThat(problems).isEmpty();
    assertThat(m.lineOf("ports")).isEqualTo(2);
    YamlNode.Sequence ports = (YamlNode.Sequence) m.get("ports");
    assertThat(ports.items()).extracting(YamlNode::line).containsExactly(3, 4);
    assertThat(((YamlNode.Scalar) ports.items().get(0)).value()).isEqualTo(1500L);
    assertThat(((YamlNode.Scalar) m.get("ratio")).text()).isEqualTo("1e3");
    assertThat(((YamlNode.Scalar) m.get("silent")).isNull()).isTrue();
    assertThat(((YamlNode.Scalar) m.get("silent")).source()).isNull();
    assertThat(((YamlNode.Scalar) m.get("fix")).value()).isEqualTo(Boolean.TRUE);
  }

  @Test
  void aDuplicateKeyIsAProblemAndTheFirstValueStays() {
    YamlNode.Mapping m =
        (YamlNode.Mapping) LocatedYamlReader.readOne("level: high\nlevel: low\n", false, sink());
    assertThat(problems).containsExactly("2: duplicate key 'level' (first on line 1)");
    assertThat(((YamlNode.Scalar) m.get("level")).text()).isEqualTo("high");
  }

  @Test
  void documentsAreReadUntilASyntaxErrorWhichNamesItsLine() {
    List<YamlNode> docs = LocatedYamlReader.readAll("a: 1\n---\nb: [2\n", false, sink());
    assertThat(docs).hasSize(1);
    assertThat(problems)
        .singleElement()
        .asString()
        .startsWith("3: not valid YAML")
        .doesNotContain("\n");
  }

  @Test
  void anEmptyOrManyDocumentFileIsAProblemForReadOne() {
    assertThat(LocatedYamlReader.readOne("", false, sink())).isNull();
    assertThat(LocatedYamlReader.readOne("a: 1\n---\nb: 2\n", false, sink())).isNull();
    assertThat(problems)
        .containsExactly("1: the file is empty", "3: the file holds more than one document");
  }

  @Test
  void jsonIsReadTheSameWay() {
    YamlNode.Mapping m =
        (YamlNode.Mapping) LocatedYamlReader.readOne("{\n \"a\": [1, \"x\"]\n}", true, sink());
    assertThat(problems).isEmpty();
    assertThat(m.lineOf("a")).isEqualTo(2);
  }
}
