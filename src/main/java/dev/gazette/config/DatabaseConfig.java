package dev.gazette.config;

/**
 * Where Gazette stores everything.
 *
 * @param url a JDBC URL (jdbc:h2:... or jdbc:postgresql:...); empty means an embedded H2 database
 *     file in the data directory
 * @param user database user
 * @param password database password (prefer the GAZETTE_DATABASE_PASSWORD environment variable)
 * @param poolSize the most connections held open
 */
public record DatabaseConfig(String url, String user, String password, int poolSize) {

    public boolean embedded() {
        return url == null || url.isBlank();
    }

    @Override
    public String toString() {
        return "DatabaseConfig[url=" + url + ", user=" + user + ", password=***, poolSize=" + poolSize + "]";
    }
}
