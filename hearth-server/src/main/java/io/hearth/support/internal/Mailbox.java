package io.hearth.support.internal;

/**
 * The shop's support mailbox: where customers write, polled over IMAP, and the address replies come
 * from.
 *
 * @param ssl IMAP over TLS (port 993 as a rule); false is plain IMAP (143), for a local server
 * @param folder the folder read, usually {@code INBOX}
 * @param address the support address customers write to; the From of every reply
 */
record Mailbox(String host, int port, boolean ssl, String username, String password, String folder, String address) {

    String domain() {
        int at = address.lastIndexOf('@');
        return at < 0 ? "hearth.local" : address.substring(at + 1);
    }
}
