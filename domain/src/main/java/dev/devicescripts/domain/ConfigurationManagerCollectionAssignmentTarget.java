package dev.devicescripts.domain;

import java.util.Objects;

/** The devices of one Configuration Manager collection receive the script (co-managed devices). */
public record ConfigurationManagerCollectionAssignmentTarget(String collectionId, AssignmentFilter filter)
        implements AssignmentTarget {
    public static final int MAX_LENGTH = 128;

    public ConfigurationManagerCollectionAssignmentTarget {
        InvalidInputException.required(collectionId, "collectionId");
        if (WhiteSpace.isBlank(collectionId)) {
            throw new InvalidInputException("collectionId", "must not be blank.");
        }
        if (collectionId.length() > MAX_LENGTH) {
            throw new InvalidInputException("collectionId", "must be at most " + MAX_LENGTH + " characters long.");
        }
        // The collection id becomes part of an assignment id ({scriptId}:{collectionId}) that clients put in URLs.
        if (collectionId.chars().anyMatch(c -> c == ':' || c == '/' || WhiteSpace.isWhiteSpace(c))) {
            throw new InvalidInputException("collectionId", "must not contain ':', '/' or white space.");
        }
        Objects.requireNonNull(filter, "filter");
    }

    @Override
    public String key() {
        return collectionId;
    }
}
