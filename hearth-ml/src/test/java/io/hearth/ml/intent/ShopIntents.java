package io.hearth.ml.intent;

import java.util.ArrayList;
import java.util.List;

/** A hand-written labelled set of the kind a small shop would upload. */
final class ShopIntents {

    private ShopIntents() {}

    static List<IntentExample> examples() {
        List<IntentExample> examples = new ArrayList<>();
        add(
                examples,
                "order_status",
                "where is my order",
                "has my order shipped yet",
                "when will my package arrive",
                "track my order",
                "my parcel is late",
                "I have not received my order",
                "status of order 1234",
                "is my delivery on its way");
        add(
                examples,
                "refund",
                "I want a refund",
                "how do I get my money back",
                "refund my purchase",
                "when will I be refunded",
                "I returned the item, where is my refund",
                "can I get reimbursed",
                "money back please",
                "the refund has not arrived");
        add(
                examples,
                "cancel_order",
                "cancel my order",
                "I want to cancel the purchase",
                "please stop my order",
                "can I still cancel",
                "I ordered by mistake, cancel it",
                "how to cancel an order",
                "I changed my mind, cancel",
                "cancel order 5678");
        add(
                examples,
                "change_address",
                "change my shipping address",
                "I moved, update the delivery address",
                "wrong address on my order",
                "ship it to another address",
                "update address for delivery",
                "can you send it to my office instead",
                "fix the street name on my order",
                "new address for my parcel");
        add(
                examples,
                "greeting",
                "hello",
                "hi there",
                "good morning",
                "hey",
                "hello, anyone there?",
                "good evening",
                "hi, I have a question",
                "greetings");
        return examples;
    }

    private static void add(List<IntentExample> examples, String intent, String... utterances) {
        for (String utterance : utterances) {
            examples.add(new IntentExample(utterance, intent));
        }
    }
}
