package dev.devicescripts.adapter.persistence.jdbc;

import dev.devicescripts.adapter.persistence.jdbc.AssignJournal.Entry;
import dev.devicescripts.adapter.persistence.jdbc.AssignmentSetRows.Stored;
import dev.devicescripts.application.StorageUnavailableException;
import dev.devicescripts.application.port.out.AssignmentSetRepository.AssignAudit;
import dev.devicescripts.domain.ScriptId;
import dev.devicescripts.domain.TenantId;
import dev.devicescripts.domain.audit.AuditEvent;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Assigns to a database that only this process opens (the embedded H2 file): an assign is acknowledged once it is in
 * the {@link AssignJournal} and in memory, and a background thread writes the sets assigned since its last run to the
 * database in a few transactions, a script assigned many times only once, since a commit of H2 costs far more than
 * the assign it holds (docs/adr/0001-assign-journal.md). Reads see the sets still waiting over those in the database;
 * after a kill, opening replays the journal into the database before anything else runs.
 *
 * <p>Each assign's audit entry is in its journal record and waits with its set; entries are never coalesced, and a
 * set's transaction writes the entries of every assign it covers. Audit reads {@link #flush} first.
 *
 * <p>Not for a database that other processes write to (PostgreSQL, shared by several servers): they would neither see
 * the sets waiting here nor could they be ordered with them; {@link CommittingSetWriter} serves those.
 */
final class JournaledSetWriter implements SetWriter {
    private static final Logger LOG = LoggerFactory.getLogger(JournaledSetWriter.class);
    /** How long an assign waits, at most, before the database has it too; it bounds the journal's length. */
    private static final Duration WRITE_INTERVAL = Duration.ofSeconds(1);
    /** Sets waiting to be written that make the writer start before the interval is up. */
    private static final long WRITE_EARLY_BYTES = 1L << 20;
    /** Sets waiting above which assigns wait for the writer: memory stays bounded when the database falls behind. */
    private static final long MAX_WAITING_BYTES = 4L << 20;
    /**
     * Bounds the sets one transaction writes. H2 writes a large transaction's pages to the file more than once before
     * it commits, and holds the old values for its undo log meanwhile.
     */
    private static final long MAX_TRANSACTION_BYTES = 512L << 10;
    /** How long an assign waits for room before it is answered "retry later". */
    private static final Duration ROOM_WAIT = Duration.ofSeconds(5);

    private record Key(UUID tenant, UUID script) {
    }

    /** An assign's audit entry waiting with its set, encoded, and the bytes its journal record gave it. */
    private record Audited(AuditEvent entry, String json, long bytes) {
    }

    /**
     * A set acknowledged but not yet in the database, with the audit entries of the assigns since the database last
     * had the script's set, oldest first; a set that replaces another waiting takes over its entries. No parts: the
     * script was inserted or deleted after those assigns, and only their entries wait. Compared by identity: each
     * change makes its own. The script's displayName, as the last assign read it, names it in the next one's entry.
     */
    private static final class Waiting {
        final List<byte[]> parts;
        final String displayName;
        final List<Audited> entries;
        final long bytes;

        Waiting(List<byte[]> parts, String displayName, List<Audited> entries) {
            this.parts = parts;
            this.displayName = displayName;
            this.entries = List.copyOf(entries);
            this.bytes = (parts == null ? 0 : parts.stream().mapToLong(part -> part.length).sum())
                    + entries.stream().mapToLong(Audited::bytes).sum();
        }

        /** The same, without its first {@code written} entries, which the database has now. */
        Waiting after(int written) {
            return new Waiting(parts, displayName, entries.subList(written, entries.size()));
        }
    }

    private final Sql sql;
    private final Map<Key, Waiting> waiting = new ConcurrentHashMap<>();
    /** Orders appends to the journal with changes to {@link #waiting}, so that both hold the assigns in one order. */
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition written = lock.newCondition();
    private final Condition writeNow = lock.newCondition();
    /** Held by whichever thread writes sets to the database: one at a time, so that they are written in order. */
    private final ReentrantLock writing = new ReentrantLock();
    private final AssignJournal journal;
    /** Told when the journal cannot be written: no assign can be acknowledged any more, and a restart replays it. */
    private final Breakage breakage;
    /** Journal files whose every assign is in {@link #waiting} or the database; deleted once the database has them. */
    private final List<Path> sealed = new ArrayList<>();
    private final Thread writer;
    /**
     * How many times sets left {@link #waiting} or changed there other than by an assign; changed under the lock. An
     * assign that reads the database's set before it takes the lock trusts that read only if this stayed the same.
     */
    private volatile long departures;
    private long waitingBytes;
    private boolean closing;

    JournaledSetWriter(Sql sql, AssignJournal journal, Breakage breakage) {
        this.sql = sql;
        this.journal = journal;
        this.breakage = breakage;
        this.writer = new Thread(this::writeUntilClosed, "devicescripts:assign-journal");
        writer.setDaemon(true);
        writer.start();
    }

    /**
     * Writes the assigns a previous process journaled in {@code directory} to the database, and deletes their files.
     * Run it before the first {@link JournaledSetWriter} on that directory starts.
     */
    static void replay(Sql sql, Path directory) {
        List<Path> files = AssignJournal.files(directory);
        if (!files.isEmpty()) {
            Map<Key, List<byte[]>> latest = new HashMap<>();
            List<Entry> audited = new ArrayList<>();
            files.forEach(file -> AssignJournal.read(file, entry -> {
                latest.put(new Key(entry.tenant(), entry.script()), entry.parts());
                if (entry.audit() != null) {
                    audited.add(entry);
                }
            }));
            latest.values().removeIf(List::isEmpty); // the script was inserted or deleted after its last assign
            sql.inTransaction(null, connection -> { // many tenants' sets, before any request runs
                for (Map.Entry<Key, List<byte[]>> set : latest.entrySet()) {
                    AssignmentSetRows.replace(connection, set.getKey().tenant(), set.getKey().script(),
                            set.getValue());
                }
                for (Entry entry : audited) {
                    AuditRows.insertUnlessThere(connection, entry.tenant(), entry.audit(), entry.auditJson());
                }
                return null;
            });
            if (deleteOldestFirst(files) < files.size()) {
                throw new JdbcStorageException("Cannot delete the assign journal's files in " + directory
                        + " after writing their sets to the database", null);
            }
            LOG.info("Wrote the sets of {} scripts from the assign journal ({} files) to the database",
                    latest.size(), files.size());
        }
    }

    /**
     * The set replaced is the one waiting for the script, else the database's. Both are read, and the entry built and
     * encoded, before taking the lock, so that assigns do not wait behind each other's reads and encoding; under the
     * lock, in the rare case that another assign's set came or a set left the waiting ones meanwhile, the entry is
     * built again from what is there now. A waiting set names the script as its assign read it, so a rename in the
     * second since may not show in the next entry's displayName.
     */
    @Override
    public boolean replace(TenantId tenant, ScriptId scriptId, List<byte[]> parts, AssignAudit audit) {
        Key key = new Key(tenant.value(), scriptId.value());
        long departuresBefore = departures;
        Waiting seen = waiting.get(key);
        Optional<Stored> before = before(key, seen);
        if (before.isEmpty()) {
            return false;
        }
        Entry record = new Entry(key.tenant(), key.script(), parts,
                audit.entry(before.get().displayName(), PackedTargets.set(before.get().parts())));
        lock.lock();
        try {
            awaitRoom();
            Waiting replaced = waiting.get(key);
            if (replaced != seen || replaced == null && departures != departuresBefore) {
                before = before(key, replaced);
                if (before.isEmpty()) {
                    return false; // deleted meanwhile
                }
                record = new Entry(key.tenant(), key.script(), parts,
                        audit.entry(before.get().displayName(), PackedTargets.set(before.get().parts())));
            }
            long recordBytes;
            try {
                recordBytes = journal.append(record);
            } catch (UncheckedIOException e) {
                throw new StorageUnavailableException(journalFailed(e), e);
            }
            List<Audited> entries = new ArrayList<>(replaced == null ? List.of() : replaced.entries);
            entries.add(new Audited(record.audit(), record.auditJson(), recordBytes));
            Waiting assigned = new Waiting(parts, before.get().displayName(), entries);
            waiting.put(key, assigned);
            waitingBytes += assigned.bytes - (replaced == null ? 0 : replaced.bytes);
            if (waitingBytes >= WRITE_EARLY_BYTES) {
                writeNow.signal();
            }
            return true;
        } finally {
            lock.unlock();
        }
    }

    /**
     * The script's displayName and the set an assign of it replaces: the one waiting, which is newer, else the
     * database's; empty when there is no such script (or it was inserted or deleted since the set waiting).
     */
    private Optional<Stored> before(Key key, Waiting waitingSet) {
        if (waitingSet == null) {
            return stored(key);
        }
        return waitingSet.parts == null ? Optional.empty() : Optional.of(new Stored(waitingSet.displayName,
                waitingSet.parts));
    }

    /**
     * Drops the set waiting for a script just inserted or deleted, if any, and journals that it is gone, so that
     * neither reads nor a replay after a kill put a set of the script's earlier life on it. A set the writer is
     * writing is in the database (where it went with the script, or did nothing) before this returns.
     */
    @Override
    public void insertedOrDeleted(TenantId tenant, ScriptId scriptId) {
        Key key = new Key(tenant.value(), scriptId.value());
        boolean beingWritten = waiting.containsKey(key);
        if (beingWritten) {
            writing.lock();
        }
        lock.lock();
        try {
            journal.append(new Entry(key.tenant(), key.script(), List.of()));
            Waiting dropped = waiting.remove(key);
            if (dropped != null) {
                waitingBytes -= dropped.bytes;
                if (!dropped.entries.isEmpty()) { // they record assigns that happened: they still go to the database
                    Waiting entries = new Waiting(null, null, dropped.entries);
                    waiting.put(key, entries);
                    waitingBytes += entries.bytes;
                }
            }
            departures++;
        } catch (UncheckedIOException e) {
            // Only a script inserted again under the same id, after a kill, could show the dropped set
            LOG.warn("Cannot journal that script {} was inserted or deleted: {}", scriptId.value(), journalFailed(e));
        } finally {
            lock.unlock();
            if (beingWritten) {
                writing.unlock();
            }
        }
    }

    /** Notes the journal broken, and says why. */
    private String journalFailed(UncheckedIOException e) {
        String cause = e.getMessage() + ": " + e.getCause().getMessage();
        breakage.note(cause);
        return cause;
    }

    private Optional<Stored> stored(Key key) {
        return sql.withConnection(new TenantId(key.tenant()),
                connection -> AssignmentSetRows.stored(connection, key.tenant(), key.script()));
    }

    /**
     * Returns, holding the lock, once the sets waiting leave room. Meanwhile, when no other thread is writing, it
     * writes a transaction's worth of them itself: on two cores the writer thread, one among many busy request threads,
     * would get too little of a core to keep up with assigns of large sets. (The writer thread deletes the journal
     * files.)
     */
    private void awaitRoom() {
        long deadline = System.nanoTime() + ROOM_WAIT.toNanos();
        while (!closing && waitingBytes >= MAX_WAITING_BYTES) {
            if (writing.tryLock()) {
                List<Map.Entry<Key, Waiting>> first = transactions(waiting.entrySet()).get(0);
                lock.unlock();
                try {
                    write(first);
                } finally {
                    writing.unlock();
                    lock.lock();
                }
                continue;
            }
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                throw new StorageUnavailableException("The database is behind on writing assigns", null);
            }
            try {
                written.awaitNanos(left);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new StorageUnavailableException("Interrupted while waiting for the database", e);
            }
        }
        if (closing) {
            throw new StorageUnavailableException("The database is closing", null);
        }
    }

    /** A set leaves {@link #waiting} only once the database has it. */
    @Override
    public Map<ScriptId, List<byte[]>> waitingSets(TenantId tenant, Collection<ScriptId> scriptIds) {
        Map<ScriptId, List<byte[]>> newer = new HashMap<>();
        for (ScriptId id : scriptIds) {
            Waiting set = waiting.get(new Key(tenant.value(), id.value()));
            if (set != null && set.parts != null) {
                newer.put(id, set.parts);
            }
        }
        return newer;
    }

    @Override
    public Map<ScriptId, List<byte[]>> waitingSets(TenantId tenant) {
        Map<ScriptId, List<byte[]>> newer = new HashMap<>();
        waiting.forEach((key, set) -> {
            if (key.tenant().equals(tenant.value()) && set.parts != null) {
                newer.put(new ScriptId(key.script()), set.parts);
            }
        });
        return newer;
    }

    private void writeUntilClosed() {
        boolean last = false;
        while (!last) {
            lock.lock();
            try {
                long deadline = System.nanoTime() + WRITE_INTERVAL.toNanos();
                long left;
                while (!closing && waitingBytes < WRITE_EARLY_BYTES && (left = deadline - System.nanoTime()) > 0) {
                    writeNow.awaitNanos(left);
                }
                last = closing;
            } catch (InterruptedException e) {
                // only close() stops the writer
            } finally {
                lock.unlock();
            }
            writing.lock();
            try {
                writeWaiting();
            } catch (RuntimeException | Error e) {
                // the sets stay waiting and their files stay on disk: the next run, or the next start, writes them
                LOG.warn("Cannot write assigns to the database; retrying in {} s: {}", WRITE_INTERVAL.toSeconds(),
                        e.toString());
            } finally {
                writing.unlock();
            }
        }
    }

    /**
     * Writes every set waiting, a transaction per {@link #MAX_TRANSACTION_BYTES}, then deletes the journal files they
     * cover. Each transaction's sets leave {@link #waiting} once it commits, making room for assigns waiting for some.
     */
    private void writeWaiting() {
        List<List<Map.Entry<Key, Waiting>>> transactions;
        List<Path> covered;
        lock.lock();
        try {
            transactions = transactions(waiting.entrySet());
            sealed.addAll(journal.seal());
            covered = List.copyOf(sealed);
        } finally {
            lock.unlock();
        }
        transactions.forEach(this::write);
        int deleted = deleteOldestFirst(covered);
        lock.lock();
        try {
            sealed.subList(0, deleted).clear();
        } finally {
            lock.unlock();
        }
    }

    /**
     * The sets, copied, in groups of at most {@link #MAX_TRANSACTION_BYTES} (or one set, if larger), for a transaction
     * each. Call it holding the lock.
     */
    private static List<List<Map.Entry<Key, Waiting>>> transactions(Collection<Map.Entry<Key, Waiting>> sets) {
        List<List<Map.Entry<Key, Waiting>>> transactions = new ArrayList<>();
        List<Map.Entry<Key, Waiting>> current = new ArrayList<>();
        long bytes = 0;
        for (Map.Entry<Key, Waiting> set : sets) {
            if (!current.isEmpty() && bytes + set.getValue().bytes > MAX_TRANSACTION_BYTES) {
                transactions.add(current);
                current = new ArrayList<>();
                bytes = 0;
            }
            current.add(Map.entry(set.getKey(), set.getValue()));
            bytes += set.getValue().bytes;
        }
        if (!current.isEmpty()) {
            transactions.add(current);
        }
        return transactions;
    }

    /**
     * Writes the sets with their entries in one transaction. A set replaced while it was written leaves its
     * successor's entries, which begin with its own, to the next write.
     */
    private void write(List<Map.Entry<Key, Waiting>> sets) {
        // Many tenants' sets, on which every tenant's assigns wait: work for no one tenant (null)
        sql.inTransaction(null, connection -> {
            List<AuditRows.Encoded> entries = new ArrayList<>();
            for (Map.Entry<Key, Waiting> set : sets) {
                UUID tenant = set.getKey().tenant();
                if (set.getValue().parts != null) {
                    AssignmentSetRows.replace(connection, tenant, set.getKey().script(), set.getValue().parts);
                }
                for (Audited audited : set.getValue().entries) {
                    entries.add(new AuditRows.Encoded(tenant, audited.entry(), audited.json()));
                }
            }
            AuditRows.insertAll(connection, entries);
            return null;
        });
        lock.lock();
        try {
            for (Map.Entry<Key, Waiting> set : sets) {
                Waiting now = waiting.get(set.getKey());
                if (now == set.getValue()) {
                    waiting.remove(set.getKey());
                    waitingBytes -= now.bytes;
                } else if (now != null) {
                    Waiting rest = now.after(set.getValue().entries.size());
                    waiting.put(set.getKey(), rest);
                    waitingBytes += rest.bytes - now.bytes;
                }
            }
            departures++;
            written.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /**
     * Deletes the files oldest first, up to the first that cannot be deleted, and returns how many went. A newer file
     * must not go while an older one stays: replayed alone, the older would put back sets the newer replaced.
     */
    private static int deleteOldestFirst(List<Path> files) {
        for (int i = 0; i < files.size(); i++) {
            try {
                Files.deleteIfExists(files.get(i));
            } catch (IOException e) {
                LOG.warn("Cannot delete the written assign journal file {}: {}", files.get(i), e.toString());
                return i;
            }
        }
        return files.size();
    }

    /**
     * Writes what waits now, unless nothing does, on the calling thread: an audit read then sees every entry
     * acknowledged before it (simpler than merging the waiting entries into a filtered, ordered page, and rare enough
     * that the commit it costs does not matter).
     */
    @Override
    public void flush() {
        if (waiting.isEmpty()) {
            return;
        }
        writing.lock();
        try {
            writeWaiting();
        } finally {
            writing.unlock();
        }
    }

    /** Writes the sets waiting to the database, and stops; assigns after this fail as unavailable. */
    @Override
    public void close() {
        lock.lock();
        try {
            closing = true;
            writeNow.signal();
        } finally {
            lock.unlock();
        }
        try {
            writer.join(TimeUnit.MINUTES.toMillis(1));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        journal.close();
    }
}
