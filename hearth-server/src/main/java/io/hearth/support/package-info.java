/**
 * Support automation: conversations with customers (chat and API), an assistant that reads each
 * customer message (intent, order numbers, sentiment) and answers from the shop's own data (orders,
 * return policy, knowledge-base articles), and escalation to human agents with a context package,
 * transparent priority, queues and SLA timers. Escalations, SLA breaches and requested order actions
 * are announced as events; every automated answer or action is written to the privacy decision log.
 */
@NullMarked
package io.hearth.support;

import org.jspecify.annotations.NullMarked;
