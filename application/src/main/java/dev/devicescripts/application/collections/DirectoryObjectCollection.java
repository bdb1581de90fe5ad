package dev.devicescripts.application.collections;

import static dev.devicescripts.application.query.ValueType.GUID;
import static dev.devicescripts.application.query.ValueType.STRING;

import dev.devicescripts.application.query.EntitySet;
import dev.devicescripts.application.query.Property;
import dev.devicescripts.domain.directory.DirectoryObject;
import java.util.List;

/**
 * {@code directoryObjects}: what a group's members lists hold, users, groups and devices together. Queries over them
 * use what the three kinds share; each item is written as its own kind.
 */
public final class DirectoryObjectCollection {
    public static final Property<DirectoryObject> ID = Property.of("id", GUID, DirectoryObject::id);
    public static final Property<DirectoryObject> DISPLAY_NAME =
            Property.<DirectoryObject>of("displayName", STRING, DirectoryObject::displayName).nullable();

    public static final EntitySet<DirectoryObject> DIRECTORY_OBJECTS = new EntitySet<>("directoryObject",
            List.of(ID, DISPLAY_NAME), ID, List.of(), List.of());

    private DirectoryObjectCollection() {
    }
}
