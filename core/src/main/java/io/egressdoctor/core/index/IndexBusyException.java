package io.egressdoctor.core.index;

/** Another process is writing to the index, so this one cannot. */
public final class IndexBusyException extends java.io.IOException {

  private static final long serialVersionUID = 1L;

  /** The index folder that is locked. */
  public IndexBusyException(java.nio.file.Path folder) {
    super(
        "the index "
            + folder
            + " is in use by another egress-doctor process; wait for it to finish, or use"
            + " another --index folder");
  }

  /** Another process holds the write lock of an index that is not a folder, as said. */
  public IndexBusyException(String message) {
    super(message);
  }
}
