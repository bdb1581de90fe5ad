package dev.devicescripts.domain.directory;

import java.util.UUID;

/**
 * An object of the directory that a group can hold: a user, a group or an (Entra) device. Group membership names
 * these by their object id, which is unique across the three kinds within a tenant.
 */
public sealed interface DirectoryObject permits User, Group, Device {
    UUID id();

    String displayName();

    Kind kind();

    enum Kind { USER, GROUP, DEVICE }
}
