package io.hearth.journeys.internal;

import io.hearth.journeys.JourneyStepExecuted;
import io.hearth.journeys.LoyaltyPort;
import io.hearth.journeys.SendTimePort;
import io.hearth.journeys.Step;
import io.hearth.messaging.Attribution;
import io.hearth.messaging.MessageStatus;
import io.hearth.messaging.MessagingManagement;
import io.hearth.messaging.SendRequest;
import io.hearth.messaging.SentMessage;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/** Executes one step of a run and says where the run goes next. */
@Component
class StepExecutor {

    private final Guardrails guardrails;
    private final MessagingManagement messaging;
    private final Effects effects;
    private final LoyaltyPort loyalty;
    private final SendTimePort sendTimes;
    private final JourneySettings settings;
    private final BestActions bestActions;
    private final Responses responses;
    private final Clock clock;

    StepExecutor(
            Guardrails guardrails,
            MessagingManagement messaging,
            Effects effects,
            LoyaltyPort loyalty,
            SendTimePort sendTimes,
            JourneySettings settings,
            BestActions bestActions,
            Responses responses,
            Clock clock) {
        this.guardrails = guardrails;
        this.messaging = messaging;
        this.effects = effects;
        this.loyalty = loyalty;
        this.sendTimes = sendTimes;
        this.settings = settings;
        this.bestActions = bestActions;
        this.responses = responses;
        this.clock = clock;
    }

    Move execute(RunState run, Step step) {
        return switch (step) {
            case Step.Send send -> send(run, send);
            case Step.Wait wait -> wait(run, wait);
            case Step.WaitForEvent wait -> waitForEvent(run, wait);
            case Step.Branch branch ->
                new Move.Go(effects.holds(run, branch.condition()) ? branch.then() : branch.otherwise());
            case Step.Split split -> split(run, split);
            case Step.UpdateTrait update -> done(run, step, effects.updateTrait(run, update));
            case Step.Webhook webhook -> done(run, step, effects.webhook(run, webhook));
            case Step.AwardPoints award ->
                done(
                        run,
                        step,
                        loyalty.awardPoints(
                                        run.tenant,
                                        run.profile.customerId(),
                                        award.points(),
                                        award.reason(),
                                        run.effectKey(step.id()))
                                ? "done"
                                : "not-plugged");
            case Step.IssueVoucher voucher -> voucher(run, voucher);
            case Step.BestAction best -> bestActions.execute(run, best, this::record);
            case Step.Exit exit -> new Move.Finish("exited", "exit-step");
        };
    }

    private Move send(RunState run, Step.Send send) {
        SendPolicy.Verdict verdict =
                guardrails.check(run.tenant, run.journey.definition(), send, run.profile, run.consents);
        if (verdict instanceof SendPolicy.Verdict.Suppress suppress && suppress.mayCountOwnMessage()) {
            // A node may have died after committing this step's message, before the run moved on:
            // the guardrails passed then, and now they count the message itself.
            Optional<SentMessage> earlier = messaging.resume(run.tenant, run.effectKey(send.id()));
            if (earlier.isPresent()) {
                return sent(run, send, earlier.get());
            }
        }
        return switch (verdict) {
            case SendPolicy.Verdict.Delay delay -> {
                if (run.context.put("delayed:" + send.id(), delay.until().toString()) == null) {
                    record(run, send.id(), "delayed", delay.reason());
                }
                yield new Move.Sleep(delay.until(), null);
            }
            case SendPolicy.Verdict.Suppress suppress -> {
                effects.decide(run, send, "suppressed", suppress.reason());
                record(run, send.id(), "suppressed", suppress.reason());
                yield new Move.Go(null);
            }
            case SendPolicy.Verdict.Allow allow -> {
                SentMessage message = messaging.send(
                        run.tenant,
                        new SendRequest(
                                run.profile.customerId(),
                                send.template(),
                                send.channel(),
                                send.purpose(),
                                run.effectKey(send.id()),
                                new Attribution(run.key(), send.id(), run.variant),
                                Map.of("journey", run.key())));
                yield sent(run, send, message);
            }
        };
    }

    private Move sent(RunState run, Step.Send send, SentMessage message) {
        boolean went = message.status() == MessageStatus.SENT || message.status() == MessageStatus.RETRYING;
        if (went) {
            responses.sent(run.tenant, run.profile.customerId(), run.key(), message, clock.instant());
        }
        String outcome = went ? "sent" : message.status() == MessageStatus.SUPPRESSED ? "suppressed" : "failed";
        effects.decide(run, send, outcome, message.reason() == null ? "guardrails passed" : message.reason());
        record(run, send.id(), outcome, message.reason());
        return new Move.Go(null);
    }

    private Move wait(RunState run, Step.Wait wait) {
        String key = "wait:" + wait.id();
        Instant now = clock.instant();
        Object target = run.context.get(key);
        if (target == null) {
            Instant until = waitTarget(run, wait, now);
            run.context.put(key, until.toString());
            record(run, wait.id(), "waiting", null);
            return new Move.Sleep(until, null);
        }
        Instant until = Instant.parse(target.toString());
        if (now.isBefore(until)) {
            return new Move.Sleep(until, null);
        }
        run.context.remove(key);
        return new Move.Go(null);
    }

    private Instant waitTarget(RunState run, Step.Wait wait, Instant now) {
        if (wait.duration() != null) {
            return now.plus(wait.duration());
        }
        LocalTime time = wait.until() != null ? wait.until() : bestSendTime(run, wait);
        ZonedDateTime local =
                now.atZone(SendPolicy.zone(run.profile.traits().get("timezone"), settings.defaultTimeZone()));
        ZonedDateTime next = local.with(time);
        return (next.isAfter(local) ? next : next.plusDays(1)).toInstant();
    }

    /** The predicted time, whose decision joins the run's others; the configured hour without one. */
    private LocalTime bestSendTime(RunState run, Step.Wait wait) {
        SendTimePort.Choice choice =
                sendTimes.bestSendTime(run.tenant, run.profile.customerId(), "journey:" + run.key() + "/" + wait.id());
        choice.decision().ifPresent(run.decisions::add);
        return choice.time().orElse(settings.sendHour());
    }

    private Move waitForEvent(RunState run, Step.WaitForEvent wait) {
        String key = "timeout:" + wait.id();
        Instant now = clock.instant();
        if (wait.event().equals(run.context.get("received"))) {
            run.context.remove("received");
            run.context.remove(key);
            record(run, wait.id(), "event", wait.event());
            return new Move.Go(wait.onEvent());
        }
        Object timeout = run.context.get(key);
        if (timeout == null) {
            Instant until = now.plus(wait.timeout());
            run.context.put(key, until.toString());
            record(run, wait.id(), "waiting", wait.event());
            return new Move.Sleep(until, wait.event());
        }
        if (now.isBefore(Instant.parse(timeout.toString()))) {
            return new Move.Sleep(Instant.parse(timeout.toString()), wait.event());
        }
        run.context.remove(key);
        record(run, wait.id(), "timeout", null);
        return new Move.Go(wait.onTimeout());
    }

    private Move split(RunState run, Step.Split split) {
        int bucket = Math.floorMod(run.runId.hashCode() * 31 + split.id().hashCode(), 100);
        if (bucket < split.holdoutPercent()) {
            run.variant = "holdout";
            record(run, split.id(), "holdout", null);
            return new Move.Finish("done", "holdout");
        }
        int scaled = (bucket - split.holdoutPercent()) * 100 / Math.max(1, 100 - split.holdoutPercent());
        int cumulative = 0;
        for (Step.Variant variant : split.variants()) {
            cumulative += variant.weight();
            if (scaled < cumulative) {
                run.variant = variant.id();
                record(run, split.id(), "variant", variant.id());
                return new Move.Go(variant.next());
            }
        }
        Step.Variant last = split.variants().getLast();
        run.variant = last.id();
        return new Move.Go(last.next());
    }

    private Move voucher(RunState run, Step.IssueVoucher voucher) {
        Optional<String> code = loyalty.issueVoucher(
                run.tenant,
                run.profile.customerId(),
                Optional.ofNullable(voucher.offer()),
                run.effectKey(voucher.id()));
        code.ifPresent(value -> run.context.put("voucher", value));
        return done(run, voucher, code.isPresent() ? "done" : "no-voucher");
    }

    private Move done(RunState run, Step step, String outcome) {
        record(run, step.id(), outcome, null);
        return new Move.Go(null);
    }

    /** Adds the step's outcome to the run's steps, which the engine writes to the step log at the end. */
    void record(RunState run, String step, String outcome, @Nullable String reason) {
        run.steps.add(new JourneyStepExecuted(
                run.tenant,
                run.key(),
                run.journey.version(),
                run.runId,
                run.profile.customerId(),
                step,
                run.variant,
                outcome,
                reason,
                clock.instant()));
    }
}
