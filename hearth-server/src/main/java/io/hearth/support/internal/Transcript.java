package io.hearth.support.internal;

import io.hearth.support.Author;
import io.hearth.support.SupportMessage;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** The text of a conversation as the customer may read it by mail: her side, the assistant's, the agents'. */
final class Transcript {

    static final String SUBJECT = "Our conversation, continued by email";

    private static final DateTimeFormatter TIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").withZone(ZoneOffset.UTC);

    private Transcript() {}

    /** The agent's text (if any), then every message so far but the notes, oldest first. */
    static String continued(@Nullable String agentText, List<SupportMessage> messages) {
        StringBuilder mail = new StringBuilder();
        if (agentText != null) {
            mail.append(agentText).append("\n\n");
        }
        mail.append("Reply to this email to continue our conversation. What we have written so far:\n");
        for (SupportMessage message : messages) {
            if (message.author() == Author.NOTE) {
                continue; // notes are the agents' own, never the customer's to read
            }
            mail.append("\n")
                    .append(who(message.author()))
                    .append(", ")
                    .append(TIME.format(message.createdAt()))
                    .append(":\n")
                    .append(message.text())
                    .append("\n");
        }
        return mail.toString();
    }

    private static String who(Author author) {
        return switch (author) {
            case CUSTOMER -> "You";
            case ASSISTANT -> "Assistant";
            case AGENT -> "Support team";
            case NOTE -> throw new IllegalArgumentException("notes are not sent");
        };
    }
}
