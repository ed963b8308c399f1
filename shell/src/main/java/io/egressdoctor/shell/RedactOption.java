package io.egressdoctor.shell;

import io.egressdoctor.core.redact.Redaction;
import picocli.CommandLine.Option;

/** {@code --redact[=ips]}, shared by {@code report} and {@code search} so both read it alike. */
public final class RedactOption {

  @Option(
      names = "--redact",
      arity = "0..1",
      fallbackValue = "identities",
      paramLabel = "ips",
      description =
          "Mask credentials, access key and unique ids, account ids (also in ARNs and paths) and"
              + " user names; --redact=ips also masks public IPs. The same value gets the same"
              + " mask everywhere.")
  String value;

  /** The level asked for, or null when {@code --redact} is not given. */
  Redaction level() {
    if (value == null) {
      return null;
    }
    try {
      return Redaction.parse(value);
    } catch (IllegalArgumentException e) {
      throw new UserError(e.getMessage());
    }
  }
}
