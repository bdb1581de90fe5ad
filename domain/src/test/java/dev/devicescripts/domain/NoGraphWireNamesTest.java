package dev.devicescripts.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The domain speaks its own terms; the names a Graph client writes belong to the HTTP adapter, which maps the domain's
 * subjects to them. ArchUnit cannot see string constants, so this reads them where they end up: the class files.
 */
class NoGraphWireNamesTest {

    /** Graph's property and type names that the domain once used, or the prefix they share with their kin. */
    private static final List<String> WIRE_NAMES = List.of("deviceManagementScript", "deviceAndAppManagement",
            "exclusionGroupAssignmentTarget", "@odata");

    @Test
    void noClassOfTheDomainHoldsAGraphWireName() throws IOException, URISyntaxException {
        Path classes = Path.of(AssignmentSet.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        try (Stream<Path> files = Files.walk(classes)) {
            List<Path> classFiles = files.filter(file -> file.toString().endsWith(".class")).toList();

            assertThat(classFiles).as("the domain's class files in %s", classes).isNotEmpty();
            assertThat(classFiles).filteredOn(file -> WIRE_NAMES.stream().anyMatch(text(file)::contains))
                    .as("classes holding one of %s", WIRE_NAMES).isEmpty();
        }
    }

    /** A class file's bytes one char each: its string constants, names and signatures show as written in ASCII. */
    private static String text(Path classFile) {
        try {
            return new String(Files.readAllBytes(classFile), StandardCharsets.ISO_8859_1);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
