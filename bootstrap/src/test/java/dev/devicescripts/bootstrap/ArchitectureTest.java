package dev.devicescripts.bootstrap;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.core.importer.Location;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** The hexagon's rules: dependencies point inwards, and the core knows no framework. */
@AnalyzeClasses(packages = "dev.devicescripts",
        importOptions = {ImportOption.DoNotIncludeTests.class, ArchitectureTest.DoNotIncludeTestJars.class})
class ArchitectureTest {
    /**
     * The rules are about main code. DoNotIncludeTests leaves out test class folders, but once modules are packaged
     * (mvn verify) the test helpers other modules share come from their test-jars, which it does not recognise.
     */
    static final class DoNotIncludeTestJars implements ImportOption {
        @Override
        public boolean includes(Location location) {
            return !location.contains("-tests.jar");
        }
    }

    private static final String HTTP = "dev.devicescripts.adapter.http";

    @ArchTest
    static final ArchRule layersDependOnlyInwards = layeredArchitecture()
            .consideringOnlyDependenciesInLayers()
            .layer("Domain").definedBy("dev.devicescripts.domain..")
            .layer("Application").definedBy("dev.devicescripts.application..")
            .layer("HTTP adapter").definedBy("dev.devicescripts.adapter.http..")
            .layer("JDBC adapter").definedBy("dev.devicescripts.adapter.persistence.jdbc..")
            .layer("Memory adapter").definedBy("dev.devicescripts.adapter.persistence.memory..")
            .layer("Bootstrap").definedBy("dev.devicescripts.bootstrap..")
            .whereLayer("Bootstrap").mayNotBeAccessedByAnyLayer()
            .whereLayer("HTTP adapter").mayOnlyBeAccessedByLayers("Bootstrap")
            .whereLayer("JDBC adapter").mayOnlyBeAccessedByLayers("Bootstrap")
            .whereLayer("Memory adapter").mayOnlyBeAccessedByLayers("Bootstrap")
            .whereLayer("Application").mayOnlyBeAccessedByLayers(
                    "HTTP adapter", "JDBC adapter", "Memory adapter", "Bootstrap")
            .whereLayer("Domain").mayOnlyBeAccessedByLayers(
                    "Application", "HTTP adapter", "JDBC adapter", "Memory adapter", "Bootstrap");

    @ArchTest
    static final ArchRule domainDependsOnNothingButTheJdk = noClasses()
            .that().resideInAPackage("dev.devicescripts.domain..")
            .should().dependOnClassesThat()
            .resideOutsideOfPackages("dev.devicescripts.domain..", "java..");

    @ArchTest
    static final ArchRule applicationDependsOnNothingButTheDomainAndTheJdk = noClasses()
            .that().resideInAPackage("dev.devicescripts.application..")
            .should().dependOnClassesThat()
            .resideOutsideOfPackages("dev.devicescripts.application..", "dev.devicescripts.domain..", "java..");

    @ArchTest
    static final ArchRule coreUsesNoFrameworkJdbcOrMetricsLibrary = noClasses()
            .that().resideInAnyPackage("dev.devicescripts.domain..", "dev.devicescripts.application..")
            .should().dependOnClassesThat()
            .resideInAnyPackage("io.javalin..", "com.fasterxml.jackson..", "com.google.inject..", "jakarta.inject..",
                    "javax.inject..", "java.sql..", "javax.sql..", "io.micrometer..", "io.prometheus..");

    @ArchTest
    static final ArchRule httpAdapterPackagesAreFreeOfCycles = slices()
            .matching(HTTP + ".(*)..")
            .should().beFreeOfCycles();

    /** The root package wires the adapter together; what it wires must not need it back. */
    @ArchTest
    static final ArchRule onlyBootstrapUsesTheHttpAdaptersRootPackage = noClasses()
            .that().resideInAPackage(HTTP + ".*..")
            .should().dependOnClassesThat().resideInAPackage(HTTP);

    /**
     * Graph's plumbing and OData serve every resource, so they know none: nothing of the adapter but each other and
     * authentication, whose failures GraphErrors answers.
     */
    @ArchTest
    static final ArchRule graphAndOdataDependOnNoResourcePackage = noClasses()
            .that().resideInAnyPackage(HTTP + ".graph..", HTTP + ".odata..")
            .should().dependOnClassesThat(resideInAPackage(HTTP + "..")
                    .and(not(resideInAnyPackage(HTTP + ".graph..", HTTP + ".odata..", HTTP + ".auth.."))));

    /** Outbound ports speak of what is stored, never of the requests that inbound ports take. */
    @ArchTest
    static final ArchRule outboundPortsUseNoInboundPort = noClasses()
            .that().resideInAPackage("dev.devicescripts.application.port.out..")
            .should().dependOnClassesThat().resideInAPackage("dev.devicescripts.application.port.in..");

    /** The HTTP adapter reaches the store only through the use cases, which check access and tenancy. */
    @ArchTest
    static final ArchRule inboundAdaptersUseNoOutboundPort = noClasses()
            .that().resideInAPackage(HTTP + "..")
            .should().dependOnClassesThat().resideInAPackage("dev.devicescripts.application.port.out..");

    /** Storage adapters implement outbound ports; they have no business with the requests of inbound ones. */
    @ArchTest
    static final ArchRule outboundAdaptersUseNoInboundPort = noClasses()
            .that().resideInAPackage("dev.devicescripts.adapter.persistence..")
            .should().dependOnClassesThat().resideInAPackage("dev.devicescripts.application.port.in..");

    /** Adapters see ports only; bootstrap alone knows which service implements which. */
    @ArchTest
    static final ArchRule adaptersUseNoService = noClasses()
            .that().resideInAPackage("dev.devicescripts.adapter..")
            .should().dependOnClassesThat().resideInAPackage("dev.devicescripts.application.service..");
}
