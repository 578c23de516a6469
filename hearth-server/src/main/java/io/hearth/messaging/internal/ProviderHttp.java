package io.hearth.messaging.internal;

import java.io.IOException;
import java.net.ConnectException;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.function.BiPredicate;
import java.util.function.Function;

/**
 * One call to a provider's HTTP API, classified the way the dispatcher needs: 2xx accepted; 429 and
 * 5xx transient (the provider says try again); other 4xx permanent; no connection transient; a
 * connection that broke off after the request went out ambiguous (never retried).
 */
final class ProviderHttp {

    private final HttpClient http;
    private final Duration timeout;

    ProviderHttp(Duration timeout) {
        this.http = HttpClient.newBuilder().connectTimeout(timeout).build();
        this.timeout = timeout;
    }

    DeliveryResult send(HttpRequest.Builder request, Function<String, String> providerId) {
        return send(request, providerId, (status, body) -> false);
    }

    /**
     * As {@link #send(HttpRequest.Builder, Function)}, and a client error for which {@code deadAddress}
     * holds (the provider's way of saying the number or token does not exist) is {@link
     * DeliveryResult.Undeliverable}.
     */
    DeliveryResult send(
            HttpRequest.Builder request,
            Function<String, String> providerId,
            BiPredicate<Integer, String> deadAddress) {
        try {
            HttpResponse<String> answer =
                    http.send(request.timeout(timeout).build(), HttpResponse.BodyHandlers.ofString());
            int status = answer.statusCode();
            if (status / 100 == 2) {
                return new DeliveryResult.Accepted(providerId.apply(answer.body()));
            }
            if (status == 429 || status >= 500) {
                return new DeliveryResult.Transient("provider answered " + status);
            }
            if (deadAddress.test(status, answer.body())) {
                return new DeliveryResult.Undeliverable("provider answered " + status + ": the address does not exist");
            }
            return new DeliveryResult.Permanent("provider answered " + status);
        } catch (ConnectException | HttpConnectTimeoutException e) {
            return new DeliveryResult.Transient("provider unreachable");
        } catch (IOException e) {
            return new DeliveryResult.Ambiguous(
                    "provider call broke off: " + e.getClass().getSimpleName());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new DeliveryResult.Ambiguous("interrupted during the provider call");
        }
    }
}
