package io.hearth.support.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class SmtpWireTest {

    private static InputStream wire(String text) {
        return new ByteArrayInputStream(text.getBytes(StandardCharsets.ISO_8859_1));
    }

    private static String data(String wire, long limit) throws IOException {
        byte[] data = SmtpWire.readData(wire(wire), limit);
        return data == null ? null : new String(data, StandardCharsets.ISO_8859_1);
    }

    @Test
    void dataEndsAtTheLoneDotAndLosesItsTransparencyDots() throws IOException {
        InputStream in = wire("Subject: x\r\n\r\n..leading dot\r\n.\r\nNOOP\r\n");
        byte[] data = SmtpWire.readData(in, 1000);
        assertThat(new String(data, StandardCharsets.US_ASCII)).isEqualTo("Subject: x\r\n\r\n.leading dot\r\n");
        // what follows the final dot is the next command, not lost
        assertThat(SmtpWire.readLine(in)).isEqualTo(new SmtpWire.Line.Text("NOOP"));
    }

    @Test
    void anEmptyMessageAndDotsInsideLinesStayAsTheyAre() throws IOException {
        assertThat(data(".\r\n", 10)).isEmpty();
        assertThat(data("a.b\r\n...\r\n.x\r\n.\r\n", 100)).isEqualTo("a.b\r\n..\r\nx\r\n");
        assertThat(data(".\rx\r\n.\r\n", 100)).isEqualTo("\rx\r\n");
    }

    @Test
    void onlyCrLfDotCrLfEndsTheData() throws IOException {
        // a bare LF before the dot does not end it (SMTP smuggling): the dot and the rest stay data
        assertThat(data("a\n.\nMAIL FROM:<x@y>\r\n.\r\n", 100)).isEqualTo("a\n.\nMAIL FROM:<x@y>\r\n");
        assertThat(data("a\r\n.\nb\r\n.\r\n", 100)).isEqualTo("a\r\n\nb\r\n");
    }

    @Test
    void dataOverTheLimitIsReadToItsEndAndDropped() throws IOException {
        InputStream in = wire("x".repeat(50) + "\r\n" + "y".repeat(50) + "\r\n.\r\nQUIT\r\n");
        assertThat(SmtpWire.readData(in, 60)).isNull();
        assertThat(SmtpWire.readLine(in)).isEqualTo(new SmtpWire.Line.Text("QUIT"));
        assertThat(data("x".repeat(58) + "\r\n.\r\n", 60)).hasSize(60);
    }

    @Test
    void aConnectionEndingInsideTheDataIsAnError() {
        assertThatThrownBy(() -> SmtpWire.readData(wire("half a mail\r\n"), 100))
                .isInstanceOf(EOFException.class);
    }

    @Test
    void commandLinesEndAtCrLfOrLfAndAreBounded() throws IOException {
        InputStream in = wire("EHLO a\r\nNOOP\n" + "X".repeat(600) + "\r\nQUIT\r\n");
        assertThat(SmtpWire.readLine(in)).isEqualTo(new SmtpWire.Line.Text("EHLO a"));
        assertThat(SmtpWire.readLine(in)).isEqualTo(new SmtpWire.Line.Text("NOOP"));
        assertThat(SmtpWire.readLine(in)).isInstanceOf(SmtpWire.Line.TooLong.class);
        assertThat(SmtpWire.readLine(in)).isEqualTo(new SmtpWire.Line.Text("QUIT"));
        assertThat(SmtpWire.readLine(in)).isNull();
        assertThat(SmtpWire.readLine(wire("X".repeat(510) + "\r\n"))).isInstanceOf(SmtpWire.Line.Text.class);
        assertThat(SmtpWire.readLine(wire("X".repeat(511) + "\r\n"))).isInstanceOf(SmtpWire.Line.TooLong.class);
    }
}
