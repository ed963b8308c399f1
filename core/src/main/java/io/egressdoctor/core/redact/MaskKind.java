package io.egressdoctor.core.redact;

/** What a masked value was, which names its mask ({@code {account-1}}) and when it is masked. */
public enum MaskKind {
  /** An access key id: AKIA, ASIA and the other key prefixes. */
  ACCESS_KEY("access-key", Group.IDENTITY),
  /** A unique id of a user, role, group, policy or certificate: AIDA, AROA, AGPA... */
  UNIQUE_ID("unique-id", Group.IDENTITY),
  /** A 12-digit AWS account id. */
  ACCOUNT("account", Group.IDENTITY),
  /** A user name: IAM user, session name, proxy user, URL user. */
  USER("user", Group.IDENTITY),
  /** A public IP address. */
  IP("ip", Group.IP),
  /** A password: URL user info, a password setting, CloudTrail request parameters. */
  PASSWORD("password", Group.CREDENTIAL),
  /** The credentials of an Authorization or Proxy-Authorization header. */
  CREDENTIAL("credential", Group.CREDENTIAL),
  /** A secret key, session token or other secret setting. */
  SECRET("secret", Group.CREDENTIAL),
  /** The signature or token of a presigned URL. */
  SIGNATURE("signature", Group.CREDENTIAL);

  /** When a kind is masked. */
  public enum Group {
    /** Always. */
    CREDENTIAL,
    /** With {@code --redact}. */
    IDENTITY,
    /** With {@code --redact=ips}. */
    IP
  }

  private final String label;
  private final Group group;

  MaskKind(String label, Group group) {
    this.label = label;
    this.group = group;
  }

  /** The word in the mask, e.g. {@code account}. */
  public String label() {
    return label;
  }

  /** When it is masked. */
  public Group group() {
    return group;
  }

  /** Whether a redaction level masks this kind. */
  public boolean maskedBy(Redaction redaction) {
    return switch (group) {
      case CREDENTIAL -> true;
      case IDENTITY -> redaction.identities();
      case IP -> redaction.ips();
    };
  }
}
