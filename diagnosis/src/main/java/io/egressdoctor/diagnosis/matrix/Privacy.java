package io.egressdoctor.diagnosis.matrix;

/** Whether a required endpoint should be reached privately. */
public enum Privacy {
  /** The reference data holds a private endpoint for it: traffic should not go to the Internet. */
  SHOULD_BE_PRIVATE("yes"),
  /** It can use a private endpoint, but none is known for it. */
  CAN_BE_PRIVATE("can be"),
  /** It is only reachable publicly. */
  PUBLIC_ONLY("no");

  private final String label;

  Privacy(String label) {
    this.label = label;
  }

  /** The words the report uses in the matrix's {@code private} column. */
  public String label() {
    return label;
  }

  /** The stable JSON name, e.g. {@code should_be_private}. */
  public String jsonName() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }
}
