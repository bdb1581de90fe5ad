package dev.devicescripts.domain.targeting;

import dev.devicescripts.domain.directory.Group;
import dev.devicescripts.domain.directory.ManagedDevice;
import dev.devicescripts.domain.directory.User;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Predicate;

/**
 * Intune's targeting rules for device management scripts (targeting.md section 3): who a script reaches, who it
 * excludes, who cannot run it and why, read from one {@link TargetingDirectory}. One instance answers one question
 * (it may remember what it read, so it must not outlive the directory snapshot it reads).
 *
 * <p>Every answer comes from the same per-subject evaluation, so that a script's targets and a subject's scripts
 * always agree.
 */
public final class EffectiveTargeting {
    /** How many candidate subjects one page of {@link #targets} evaluates at most before it hands back what it has. */
    public static final int SCAN_BUDGET = 10_000;

    private final TargetingDirectory directory;
    private final boolean applyFilters;

    /**
     * @param applyFilters whether assignment filters decide as they would for workloads that support them; Intune
     *                     ignores them for scripts, so by default they are evaluated and reported, never applied
     */
    public EffectiveTargeting(TargetingDirectory directory, boolean applyFilters) {
        this.directory = directory;
        this.applyFilters = applyFilters;
    }

    /** The script's result on each device, in the order given. */
    public List<TargetResult> ofDevices(TargetedScript script, List<ManagedDevice> devices) {
        throw new UnsupportedOperationException("helper A");
    }

    /** The script's result on each user, in the order given. */
    public List<TargetResult> ofUsers(TargetedScript script, List<User> users) {
        throw new UnsupportedOperationException("helper A");
    }

    /** Each script's result on the device, in the order of the scripts given (including notTargeted ones). */
    public List<ScriptResult> scriptsOfDevice(List<TargetedScript> scripts, ManagedDevice device) {
        throw new UnsupportedOperationException("helper A");
    }

    /** Each script's result on the user, in the order of the scripts given (including notTargeted ones). */
    public List<ScriptResult> scriptsOfUser(List<TargetedScript> scripts, User user) {
        throw new UnsupportedOperationException("helper A");
    }

    /**
     * A page of the script's effective targets (4.2): every device and user it includes or excludes (or leaves
     * indeterminate), never the notTargeted ones, in {@link SubjectOrder} of their ids (devices and users merged),
     * starting after {@code after}. Walks only as far as the page needs: a script assigned to All devices reads the
     * tenant's devices a page at a time.
     *
     * @param wanted which results the page keeps (a client's $filter); the others are walked past
     * @param limit  at most this many results
     */
    public TargetPage targets(TargetedScript script, Optional<UUID> after, int limit, Predicate<TargetResult> wanted) {
        throw new UnsupportedOperationException("helper A");
    }

    /** Every assignment of the scripts that names the group or a group holding it (4.3), in script and target order. */
    public List<GroupScriptLink> assignedScripts(List<TargetedScript> scripts, Group group) {
        throw new UnsupportedOperationException("helper A");
    }

    /** The warnings of 4.5 for each script, in the order of the scripts and their targets. */
    public List<TargetingWarning> warnings(List<TargetedScript> scripts) {
        throw new UnsupportedOperationException("helper A");
    }
}
