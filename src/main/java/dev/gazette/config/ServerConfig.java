package dev.gazette.config;

/**
 * The web server that {@code gazette serve} starts.
 *
 * @param host the address to listen on; 127.0.0.1 keeps it local, 0.0.0.0 opens it to the network
 * @param port the TCP port; 0 picks a free one
 * @param publicUrl the address readers reach Gazette at, used in the links of every email (preferences,
 *     unsubscribe); empty means {@code http://host:port}, which suits a demo on one machine only
 */
public record ServerConfig(String host, int port, String publicUrl) {

    /** The base of every link in an email, without a trailing slash, given the port actually bound. */
    public String baseUrl(int boundPort) {
        if (publicUrl != null && !publicUrl.isBlank()) {
            return publicUrl.endsWith("/") ? publicUrl.substring(0, publicUrl.length() - 1) : publicUrl;
        }
        String shown = host.equals("0.0.0.0") || host.equals("::") ? "localhost" : host;
        return "http://" + shown + ":" + boundPort;
    }
}
