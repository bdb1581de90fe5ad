package dev.devicescripts.bootstrap;

import dev.devicescripts.adapter.http.admin.SeedDocument;
import dev.devicescripts.application.port.in.SeedResult;
import dev.devicescripts.application.port.in.SeedUseCase;
import dev.devicescripts.domain.TenantId;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Loads a seed document from a file, as {@code --seed} and the {@code seed} command do: streamed, so a file far
 * larger than the heap loads. The tenant is the one given, else the document's tenantId, read first in a pass that
 * skips the items, since the one transaction of a tenant must know it before the first item.
 */
final class SeedFile {
    private SeedFile() {
    }

    static SeedResult load(SeedUseCase seed, Configuration.Seed file) {
        TenantId tenant = file.tenant().orElseGet(() -> {
            try (InputStream input = open(file.file())) {
                return SeedDocument.tenantOf(input).orElseThrow(() -> new IllegalArgumentException("The seed document "
                        + file.file() + " names no tenantId; give the tenant to load it into."));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        try (SeedDocument document = SeedDocument.of(open(file.file()))) {
            return seed.seed(tenant, document);
        }
    }

    private static InputStream open(Path file) {
        try {
            return new BufferedInputStream(Files.newInputStream(file));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the seed document " + file + ": " + e.getMessage(), e);
        }
    }
}
