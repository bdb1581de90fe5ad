package dev.devicescripts.adapter.persistence.jdbc;

import java.util.Arrays;
import java.util.Optional;

/**
 * The databases this adapter runs on, told apart by their JDBC URLs. Both run the migrations in db/migration; each
 * also runs its own in db/vendor/NAME, where their SQL differs, under version numbers the other's files share.
 */
enum Vendor {
    H2("jdbc:h2:", "h2"),
    POSTGRESQL("jdbc:postgresql:", "postgresql");

    private final String urlPrefix;
    private final String folder;

    Vendor(String urlPrefix, String folder) {
        this.urlPrefix = urlPrefix;
        this.folder = folder;
    }

    static Optional<Vendor> of(String url) {
        return Arrays.stream(values()).filter(vendor -> url.startsWith(vendor.urlPrefix)).findFirst();
    }

    /** Flyway's locations of this database's migrations. */
    String[] migrations() {
        return new String[] {"classpath:db/migration", "classpath:db/vendor/" + folder};
    }
}
