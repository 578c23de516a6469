package io.hearth.journeys.internal;

import io.hearth.journeys.Step;
import io.hearth.messaging.Attribution;
import io.hearth.messaging.MessageStatus;
import io.hearth.messaging.MessagingManagement;
import io.hearth.messaging.SendRequest;
import io.hearth.messaging.SentMessage;
import io.hearth.privacy.Decision;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Runs a best-action step: backs off from a customer who ignores messages, asks the guardrails about
 * every action, lets {@link NextBestAction} choose by expected value, sends the choice once per
 * (run, step) and writes the choice, with every candidate's figures, to the decision log.
 */
@Component
class BestActions {

    /** A message not opened or clicked within a day of its sending counts as ignored. */
    static final Duration IGNORED_AFTER = Duration.ofDays(1);

    static final String MODEL = "journeys-next-best-action@1";

    private final Guardrails guardrails;
    private final MessagingManagement messaging;
    private final Responses responses;
    private final JsonMapper json;
    private final Clock clock;

    BestActions(
            Guardrails guardrails, MessagingManagement messaging, Responses responses, JsonMapper json, Clock clock) {
        this.guardrails = guardrails;
        this.messaging = messaging;
        this.responses = responses;
        this.json = json;
        this.clock = clock;
    }

    /** Where a step's outcome is written (the run's step log). */
    interface Recorder {
        void record(RunState run, String step, String outcome, @Nullable String reason);
    }

    Move execute(RunState run, Step.BestAction step, Recorder log) {
        Instant now = clock.instant();
        String backoffKey = "backoff:" + step.id();
        int ignored = NextBestAction.ignoredInARow(responses.engagedNewestFirst(
                run.tenant, run.profile.customerId(), now.minus(IGNORED_AFTER), step.backoffAfterIgnored()));
        if (ignored >= step.backoffAfterIgnored()) {
            Object until = run.context.get(backoffKey);
            if (until == null) {
                Instant wake = now.plus(step.backoff());
                run.context.put(backoffKey, wake.toString());
                decide(
                        run,
                        step,
                        List.of(),
                        ignored,
                        "backoff",
                        ignored + " messages in a row ignored: waiting until " + wake);
                log.record(run, step.id(), "waiting", "backoff");
                return new Move.Sleep(wake, null);
            }
            if (now.isBefore(Instant.parse(until.toString()))) {
                return new Move.Sleep(Instant.parse(until.toString()), null);
            }
            decide(
                    run,
                    step,
                    List.of(),
                    ignored,
                    "hold",
                    "still " + ignored + " messages in a row ignored after backing off");
            log.record(run, step.id(), "suppressed", "ignored");
            return new Move.Go(null);
        }
        Map<String, SendPolicy.Verdict> verdicts = new HashMap<>();
        List<NextBestAction.Candidate> candidates = candidates(run, step, verdicts);
        Optional<NextBestAction.Candidate> chosen = NextBestAction.choose(candidates);
        if (chosen.isEmpty()) {
            Optional<SentMessage> earlier = verdicts.values().stream()
                            .anyMatch(verdict -> verdict instanceof SendPolicy.Verdict.Suppress suppress
                                    && suppress.mayCountOwnMessage())
                    ? messaging.resume(run.tenant, run.effectKey(step.id()))
                    : Optional.empty();
            if (earlier.isPresent()) {
                return resumed(run, step, earlier.get(), log, now);
            }
            decide(run, step, candidates, ignored, "suppressed", "no action passes the guardrails");
            log.record(run, step.id(), "suppressed", "no-eligible-action");
            return new Move.Go(null);
        }
        Step.Action action = chosen.get().action();
        if (verdicts.get(action.id()) instanceof SendPolicy.Verdict.Delay delay) {
            if (run.context.put("delayed:" + step.id(), delay.until().toString()) == null) {
                log.record(run, step.id(), "delayed", delay.reason());
            }
            return new Move.Sleep(delay.until(), null);
        }
        SentMessage message = messaging.send(
                run.tenant,
                new SendRequest(
                        run.profile.customerId(),
                        action.template(),
                        action.channel(),
                        step.purpose(),
                        run.effectKey(step.id()),
                        new Attribution(run.key(), step.id(), run.variant),
                        Map.of("journey", run.key(), "action", action.id())));
        if (!message.templateKey().equals(action.template()) || message.channel() != action.channel()) {
            // The step's key already had a message: another action, chosen before a node died, whose
            // own message made the guardrails suppress it this time.
            return resumed(run, step, message, log, now);
        }
        boolean went = message.status() == MessageStatus.SENT || message.status() == MessageStatus.RETRYING;
        if (went) {
            responses.sent(run.tenant, run.profile.customerId(), run.key(), message, now);
        }
        decide(run, step, candidates, ignored, action.id(), NextBestAction.reason(chosen.get(), candidates));
        log.record(run, step.id(), went ? "sent" : "failed", action.id());
        return new Move.Go(null);
    }

    /** The step's outcome is the message committed under its key before a restart. */
    private Move resumed(RunState run, Step.BestAction step, SentMessage message, Recorder log, Instant now) {
        String action = step.actions().stream()
                .filter(candidate ->
                        candidate.template().equals(message.templateKey()) && candidate.channel() == message.channel())
                .map(Step.Action::id)
                .findFirst()
                .orElse(message.templateKey());
        boolean went = message.status() == MessageStatus.SENT || message.status() == MessageStatus.RETRYING;
        if (went) {
            responses.sent(run.tenant, run.profile.customerId(), run.key(), message, now);
        }
        decide(run, step, List.of(), 0, action, "chosen before a restart; its message was already committed");
        log.record(run, step.id(), went ? "sent" : "failed", action);
        return new Move.Go(null);
    }

    private List<NextBestAction.Candidate> candidates(
            RunState run, Step.BestAction step, Map<String, SendPolicy.Verdict> verdicts) {
        Map<String, Responses.Counts> counts = responses.counts(
                run.tenant,
                run.profile.customerId(),
                step.actions().stream().map(Step.Action::template).distinct().toList());
        List<NextBestAction.Candidate> candidates = new ArrayList<>();
        for (Step.Action action : step.actions()) {
            SendPolicy.Verdict verdict = guardrails.check(
                    run.tenant,
                    run.journey.definition(),
                    new Step.Send(step.id(), null, action.template(), action.channel(), step.purpose()),
                    run.profile,
                    run.consents);
            verdicts.put(action.id(), verdict);
            Responses.Counts own = counts.getOrDefault(
                    action.template() + "/" + action.channel().key(), Responses.Counts.NONE);
            candidates.add(new NextBestAction.Candidate(
                    action,
                    verdict instanceof SendPolicy.Verdict.Suppress suppress ? suppress.reason() : null,
                    own.customerSent(),
                    own.customerEngaged(),
                    own.allSent(),
                    own.allEngaged()));
        }
        return candidates;
    }

    private void decide(
            RunState run,
            Step.BestAction step,
            List<NextBestAction.Candidate> candidates,
            int ignored,
            String outcome,
            String reason) {
        ObjectNode inputs = json.createObjectNode();
        inputs.put("journey", run.key());
        inputs.put("version", run.journey.version());
        inputs.put("step", step.id());
        inputs.put("ignoredInARow", ignored);
        var list = inputs.putArray("candidates");
        candidates.forEach(candidate -> list.add(candidate.describe()));
        run.decisions.add(new Decision(
                run.profile.customerId(), "journey.next-best-action", inputs, MODEL, outcome, reason, null));
    }
}
