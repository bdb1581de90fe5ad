package dev.devicescripts.adapter.persistence.jdbc;

import dev.devicescripts.domain.audit.AuditEvent;
import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.CRC32;

/**
 * Assigns appended to files in the data folder, before they are acknowledged, for {@link JournaledSetWriter}.
 * Appending a record is one write to a file that the operating system holds once it returns, so it outlives the
 * process the way a commit of H2 does, at a fraction of a commit's cost; like H2, the journal does not force its files
 * to disk.
 *
 * <p>A record is its body's length and CRC-32, then the body: tenant, script, the set's parts (see
 * {@link PackedTargets}), each with its length, and the assign's audit entry (as {@link AuditRows#json}, UTF-8) with
 * its length. Records journaled before the audit log (issue 17) end after the parts, and are read as assigns without
 * an entry: a journal a killed older build left is replayed by a newer one. A record cut short by a kill, or damaged,
 * ends its file for the reader: it was never acknowledged, and no record follows it, because a failed write makes the
 * next append start a new file. Not thread-safe: its owner appends under a lock.
 */
final class AssignJournal implements AutoCloseable {
    private static final Pattern FILE_NAME = Pattern.compile("devicescripts\\.assigns\\.(\\d{12})\\.journal");
    /** Far above any set the model allows; a larger length is damage. */
    private static final int MAX_RECORD_BYTES = 64 << 20;
    private static final int UUID_BYTES = 16;

    /**
     * An assign as the journal holds it, with its audit entry; no parts: the script was inserted or deleted, and has
     * no set waiting. No audit entry: such a record, or an assign of an older build.
     */
    record Entry(UUID tenant, UUID script, List<byte[]> parts, AuditEvent audit, String auditJson) {
        Entry(UUID tenant, UUID script, List<byte[]> parts) {
            this(tenant, script, parts, null, null);
        }

        /** The entry with its audit entry, encoded once for both the journal and the database (AuditRows). */
        Entry(UUID tenant, UUID script, List<byte[]> parts, AuditEvent audit) {
            this(tenant, script, parts, audit, AuditRows.json(audit));
        }
    }

    private final Path directory;
    private long lastFileNumber;
    /** The file appends go to; null until the first append after opening, sealing or a failed write. */
    private FileOutputStream current;
    /** The files written since the last {@link #seal}, the current one last. */
    private final List<Path> unsealed = new ArrayList<>();

    private AssignJournal(Path directory, long lastFileNumber) {
        this.directory = directory;
        this.lastFileNumber = lastFileNumber;
    }

    /** A journal that appends to new files after those already in {@code directory}. */
    static AssignJournal continuing(Path directory) {
        List<Path> files = files(directory);
        return new AssignJournal(directory, files.isEmpty() ? 0 : number(files.get(files.size() - 1)));
    }

    /** The journal's files in {@code directory}, oldest first. */
    static List<Path> files(Path directory) {
        List<Path> files = new ArrayList<>();
        try (DirectoryStream<Path> all = Files.newDirectoryStream(directory)) {
            all.forEach(file -> {
                if (FILE_NAME.matcher(file.getFileName().toString()).matches()) {
                    files.add(file);
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot list the assign journal in " + directory, e);
        }
        files.sort(Comparator.comparingLong(AssignJournal::number));
        return files;
    }

    private static long number(Path file) {
        Matcher name = FILE_NAME.matcher(file.getFileName().toString());
        if (!name.matches()) {
            throw new IllegalArgumentException("Not a file of the assign journal: " + file);
        }
        return Long.parseLong(name.group(1));
    }

    /** Hands each whole record of {@code file} to {@code reader} in order, up to the first cut short or damaged. */
    static void read(Path file, Consumer<Entry> reader) {
        try (InputStream stream = Files.newInputStream(file);
             DataInputStream in = new DataInputStream(new BufferedInputStream(stream))) {
            while (true) {
                int length;
                try {
                    length = in.readInt();
                } catch (EOFException end) {
                    return;
                }
                long crc = Integer.toUnsignedLong(in.readInt());
                if (length < 2 * UUID_BYTES + Integer.BYTES || length > MAX_RECORD_BYTES) {
                    return;
                }
                byte[] body = new byte[length];
                in.readFully(body);
                CRC32 check = new CRC32();
                check.update(body);
                if (check.getValue() != crc) {
                    return;
                }
                reader.accept(decode(ByteBuffer.wrap(body)));
            }
        } catch (EOFException | RuntimeException cutShort) {
            // the rest of the file was never acknowledged
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the assign journal file " + file, e);
        }
    }

    private static Entry decode(ByteBuffer body) {
        UUID tenant = new UUID(body.getLong(), body.getLong());
        UUID script = new UUID(body.getLong(), body.getLong());
        int count = body.getInt();
        List<byte[]> parts = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            byte[] part = new byte[body.getInt()];
            body.get(part);
            parts.add(part);
        }
        String json = null;
        if (body.hasRemaining()) {
            byte[] bytes = new byte[body.getInt()];
            body.get(bytes);
            json = new String(bytes, StandardCharsets.UTF_8);
        }
        if (body.hasRemaining()) {
            throw new IllegalStateException("bytes after the record's audit entry");
        }
        return new Entry(tenant, script, parts, json == null ? null : AuditRows.auditEvent(json), json);
    }

    /**
     * Appends the entry; it is in the operating system's hands when this returns.
     *
     * @return the record's length in bytes
     * @throws UncheckedIOException when it cannot be written; the next append starts a new file
     */
    int append(Entry entry) {
        byte[] record = encode(entry);
        try {
            if (current == null) {
                Path file = directory.resolve("devicescripts.assigns.%012d.journal".formatted(++lastFileNumber));
                PrivateFiles.create(file);
                unsealed.add(file);
                current = new FileOutputStream(file.toFile());
            }
            // A stream, not a FileChannel: an interrupt of the calling thread would close a channel under the journal.
            current.write(record);
            return record.length;
        } catch (IOException e) {
            closeCurrent();
            throw new UncheckedIOException("Cannot write the assign journal in " + directory, e);
        }
    }

    private static byte[] encode(Entry entry) {
        byte[] audit = entry.auditJson() == null ? null : entry.auditJson().getBytes(StandardCharsets.UTF_8);
        int length = 2 * UUID_BYTES + Integer.BYTES + (audit == null ? 0 : Integer.BYTES + audit.length);
        for (byte[] part : entry.parts()) {
            length += Integer.BYTES + part.length;
        }
        ByteBuffer record = ByteBuffer.allocate(2 * Integer.BYTES + length);
        record.putInt(length).putInt(0);
        record.putLong(entry.tenant().getMostSignificantBits()).putLong(entry.tenant().getLeastSignificantBits());
        record.putLong(entry.script().getMostSignificantBits()).putLong(entry.script().getLeastSignificantBits());
        record.putInt(entry.parts().size());
        for (byte[] part : entry.parts()) {
            record.putInt(part.length).put(part);
        }
        if (audit != null) {
            record.putInt(audit.length).put(audit);
        }
        CRC32 crc = new CRC32();
        crc.update(record.array(), 2 * Integer.BYTES, length);
        record.putInt(Integer.BYTES, (int) crc.getValue());
        return record.array();
    }

    /** Ends the current file: later appends go to a new one. Returns the files written since the last call. */
    List<Path> seal() {
        closeCurrent();
        List<Path> sealed = List.copyOf(unsealed);
        unsealed.clear();
        return sealed;
    }

    private void closeCurrent() {
        if (current != null) {
            try {
                current.close();
            } catch (IOException e) {
                // its records were written, or their appends failed; nothing more goes to it
            }
            current = null;
        }
    }

    @Override
    public void close() {
        closeCurrent();
    }
}
