package dev.gazette.config;

/**
 * The web server that {@code gazette serve} starts.
 *
 * @param host the address to listen on; 127.0.0.1 keeps it local, 0.0.0.0 opens it to the network
 * @param port the TCP port; 0 picks a free one
 */
public record ServerConfig(String host, int port) {}
