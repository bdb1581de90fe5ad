package dev.devicescripts.adapter.persistence.jdbc;

import java.nio.file.Path;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Where the database is and how many connections to keep open to it.
 *
 * @param url              a JDBC URL of H2 or PostgreSQL, for example {@link JdbcStore#h2FileUrl}
 * @param user             null: the URL's or the driver's default
 * @param password         null: none, or the URL's
 * @param maxPoolSize      the most connections open at once, which is also how many requests use the database at once
 * @param journalDirectory where assigns are journaled before the database has them (see JournaledSetWriter),
 *                         for a database no other process writes to; null: each assign commits to the database before
 *                         it is acknowledged
 */
public record JdbcSettings(String url, String user, String password, int maxPoolSize, Path journalDirectory) {
    private static final Pattern PASSWORD_IN_URL = Pattern.compile("(?i)(password=)[^&;]*");

    /** A database that other processes may share: assigns commit to it before they are acknowledged. */
    public JdbcSettings(String url, String user, String password, int maxPoolSize) {
        this(url, user, password, maxPoolSize, null);
    }

    /**
     * The embedded H2 database in the data directory ({@link JdbcStore#h2FileUrl}), which only this process
     * opens, with the assign journal beside it.
     */
    public static JdbcSettings embedded(Path dataDirectory, String user, String password, int maxPoolSize) {
        return new JdbcSettings(JdbcStore.h2FileUrl(dataDirectory), user, password, maxPoolSize, dataDirectory);
    }

    public JdbcSettings {
        Objects.requireNonNull(url, "url");
        if (!isSupported(url)) {
            throw new IllegalArgumentException("devicescripts keeps its data in H2 or PostgreSQL: the database URL "
                    + "must start with jdbc:h2: or jdbc:postgresql:, not " + redacted(url));
        }
        if (maxPoolSize < 1) {
            throw new IllegalArgumentException("maxPoolSize must be at least 1: " + maxPoolSize);
        }
    }

    /** Whether this adapter runs on the database of this JDBC URL. */
    public static boolean isSupported(String url) {
        return Vendor.of(url).isPresent();
    }

    /** The URL with the value of any password parameter in it masked, to be shown or logged. */
    public static String redacted(String url) {
        return PASSWORD_IN_URL.matcher(url).replaceAll("$1***");
    }

    /** The data directory of the embedded H2 database ({@link #embedded}), which holds its files; null for others. */
    Path embeddedDirectory() {
        return journalDirectory != null && url.equals(JdbcStore.h2FileUrl(journalDirectory))
                ? journalDirectory
                : null;
    }

    Vendor vendor() {
        return Vendor.of(url).orElseThrow();
    }

    /** Leaves the password out, so that logging the settings cannot leak it. */
    @Override
    public String toString() {
        return "JdbcSettings[url=" + redacted(url) + ", user=" + user + ", maxPoolSize=" + maxPoolSize
                + ", journalDirectory=" + journalDirectory + "]";
    }
}
