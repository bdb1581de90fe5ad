package dev.devicescripts.adapter.persistence.jdbc;

import dev.devicescripts.domain.AssignmentFilter;
import dev.devicescripts.domain.AssignmentFilterType;
import dev.devicescripts.domain.AssignmentSet;
import dev.devicescripts.domain.AssignmentTarget;
import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * An assignment set's targets as stored in script_assignment_set (since V8) and in the assign journal: a format byte,
 * then per target, in the set's order, its kind and filter type as a byte each, the filter's id if it has one, and the
 * group's id or the collection's id (as a length and UTF-8) if the kind has one. Packed rather than JSON
 * ({@link TargetsJson}, V7's form) because the bytes of large sets, encoded, journaled and written by H2, bound the
 * rate of their assigns (figures in docs/adr/0002-packed-targets.md).
 *
 * <p>A set is written as parts of at most {@link #TARGETS_PER_PART} targets, one row each, so that no row outgrows a
 * binary column of H2 (a million bytes) however many targets a server allows.
 */
final class PackedTargets {
    private static final int TARGETS_PER_PART = 500;
    private static final byte FORMAT = 1;
    private static final int UUID_BYTES = 16;
    /** Stored as their positions here: add to the end only. */
    private static final List<String> KINDS = List.of(StoredTarget.GROUP, StoredTarget.EXCLUSION_GROUP,
            StoredTarget.ALL_DEVICES, StoredTarget.ALL_LICENSED_USERS, StoredTarget.COLLECTION);
    private static final List<AssignmentFilterType> FILTER_TYPES =
            List.of(AssignmentFilterType.NONE, AssignmentFilterType.INCLUDE, AssignmentFilterType.EXCLUDE);

    private PackedTargets() {
    }

    /** The parts to store, in order; an empty set is one empty part. */
    static List<byte[]> parts(List<AssignmentTarget> targets) {
        List<byte[]> parts = new ArrayList<>();
        int from = 0;
        do {
            int to = Math.min(targets.size(), from + TARGETS_PER_PART);
            parts.add(write(targets.subList(from, to).stream().map(StoredTarget::of).toList()));
            from = to;
        } while (from < targets.size());
        return parts;
    }

    private static byte[] write(List<StoredTarget> targets) {
        int length = 1;
        for (StoredTarget target : targets) {
            length += 2 + (target.filter().isNone() ? 0 : UUID_BYTES) + (target.groupId() == null ? 0 : UUID_BYTES)
                    + (target.collectionId() == null ? 0 : Short.BYTES + utf8(target.collectionId()).length);
        }
        ByteBuffer part = ByteBuffer.allocate(length).put(FORMAT);
        for (StoredTarget target : targets) {
            part.put((byte) KINDS.indexOf(target.targetType()));
            part.put((byte) FILTER_TYPES.indexOf(target.filter().type()));
            if (!target.filter().isNone()) {
                putUuid(part, target.filter().filterId());
            }
            if (target.groupId() != null) {
                putUuid(part, target.groupId());
            }
            if (target.collectionId() != null) {
                byte[] collectionId = utf8(target.collectionId());
                part.putShort((short) collectionId.length).put(collectionId);
            }
        }
        return part.array();
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static void putUuid(ByteBuffer part, UUID id) {
        part.putLong(id.getMostSignificantBits()).putLong(id.getLeastSignificantBits());
    }

    /** The set the parts hold, in order. */
    static AssignmentSet set(List<byte[]> parts) {
        List<AssignmentTarget> targets = new ArrayList<>();
        parts.forEach(part -> read(part, targets));
        return AssignmentSet.restore(targets);
    }

    /** Adds the targets of one stored part to {@code targets}. */
    static void read(byte[] stored, List<AssignmentTarget> targets) {
        ByteBuffer part = ByteBuffer.wrap(stored);
        try {
            if (part.get() != FORMAT) {
                throw corrupt("starts with an unknown format byte " + stored[0]);
            }
            while (part.hasRemaining()) {
                String kind = KINDS.get(part.get());
                AssignmentFilterType filterType = FILTER_TYPES.get(part.get());
                UUID filterId = filterType == AssignmentFilterType.NONE ? null : uuid(part);
                UUID groupId = kind.equals(StoredTarget.GROUP) || kind.equals(StoredTarget.EXCLUSION_GROUP)
                        ? uuid(part) : null;
                String collectionId = null;
                if (kind.equals(StoredTarget.COLLECTION)) {
                    byte[] utf8 = new byte[Short.toUnsignedInt(part.getShort())];
                    part.get(utf8);
                    collectionId = new String(utf8, StandardCharsets.UTF_8);
                }
                targets.add(new StoredTarget(kind, groupId, collectionId, new AssignmentFilter(filterType, filterId))
                        .toTarget());
            }
        } catch (BufferUnderflowException | IndexOutOfBoundsException e) {
            throw corrupt("is cut short or damaged");
        }
    }

    private static UUID uuid(ByteBuffer part) {
        return new UUID(part.getLong(), part.getLong());
    }

    private static IllegalStateException corrupt(String problem) {
        return new IllegalStateException("The database holds an assignment set that " + problem + ".");
    }
}
