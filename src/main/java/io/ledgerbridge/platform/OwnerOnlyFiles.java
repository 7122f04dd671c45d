package io.ledgerbridge.platform;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.EnumSet;
import java.util.Set;

/**
 * Files and folders only the server's own user may read: the data folder (the embedded database),
 * the token key and the embedded database's password. On a file system without POSIX permissions
 * (Windows) the calls do what they can and rely on the folder's inherited access rules.
 */
public final class OwnerOnlyFiles {

  private static final Set<PosixFilePermission> GROUP_AND_OTHERS =
      EnumSet.of(
          PosixFilePermission.GROUP_READ,
          PosixFilePermission.GROUP_WRITE,
          PosixFilePermission.GROUP_EXECUTE,
          PosixFilePermission.OTHERS_READ,
          PosixFilePermission.OTHERS_WRITE,
          PosixFilePermission.OTHERS_EXECUTE);

  private OwnerOnlyFiles() {}

  private static boolean posix(Path path) {
    return path.getFileSystem().supportedFileAttributeViews().contains("posix");
  }

  /**
   * Creates the folder (and missing parents) as {@code rwx------}; an existing folder that group or
   * others may read is narrowed to its owner. Returns whether permissions were narrowed.
   */
  public static boolean directory(Path dir) throws IOException {
    if (!posix(dir)) {
      Files.createDirectories(dir);
      return false;
    }
    if (!Files.isDirectory(dir)) {
      Path parent = dir.toAbsolutePath().getParent();
      if (parent != null) {
        Files.createDirectories(parent);
      }
      try {
        Files.createDirectory(
            dir,
            PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
        // The umask may have removed bits we asked for; never added any.
        return false;
      } catch (FileAlreadyExistsException raced) {
        // Created by another thread or node just now: narrow it below like any existing folder.
      }
    }
    return narrow(dir);
  }

  /** Removes every group and others permission from an existing file or folder. */
  public static boolean narrow(Path path) throws IOException {
    if (!posix(path) || !Files.exists(path)) {
      return false;
    }
    PosixFileAttributeView view = Files.getFileAttributeView(path, PosixFileAttributeView.class);
    Set<PosixFilePermission> permissions = view.readAttributes().permissions();
    if (!permissions.removeAll(GROUP_AND_OTHERS)) {
      return false;
    }
    view.setPermissions(permissions);
    return true;
  }

  /**
   * Writes {@code content} to {@code file} as {@code rw-------} unless the file exists. Atomic: the
   * content goes to an owner-only temporary file in the same folder, which is then linked into
   * place without replacing an existing file, so a reader never sees half a file, and whoever loses
   * a race keeps the winner's content. Returns whether this call created the file.
   */
  public static boolean createOnce(Path file, String content) throws IOException {
    Path dir = file.toAbsolutePath().getParent();
    Files.createDirectories(dir);
    FileAttribute<?>[] ownerOnly =
        posix(file)
            ? new FileAttribute<?>[] {
              PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------"))
            }
            : new FileAttribute<?>[0];
    Path temp = Files.createTempFile(dir, "." + file.getFileName() + "-", ".tmp", ownerOnly);
    try {
      Files.writeString(temp, content, StandardCharsets.US_ASCII);
      try {
        // A hard link never replaces an existing file, and the file appears complete.
        Files.createLink(file, temp);
        return true;
      } catch (FileAlreadyExistsException e) {
        return false;
      } catch (UnsupportedOperationException | FileSystemException e) {
        // No hard links here: a move without REPLACE_EXISTING still refuses an existing file.
        try {
          Files.move(temp, file);
          return true;
        } catch (FileAlreadyExistsException lost) {
          return false;
        }
      }
    } finally {
      Files.deleteIfExists(temp);
    }
  }
}
