package dev.gazette.delivery.smtp;

import java.io.IOException;
import java.net.InetAddress;
import java.net.Socket;
import javax.net.SocketFactory;
import javax.net.ssl.SSLSocketFactory;

/**
 * Socket factories that switch Nagle's algorithm off ({@code TCP_NODELAY}). jakarta.mail leaves it on, so the
 * last short write of every message waits for the server's delayed acknowledgement (about 40 ms on Linux):
 * one connection then carries about 22 messages a second instead of hundreds (see bench/README.md).
 * STARTTLS wraps the plain socket, so it inherits the setting; SMTPS gets its own TLS factory.
 */
final class NoDelaySockets {
    private NoDelaySockets() {}

    /** For plain SMTP and STARTTLS. */
    static SocketFactory plain() {
        SocketFactory delegate = SocketFactory.getDefault();
        return new SocketFactory() {
            @Override
            public Socket createSocket() throws IOException {
                return noDelay(delegate.createSocket());
            }

            @Override
            public Socket createSocket(String host, int port) throws IOException {
                return noDelay(delegate.createSocket(host, port));
            }

            @Override
            public Socket createSocket(String host, int port, InetAddress local, int localPort) throws IOException {
                return noDelay(delegate.createSocket(host, port, local, localPort));
            }

            @Override
            public Socket createSocket(InetAddress host, int port) throws IOException {
                return noDelay(delegate.createSocket(host, port));
            }

            @Override
            public Socket createSocket(InetAddress host, int port, InetAddress local, int localPort) throws IOException {
                return noDelay(delegate.createSocket(host, port, local, localPort));
            }
        };
    }

    /** For SMTPS: the JDK's default TLS factory (certificates and host names checked as usual). */
    static SSLSocketFactory tls() {
        SSLSocketFactory delegate = (SSLSocketFactory) SSLSocketFactory.getDefault();
        return new SSLSocketFactory() {
            @Override
            public String[] getDefaultCipherSuites() {
                return delegate.getDefaultCipherSuites();
            }

            @Override
            public String[] getSupportedCipherSuites() {
                return delegate.getSupportedCipherSuites();
            }

            @Override
            public Socket createSocket() throws IOException {
                return noDelay(delegate.createSocket());
            }

            @Override
            public Socket createSocket(Socket socket, String host, int port, boolean autoClose) throws IOException {
                return noDelay(delegate.createSocket(noDelay(socket), host, port, autoClose));
            }

            @Override
            public Socket createSocket(String host, int port) throws IOException {
                return noDelay(delegate.createSocket(host, port));
            }

            @Override
            public Socket createSocket(String host, int port, InetAddress local, int localPort) throws IOException {
                return noDelay(delegate.createSocket(host, port, local, localPort));
            }

            @Override
            public Socket createSocket(InetAddress host, int port) throws IOException {
                return noDelay(delegate.createSocket(host, port));
            }

            @Override
            public Socket createSocket(InetAddress host, int port, InetAddress local, int localPort) throws IOException {
                return noDelay(delegate.createSocket(host, port, local, localPort));
            }
        };
    }

    private static Socket noDelay(Socket socket) throws IOException {
        socket.setTcpNoDelay(true);
        return socket;
    }
}
