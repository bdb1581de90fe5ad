package dev.devicescripts.application.port.out;

import java.util.UUID;

/** New, never-used object ids for the directory's users, groups and devices. */
public interface DirectoryIdGenerator {
    UUID newObjectId();
}
