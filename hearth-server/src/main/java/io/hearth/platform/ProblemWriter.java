package io.hearth.platform;

import io.hearth.shared.HearthProblem;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/** Writes problem details straight to a servlet response, for filters that answer before MVC. */
@Component
class ProblemWriter {

    private final JsonMapper json;

    ProblemWriter(JsonMapper json) {
        this.json = json;
    }

    void write(HearthProblem problem, HttpServletRequest request, HttpServletResponse response) throws IOException {
        ResponseEntity<ProblemDetail> entity = ProblemResponses.of(problem, request.getRequestURI());
        response.setStatus(entity.getStatusCode().value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        String retryAfter = entity.getHeaders().getFirst(HttpHeaders.RETRY_AFTER);
        if (retryAfter != null) {
            response.setHeader(HttpHeaders.RETRY_AFTER, retryAfter);
        }
        if (problem.type().status() == 401) {
            response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Basic realm=\"hearth\", Bearer realm=\"hearth\"");
        }
        json.writeValue(response.getOutputStream(), entity.getBody());
    }
}
