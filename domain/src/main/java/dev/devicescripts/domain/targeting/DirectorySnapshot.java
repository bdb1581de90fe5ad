package dev.devicescripts.domain.targeting;

/**
 * A directory held in memory, for using the targeting rules without a store (in another app, in tests): built once
 * from its objects and memberships, then only read.
 */
public final class DirectorySnapshot {
    // helper A: implements TargetingDirectory, with a builder (users, groups with members, devices, managed devices,
    // filters).
}
