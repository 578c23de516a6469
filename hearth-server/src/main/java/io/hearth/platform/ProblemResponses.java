package io.hearth.platform;

import io.hearth.shared.FieldError;
import io.hearth.shared.HearthProblem;
import io.hearth.shared.ProblemType;
import java.net.URI;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;

/** Builds RFC 9457 problem details in the one shape every Hearth error takes. */
public final class ProblemResponses {

    public static final String TYPE_BASE = "https://hearth.dev/problems/";

    private ProblemResponses() {}

    public static ProblemDetail detail(ProblemType type, String detail, String instance, List<FieldError> errors) {
        ProblemDetail problem = ProblemDetail.forStatus(type.status());
        problem.setType(URI.create(TYPE_BASE + type.code()));
        problem.setTitle(type.title());
        problem.setDetail(detail);
        problem.setInstance(URI.create(instance));
        problem.setProperty("code", type.code());
        if (!errors.isEmpty()) {
            problem.setProperty(
                    "errors",
                    errors.stream()
                            .map(error -> Map.of("pointer", error.pointer(), "detail", error.detail()))
                            .toList());
        }
        return problem;
    }

    public static ResponseEntity<ProblemDetail> of(HearthProblem problem, String instance) {
        ProblemDetail body = detail(problem.type(), problem.getMessage(), instance, problem.errors());
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_PROBLEM_JSON);
        problem.retryAfter()
                .ifPresent(wait -> headers.set(
                        HttpHeaders.RETRY_AFTER, Long.toString(Math.max(1, (wait.toMillis() + 999) / 1000))));
        return new ResponseEntity<>(
                body, headers, HttpStatus.valueOf(problem.type().status()));
    }
}
