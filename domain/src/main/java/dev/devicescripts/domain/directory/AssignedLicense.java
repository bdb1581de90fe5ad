package dev.devicescripts.domain.directory;

import java.util.List;
import java.util.Objects;
import java.util.UUID;

/** A license a user holds: the product's SKU and the service plans of it that are turned off. */
public record AssignedLicense(UUID skuId, List<UUID> disabledPlans) {
    public AssignedLicense {
        Objects.requireNonNull(skuId, "skuId");
        disabledPlans = List.copyOf(disabledPlans);
    }
}
