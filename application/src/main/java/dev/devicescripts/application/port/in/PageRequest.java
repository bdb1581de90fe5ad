package dev.devicescripts.application.port.in;

/**
 * Which page of a list to read: skip that many scripts, then take at most {@code top}.
 */
public record PageRequest(int skip, int top) {
    public PageRequest {
        if (skip < 0) {
            throw new IllegalArgumentException("skip must not be negative: " + skip);
        }
        if (top < 1) {
            throw new IllegalArgumentException("top must be at least 1: " + top);
        }
    }
}
