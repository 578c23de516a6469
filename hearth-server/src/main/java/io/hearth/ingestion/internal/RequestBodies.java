package io.hearth.ingestion.internal;

import io.hearth.ingestion.IngestionProblem;
import io.hearth.shared.FieldError;
import io.hearth.shared.HearthProblem;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.zip.GZIPInputStream;
import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads a request body as JSON within a size limit, gzip-compressed or not (Segment and RudderStack
 * clients may compress), without buffering more than the limit.
 */
@Component
public class RequestBodies {

    private final JsonMapper json;

    RequestBodies(JsonMapper json) {
        this.json = json;
    }

    public byte[] read(HttpServletRequest request, int limit, IngestionProblem tooLarge) {
        try (InputStream raw = request.getInputStream();
                InputStream body = isGzip(request) ? new GZIPInputStream(raw) : raw) {
            byte[] bytes = body.readNBytes(limit + 1);
            if (bytes.length > limit) {
                throw new HearthProblem(
                        tooLarge,
                        "The body may be at most " + limit / 1024 + " KB",
                        List.of(new FieldError("", "too large")));
            }
            return bytes;
        } catch (IOException e) {
            throw new HearthProblem(IngestionProblem.MALFORMED_JSON, "The body could not be read");
        } catch (UncheckedIOException e) {
            throw new HearthProblem(IngestionProblem.MALFORMED_JSON, "The body could not be read");
        }
    }

    public JsonNode parse(byte[] body) {
        try {
            JsonNode node = json.readTree(body);
            if (node == null || node.isMissingNode()) {
                throw new HearthProblem(
                        IngestionProblem.MALFORMED_JSON, "The body is empty", List.of(new FieldError("", "is empty")));
            }
            return node;
        } catch (JacksonException e) {
            TokenStreamLocation where = e.getLocation();
            String position = where == null ? "" : " at line " + where.getLineNr() + ", column " + where.getColumnNr();
            throw new HearthProblem(
                    IngestionProblem.MALFORMED_JSON,
                    "The body is not valid JSON" + position,
                    List.of(new FieldError("", "not valid JSON" + position)));
        }
    }

    private static boolean isGzip(HttpServletRequest request) {
        String encoding = request.getHeader("Content-Encoding");
        return encoding != null && encoding.toLowerCase(java.util.Locale.ROOT).contains("gzip");
    }
}
