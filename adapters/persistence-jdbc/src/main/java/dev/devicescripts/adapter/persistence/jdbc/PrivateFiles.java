package dev.devicescripts.adapter.persistence.jdbc;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The database's files are readable and writable by the server's own account only (rw-------), whatever the umask:
 * they hold every tenant's scripts. Where the file system has no POSIX permissions, nothing is set.
 */
final class PrivateFiles {
    private static final Logger LOG = LoggerFactory.getLogger(PrivateFiles.class);
    private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");

    private PrivateFiles() {
    }

    /** Creates the file, which must not exist, private from its first byte (a umask can only take rights away). */
    static void create(Path file) throws IOException {
        Files.createFile(file, ownerOnly(file));
    }

    private static FileAttribute<?>[] ownerOnly(Path file) {
        if (!isPosix(file)) {
            return new FileAttribute<?>[0];
        }
        return new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(OWNER_ONLY)};
    }

    /**
     * Makes private every file in {@code directory} whose name starts with {@code prefix}: the files H2 created with
     * the permissions the umask leaves, and any already there that others may read (see docs/operations.md).
     */
    static void tighten(Path directory, String prefix) {
        if (!isPosix(directory)) {
            return;
        }
        try (DirectoryStream<Path> files = Files.newDirectoryStream(directory, prefix + "*")) {
            for (Path file : files) {
                tightenFile(file);
            }
        } catch (IOException e) {
            LOG.warn("Cannot list the files of the database in {} to make them private: {}", directory, e.toString());
        }
    }

    private static void tightenFile(Path file) {
        try {
            if (Files.isRegularFile(file) && !Files.getPosixFilePermissions(file).equals(OWNER_ONLY)) {
                Files.setPosixFilePermissions(file, OWNER_ONLY);
            }
        } catch (NoSuchFileException gone) {
            // a temporary file of H2's, deleted meanwhile
        } catch (IOException e) {
            LOG.warn("Cannot make the database file {} readable by this account only: {}", file, e.toString());
        }
    }

    private static boolean isPosix(Path path) {
        return path.getFileSystem().supportedFileAttributeViews().contains("posix");
    }
}
