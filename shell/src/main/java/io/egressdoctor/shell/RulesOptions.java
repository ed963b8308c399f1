package io.egressdoctor.shell;

import io.egressdoctor.diagnosis.rule.RulePack;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;

/**
 * The {@code --rules DIR} and {@code --rules-only} options, shared by every command that runs
 * rules: a support engineer's own rules run on top of the built-in pack, or alone.
 */
public final class RulesOptions {

  @Option(
      names = "--rules",
      paramLabel = "DIR",
      description =
          "Also run the Sigma-style rules in DIR (repeatable), on top of the built-in pack; a"
              + " rule with the id of a built-in rule replaces it.")
  List<Path> dirs = new ArrayList<>();

  @Option(
      names = "--rules-only",
      description = "Run only the rules given with --rules, not the built-in pack.")
  boolean only;

  /** The folders given with {@code --rules}. */
  public List<Path> dirs() {
    return List.copyOf(dirs);
  }

  /**
   * The pack these options ask for.
   *
   * @throws io.egressdoctor.diagnosis.rule.RuleLoadException when a rule file has problems
   * @throws UserError for {@code --rules-only} without {@code --rules}
   */
  public RulePack pack() throws IOException {
    if (only && dirs.isEmpty()) {
      throw new UserError("--rules-only needs at least one --rules DIR");
    }
    RulePack pack = null;
    if (!only) {
      pack = RulePack.builtIn();
    }
    for (Path dir : dirs) {
      RulePack mine = RulePack.load(dir);
      pack = pack == null ? mine : pack.plus(mine);
    }
    return pack;
  }
}
