package io.egressdoctor.collect;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.AclEntry;
import java.nio.file.attribute.AclEntryPermission;
import java.nio.file.attribute.AclEntryType;
import java.nio.file.attribute.AclFileAttributeView;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.attribute.UserPrincipal;
import java.util.EnumSet;
import java.util.List;

/**
 * Creates a file only its owner can read: mode 0600 where the file system has POSIX permissions, an
 * ACL with one entry (the owner, full control) and none inherited on Windows. A bundle holds a
 * customer's logs; another local user must not read it while it is written or after.
 */
final class OwnerOnly {

  private OwnerOnly() {}

  /** Creates the file empty, replacing one already there, before a byte of it is written. */
  static void create(Path file) throws IOException {
    Files.deleteIfExists(file);
    if (file.getFileSystem().supportedFileAttributeViews().contains("posix")) {
      Files.createFile(
          file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
      return;
    }
    Files.createFile(file);
    AclFileAttributeView acl = Files.getFileAttributeView(file, AclFileAttributeView.class);
    if (acl != null) {
      UserPrincipal owner = Files.getOwner(file);
      acl.setAcl(
          List.of(
              AclEntry.newBuilder()
                  .setType(AclEntryType.ALLOW)
                  .setPrincipal(owner)
                  .setPermissions(EnumSet.allOf(AclEntryPermission.class))
                  .build()));
    }
  }
}
