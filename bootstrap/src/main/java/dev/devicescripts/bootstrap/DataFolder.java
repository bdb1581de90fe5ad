package dev.devicescripts.bootstrap;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The data folder holds every tenant's scripts (the H2 database and the assign journal) and the signing key, so only
 * the server's own account may enter or list it, whatever the umask: it is created rwx------, and one that exists
 * open to other accounts (see docs/operations.md) loses the rights of group and others, with a warning that says so.
 * The folder also covers H2's temporary files, and the adapters make the files in it rw-------. Where the file system
 * has no POSIX permissions, nothing is set.
 */
final class DataFolder {
    private static final Logger LOG = LoggerFactory.getLogger(DataFolder.class);
    private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rwx------");

    private DataFolder() {
    }

    /** Creates the folder, or makes the existing one private; returns it. */
    static Path prepare(Path folder) {
        try {
            if (!Files.isDirectory(folder)) {
                create(folder);
            }
            if (isPosix(folder)) {
                makePrivate(folder);
            }
            return folder;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create the data folder " + folder + ": " + e, e);
        }
    }

    /** The parents as the umask has them; the folder itself owner-only from the start (a umask only takes away). */
    private static void create(Path folder) throws IOException {
        Path absolute = folder.toAbsolutePath();
        Files.createDirectories(absolute.getParent());
        try {
            if (isPosix(absolute.getParent())) {
                Files.createDirectory(absolute, PosixFilePermissions.asFileAttribute(OWNER_ONLY));
            } else {
                Files.createDirectory(absolute);
            }
        } catch (FileAlreadyExistsException createdMeanwhile) {
            // by another server or the token command: made private below like any existing folder
        }
    }

    private static void makePrivate(Path folder) throws IOException {
        Set<PosixFilePermission> permissions = Files.getPosixFilePermissions(folder);
        if (OWNER_ONLY.containsAll(permissions)) {
            return;
        }
        Set<PosixFilePermission> ownerOnly = Set.copyOf(permissions.stream().filter(OWNER_ONLY::contains).toList());
        try {
            Files.setPosixFilePermissions(folder, ownerOnly);
            LOG.warn("The data folder {} was open to other accounts ({}); made it {}: it holds every tenant's "
                    + "scripts and the signing key", folder, PosixFilePermissions.toString(permissions),
                    PosixFilePermissions.toString(ownerOnly));
        } catch (IOException e) {
            LOG.warn("The data folder {} is open to other accounts ({}) and cannot be made private ({}): it holds "
                    + "every tenant's scripts and the signing key; chmod 700 it", folder,
                    PosixFilePermissions.toString(permissions), e.toString());
        }
    }

    private static boolean isPosix(Path path) {
        return path.getFileSystem().supportedFileAttributeViews().contains("posix");
    }
}
