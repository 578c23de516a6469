package io.hearth.support.internal;

import org.springframework.context.ApplicationContext;

/**
 * The relay port support replies go to. In tests {@code hearth.messaging.smtp-port} is a random
 * placeholder, drawn anew by each reader, so it may differ from the messaging module's.
 */
public final class SupportMailRelay {

    private SupportMailRelay() {}

    public static int port(ApplicationContext context) {
        return context.getBean(SupportMailSender.class).port();
    }
}
