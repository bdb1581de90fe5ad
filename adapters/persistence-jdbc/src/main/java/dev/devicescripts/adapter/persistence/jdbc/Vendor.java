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

    /**
     * A FROM item that reads the table through the index. Only H2 is told: it keeps each pooled session's plan of a
     * statement while the table grows, and a plan made on a small table goes on scanning every row of the tenant once
     * the table is large, instead of looking the ids up (see docs/benchmark.md). PostgreSQL plans anew.
     */
    String through(String tableAndAlias, String index) {
        return this == H2 ? tableAndAlias + " USE INDEX (" + index + ")" : tableAndAlias;
    }

    /** Flyway's locations of this database's migrations. */
    String[] migrations() {
        return new String[] {"classpath:db/migration", "classpath:db/vendor/" + folder};
    }
}
