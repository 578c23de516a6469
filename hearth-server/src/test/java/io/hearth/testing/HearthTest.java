package io.hearth.testing;

import io.hearth.HearthApplication;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;

/**
 * The whole server on a random port over a real embedded PostgreSQL. Every test class that uses it
 * shares one application context (and one database), so each test makes its own tenant.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(
        classes = HearthApplication.class,
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "hearth.db.data-dir=${java.io.tmpdir}/hearth-test-${random.uuid}",
            "hearth.demo.enabled=false",
            "hearth.db.embedded-fsync=false",
            "hearth.profiles.return-window=PT3S",
            "hearth.profiles.return-window-check=PT0.5S",
            "hearth.scheduler.polling-interval=PT0.2S",
            // Tests train when they mean to; no tenant's first durable training fires in the middle of the suite.
            "hearth.predictions.first-training-after=P1D",
            "hearth.messaging.smtp-port=${random.int[20000,40000]}",
            "hearth.messaging.smtp-timeout=PT3S",
            "hearth.messaging.retry-check=PT0.2S",
            "hearth.journeys.timer-check=PT0.2S",
            "hearth.ingestion.consumers.retry-interval=PT0.5S",
            "hearth.ingestion.consumers.retry-after=PT0.5S",
            "hearth.journeys.schedule-check=PT0.5S",
            "hearth.journeys.global-holdout-percent=0",
            "hearth.journeys.webhook-secret=test-webhook-secret",
            // Support tests poll their mailbox when they mean to
            "hearth.support.mail-poll=P1D",
            // the SMTP receiver on a free port (one listener for the shared context); small mails only
            "hearth.support.smtp.enabled=true",
            "hearth.support.smtp.port=0",
            "hearth.support.smtp.max-message-size=256KB"
        })
@Import({
    TestTenants.class,
    IngestedEventsRecorder.class,
    OrderEventsRecorder.class,
    SegmentEventsRecorder.class,
    PredictionEventsRecorder.class,
    LoyaltyEventsRecorder.class,
    SupportEventsRecorder.class,
    SchedulerProbe.class,
    MutableClock.Configuration.class,
    MailInbox.class,
    Customers.class,
    MessageEventsRecorder.class,
    OrderImports.class
})
public @interface HearthTest {}
