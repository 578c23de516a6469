package io.hearth.support.internal;

import io.hearth.support.MessageEntity;
import java.util.List;

/**
 * What the assistant read from one customer message.
 *
 * @param outOfScope the model's tuned threshold refused the best intent
 * @param orderNumbers and {@code skus}: the values of those entities, which the automations look up
 * @param entities all five kinds, in order of position, as the conversation keeps them
 */
record Reading(
        String intent,
        double confidence,
        boolean outOfScope,
        double sentiment,
        List<String> orderNumbers,
        List<String> skus,
        List<MessageEntity> entities,
        float[] embedding) {}
