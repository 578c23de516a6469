package io.hearth.support.internal;

import java.util.List;

/**
 * One customer email as the assistant needs it.
 *
 * @param messageId the Message-ID header, with its angle brackets
 * @param threadIds In-Reply-To and References, nearest first: the mails this one answers
 * @param text the new text only, without the quoted earlier mails
 */
record InboundEmail(String messageId, List<String> threadIds, String from, String subject, String text) {}
