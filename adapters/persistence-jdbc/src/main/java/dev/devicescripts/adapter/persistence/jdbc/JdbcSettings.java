package dev.devicescripts.adapter.persistence.jdbc;

import java.util.Objects;

/**
 * Where the database is and how many connections to keep open to it.
 *
 * @param url         a JDBC URL, for example {@link JdbcPersistence#h2FileUrl}
 * @param maxPoolSize the most connections open at once, which is also how many requests use the database at once
 */
public record JdbcSettings(String url, String user, String password, int maxPoolSize) {
    public JdbcSettings {
        Objects.requireNonNull(url, "url");
        if (maxPoolSize < 1) {
            throw new IllegalArgumentException("maxPoolSize must be at least 1: " + maxPoolSize);
        }
    }

    /** Leaves the password out, so that logging the settings cannot leak it. */
    @Override
    public String toString() {
        return "JdbcSettings[url=" + url + ", user=" + user + ", maxPoolSize=" + maxPoolSize + "]";
    }
}
