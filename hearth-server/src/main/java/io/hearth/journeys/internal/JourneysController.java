package io.hearth.journeys.internal;

import io.hearth.journeys.GlobalHoldout;
import io.hearth.journeys.JourneyManagement;
import io.hearth.journeys.JourneyStats;
import io.hearth.journeys.JourneyVersion;
import io.hearth.journeys.JourneysProblem;
import io.hearth.journeys.MigrationResult;
import io.hearth.shared.HearthProblem;
import io.hearth.tenancy.Principal;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** Journeys: publish a definition (JSON or YAML), read versions, read the per-step figures. */
@RestController
@Tag(name = "Journeys", description = "Journey definitions as data and what their runs did")
class JourneysController {

    private final JourneyManagement journeys;

    JourneysController(JourneyManagement journeys) {
        this.journeys = journeys;
    }

    @PutMapping(
            path = "/v1/journeys/{key}",
            consumes = {"application/json", "application/yaml", "application/x-yaml", "text/yaml"},
            produces = "application/json")
    @Operation(summary = "Check and publish the next version of a journey, from JSON or YAML (admin)")
    Map<String, Object> publish(
            @AuthenticationPrincipal Principal caller, @PathVariable String key, @RequestBody String source) {
        return summary(journeys.publish(caller.tenantId(), key, source));
    }

    @GetMapping(path = "/v1/journeys", produces = "application/json")
    @Operation(summary = "The newest version of every journey")
    Map<String, List<Map<String, Object>>> list(@AuthenticationPrincipal Principal caller) {
        return Map.of(
                "data",
                journeys.journeys(caller.tenantId()).stream()
                        .map(JourneysController::summary)
                        .toList());
    }

    @GetMapping(path = "/v1/journeys/{key}", produces = "application/json")
    @Operation(summary = "The newest version of a journey, with its source")
    JourneyVersion journey(@AuthenticationPrincipal Principal caller, @PathVariable String key) {
        return journeys.journey(caller.tenantId(), key)
                .orElseThrow(() -> new HearthProblem(JourneysProblem.UNKNOWN_JOURNEY, "No journey has this key"));
    }

    @GetMapping(path = "/v1/journeys/{key}/stats", produces = "application/json")
    @Operation(summary = "Per step: how many runs entered, were sent, suppressed (by reason), held out, exited")
    JourneyStats stats(@AuthenticationPrincipal Principal caller, @PathVariable String key) {
        journey(caller, key);
        return journeys.stats(caller.tenantId(), key);
    }

    @GetMapping(path = "/v1/journeys/holdout/global", produces = "application/json")
    @Operation(
            summary =
                    "Customers of the global holdout against everyone else in a marketing journey: conversion, revenue, interval")
    GlobalHoldout globalHoldout(@AuthenticationPrincipal Principal caller) {
        return journeys.globalHoldout(caller.tenantId());
    }

    /** Which runs to move: of one earlier version (all when absent), with step ids renamed by the map. */
    record MigrationRequest(
            @Nullable Integer fromVersion, @Nullable Map<String, String> steps) {}

    @PostMapping(path = "/v1/journeys/{key}/migrate", consumes = "application/json", produces = "application/json")
    @Operation(
            summary = "Move runs in flight to the newest version where their step exists in it, or is mapped (admin)")
    MigrationResult migrate(
            @AuthenticationPrincipal Principal caller,
            @PathVariable String key,
            @RequestBody(required = false) @Nullable MigrationRequest request) {
        MigrationRequest asked = request == null ? new MigrationRequest(null, null) : request;
        return journeys.migrateRuns(
                caller.tenantId(), key, asked.fromVersion(), asked.steps() == null ? Map.of() : asked.steps());
    }

    private static Map<String, Object> summary(JourneyVersion version) {
        return Map.of(
                "key", version.definition().key(),
                "name", version.definition().name(),
                "version", version.version(),
                "publishedAt", version.publishedAt().toString(),
                "steps", version.definition().steps().size());
    }
}
