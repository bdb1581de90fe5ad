package dev.devicescripts.domain.targeting;

import static org.assertj.core.api.Assertions.assertThat;

import dev.devicescripts.domain.AssignmentSet;
import dev.devicescripts.domain.ExclusionGroupAssignmentTarget;
import dev.devicescripts.domain.GroupAssignmentTarget;
import dev.devicescripts.domain.GroupId;
import dev.devicescripts.domain.RunAsAccount;
import dev.devicescripts.domain.ScriptId;
import dev.devicescripts.domain.directory.Device;
import dev.devicescripts.domain.directory.Group;
import dev.devicescripts.domain.directory.ManagedDevice;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The example of docs/effective-targeting.md, "Using the rules in another app": the code between the markers below
 * is the page's Java block, line for line, so the page cannot show code that does not compile or answer as it says.
 */
class ReadmeExampleTest {
    private static final Path PAGE = Path.of("../docs/effective-targeting.md");
    private static final Path SOURCE =
            Path.of("src/test/java/dev/devicescripts/domain/targeting/ReadmeExampleTest.java");

    @Test
    void lab042IsExcludedFromCleanupThroughChangeFreeze() {
        // example:start
        // A directory of your own, held in memory: LAB-042 is in Lab devices, which All managed devices holds,
        // and in Change freeze.
        Instant now = Instant.now();
        UUID entraId = UUID.randomUUID();   // the Entra device's object id: what groups hold
        UUID deviceId = UUID.randomUUID();  // its deviceId: what the managed device's azureADDeviceId names
        Device entra = new Device(entraId, deviceId, "LAB-042", "Windows", "10.0.22631.4460", true, "AzureAd", true,
                true, "company", null, now, null);
        ManagedDevice lab = new ManagedDevice(UUID.randomUUID(), "LAB-042", "Desktop 5", "Northwind", null, "Windows",
                "10.0.22631.4460", "company", null, null, null, null, List.of(), deviceId, true, "azureADJoined",
                "windowsAzureADJoin", now, now, "Enterprise", 4, "x64", null, null, "mdm", "compliant", List.of("0"),
                true);
        Function<String, Group> group = name -> new Group(UUID.randomUUID(), name, null, false, name, true,
                List.of(), null, null, null, now);
        Group labDevices = group.apply("Lab devices");
        Group allManaged = group.apply("All managed devices");
        Group freeze = group.apply("Change freeze");
        TargetingDirectory directory = DirectorySnapshot.builder()
                .device(entra).managedDevice(lab)
                .group(labDevices, entraId).group(allManaged, labDevices.id()).group(freeze, entraId)
                .build();

        // Cleanup.ps1: every managed device but those in Change freeze.
        TargetedScript cleanup = new TargetedScript(new ScriptId(UUID.randomUUID()), "Cleanup.ps1",
                RunAsAccount.SYSTEM, AssignmentSet.of(List.of(
                        GroupAssignmentTarget.withoutFilter(new GroupId(allManaged.id())),
                        new ExclusionGroupAssignmentTarget(new GroupId(freeze.id()))),
                        AssignmentSet.DEFAULT_MAX_TARGETS));

        // Why does LAB-042 not run it? (false: report assignment filters, never apply them, as Intune does)
        TargetResult answer = new EffectiveTargeting(directory, false).ofDevices(cleanup, List.of(lab)).get(0);
        answer.state();   // EXCLUDED
        List<String> why = answer.reasons().stream()
                .map(reason -> reason.code().graphName() + " (" + reason.code().basis().graphName() + ")")
                .toList();    // target.groupNested (decision), target.groupDirect (documented),
                              // decision.excluded (documented)
        // example:end

        assertThat(answer.state()).isEqualTo(TargetState.EXCLUDED);
        assertThat(why).containsExactly("target.groupNested (decision)", "target.groupDirect (documented)",
                "decision.excluded (documented)");
        assertThat(answer.reasons().get(0).membershipPath()).containsExactly(allManaged.id(), labDevices.id(),
                entraId);
    }

    @Test
    void thePageShowsTheExampleAsItIsHere() throws IOException {
        Matcher example = Pattern.compile("(?s)// example:start\n(.*?)\n\\s*// example:end")
                .matcher(Files.readString(SOURCE));
        assertThat(example.find()).isTrue();
        String code = example.group(1).lines().map(line -> line.replaceFirst("^ {8}", ""))
                .collect(Collectors.joining("\n"));
        Matcher block = Pattern.compile("(?s)## Using the rules in another app.*?```java\n(.*?)\n```")
                .matcher(Files.readString(PAGE));
        assertThat(block.find()).isTrue();
        assertThat(block.group(1)).isEqualTo(code);
    }
}
