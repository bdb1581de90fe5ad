package dev.devicescripts.domain.targeting;

import dev.devicescripts.domain.AssignmentFilterType;
import java.util.Objects;
import java.util.UUID;

/**
 * An assignment's filter on one subject: evaluated always, applied only when the answer simulates filters
 * ({@code applyFilters=true}), since Intune does not apply filters to PowerShell scripts (targeting.md 3.4).
 */
public record FilterCheck(UUID filterId, AssignmentFilterType type, FilterResult result, boolean applied) {
    public FilterCheck {
        Objects.requireNonNull(filterId, "filterId");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(result, "result");
    }
}
