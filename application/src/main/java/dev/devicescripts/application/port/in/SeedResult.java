package dev.devicescripts.application.port.in;

/** What a seed did to the objects it named: new ones, changed ones, and those it found as the document has them. */
public record SeedResult(long created, long updated, long unchanged) {
}
