package io.hearth.support.internal;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Receives support mail over SMTP when {@code hearth.support.smtp.enabled}: a listening socket and a
 * virtual thread per sender, at most {@code max-connections} at once (more are told 421 and retry
 * later, as senders do). Each mail is stored by {@link SmtpInbox} before the sender hears 250.
 */
@Component
class SmtpReceiver implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(SmtpReceiver.class);

    private final SmtpSettings settings;
    private final SmtpSession.Recipients recipients;
    private final SmtpSession.Delivery delivery;
    private final Semaphore slots;
    private final Set<Socket> open = ConcurrentHashMap.newKeySet();
    private volatile @Nullable ServerSocket server;

    @Autowired
    SmtpReceiver(SmtpSettings settings, InboundAddresses addresses, SmtpInbox inbox) {
        this(settings, addresses::tenantOf, inbox::deliver);
    }

    SmtpReceiver(SmtpSettings settings, SmtpSession.Recipients recipients, SmtpSession.Delivery delivery) {
        this.settings = settings;
        this.recipients = recipients;
        this.delivery = delivery;
        this.slots = new Semaphore(settings.maxConnections());
    }

    @Override
    public synchronized void start() {
        if (!settings.enabled() || server != null) {
            return;
        }
        try {
            ServerSocket socket = new ServerSocket();
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress(InetAddress.getByName(settings.bindAddress()), settings.port()), 50);
            server = socket;
            Thread.ofVirtual().name("smtp-accept").start(() -> accept(socket));
            log.info("support SMTP receiver listening on {}:{}", settings.bindAddress(), socket.getLocalPort());
        } catch (IOException e) {
            throw new IllegalStateException(
                    "hearth.support.smtp: cannot listen on " + settings.bindAddress() + ":" + settings.port(), e);
        }
    }

    @Override
    public synchronized void stop() {
        ServerSocket socket = server;
        server = null;
        if (socket != null) {
            close(socket);
            // a sender cut off before its 250 still has the mail and sends it again
            open.forEach(SmtpReceiver::close);
        }
    }

    @Override
    public boolean isRunning() {
        return server != null;
    }

    /** The port listened on (the chosen one when configured as 0); -1 when not listening. */
    int port() {
        ServerSocket socket = server;
        return socket == null ? -1 : socket.getLocalPort();
    }

    private void accept(ServerSocket socket) {
        while (!socket.isClosed()) {
            Socket client;
            try {
                client = socket.accept();
            } catch (IOException e) {
                if (!socket.isClosed()) {
                    log.warn("support SMTP receiver could not accept: {}", e.toString());
                }
                continue;
            }
            if (!slots.tryAcquire()) {
                busy(client);
                continue;
            }
            open.add(client);
            Thread.ofVirtual().name("smtp-session").start(() -> {
                try {
                    serve(client);
                } finally {
                    open.remove(client);
                    slots.release();
                }
            });
        }
    }

    private void serve(Socket client) {
        long maxSize = settings.maxMessageSize().toBytes();
        try {
            client.setSoTimeout(Math.toIntExact(Math.min(settings.idleTimeout().toMillis(), Integer.MAX_VALUE)));
        } catch (IOException e) {
            close(client);
            return;
        }
        String remote = client.getInetAddress().getHostAddress();
        SmtpSession session = new SmtpSession(settings.hostname(), maxSize, remote, recipients, delivery);
        SmtpConnection.serve(client, session, maxSize);
    }

    private void busy(Socket client) {
        try (client) {
            client.setSoTimeout(Math.toIntExact(Duration.ofSeconds(5).toMillis()));
            OutputStream out = client.getOutputStream();
            out.write(("421 4.3.2 " + settings.hostname() + " too many connections, try again later\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();
        } catch (IOException ignored) {
            // it will try again either way
        }
    }

    private static void close(java.io.Closeable closeable) {
        try {
            closeable.close();
        } catch (IOException ignored) {
            // closing is all that is wanted
        }
    }
}
