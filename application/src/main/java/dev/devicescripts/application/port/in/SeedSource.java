package dev.devicescripts.application.port.in;

import dev.devicescripts.domain.InvalidInputException;
import java.util.Optional;

/**
 * A seed document read item by item, so that a document far larger than memory is applied as it is read: the seed
 * use case pulls each item inside its one transaction.
 */
@FunctionalInterface
public interface SeedSource {
    /**
     * The next item; empty at the end of the document.
     *
     * @throws InvalidInputException naming the path of a value the document gets wrong
     */
    Optional<SeedItem> next();
}
