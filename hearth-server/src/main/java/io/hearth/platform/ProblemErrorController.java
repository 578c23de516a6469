package io.hearth.platform;

import io.hearth.shared.HearthProblem;
import io.swagger.v3.oas.annotations.Hidden;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Arrays;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Errors that never reach a controller (container errors, forwards) answer as problem details too. */
@RestController
@Hidden
class ProblemErrorController implements ErrorController {

    @RequestMapping("/error")
    ResponseEntity<ProblemDetail> error(HttpServletRequest request) {
        Object status = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        int code = status instanceof Integer value ? value : 404;
        PlatformProblem type = Arrays.stream(PlatformProblem.values())
                .filter(problem -> problem.status() == code)
                .findFirst()
                .orElse(PlatformProblem.INTERNAL);
        Object uri = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
        String instance = uri instanceof String path ? path : "/error";
        return ProblemResponses.of(new HearthProblem(type, type.title()), instance);
    }
}
