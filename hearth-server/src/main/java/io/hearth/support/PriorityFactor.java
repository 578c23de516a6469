package io.hearth.support;

/** One term of a ticket's priority score, so an agent sees why it sits where it does. */
public record PriorityFactor(String factor, double points, String detail) {}
