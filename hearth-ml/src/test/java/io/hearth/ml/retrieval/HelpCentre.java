package io.hearth.ml.retrieval;

import java.util.List;

/**
 * A small synthetic help centre of a clothing shop, with customer questions worded differently from
 * the articles, each labelled with the article that answers it.
 */
final class HelpCentre {

    private HelpCentre() {}

    record Question(String text, String articleId) {}

    static List<Article> articles() {
        return List.of(
                markdown("shipping", "Shipping and delivery", """
                        ## Delivery times
                        Orders placed before 2 pm leave our warehouse the same working day. Standard delivery takes
                        2 to 4 working days within Germany and 3 to 7 days to other EU countries.
                        ## Shipping costs
                        Standard shipping is free for orders over 50 euros; below that it costs 4.90 euros.
                        Express shipping costs 9.90 euros and arrives the next working day.
                        """),
                markdown("lost", "Lost or damaged parcels", """
                        If tracking shows your parcel as delivered but you cannot find it, check with neighbours and
                        wait one more working day. Then contact us and we open an investigation with the carrier.
                        Damaged items: take a photo of the package and the item and send it to us within 14 days.
                        """),
                markdown("returns", "Returns", """
                        ## Return window
                        You can return unworn items with their tags within 30 days of delivery.
                        ## How to return
                        Print the prepaid label from your account, pack the items and drop the parcel at any post office.
                        ## Exclusions
                        Underwear, swimwear and personalised items cannot be returned for hygiene reasons.
                        """),
                markdown("refunds", "Refunds", """
                        Once your return reaches our warehouse we inspect it within 3 working days. The refund goes to
                        the original payment method; banks usually need another 5 to 10 days to show the money.
                        """),
                markdown("payment", "Payment methods", """
                        We accept Visa, Mastercard, American Express, PayPal, Apple Pay and Klarna invoice.
                        Klarna lets you pay within 30 days. We do not accept cash on delivery or cheques.
                        """),
                html("account", "Your account", """
                        <h2>Forgotten password</h2><p>Click "Forgot password" on the sign-in page; we e-mail you a
                        reset link that stays valid for one hour.</p><h2>Delete your account</h2><p>Write to privacy
                        support and we erase your personal data within 30 days.</p>
                        """),
                markdown("sizes", "Size guide", """
                        Our shirts run small: if you are between two sizes, pick the larger one. Measure your chest at
                        its widest point and compare it with the table on each product page. Jeans follow waist and
                        inside leg length in inches.
                        """),
                markdown("loyalty", "Loyalty programme", """
                        Every euro you spend earns one point. 500 points give a 10 euro voucher. Points expire 24 months
                        after you earned them. Gold members, from 2000 points a year, get free express shipping.
                        """),
                markdown("cancel", "Cancelling an order", """
                        You can cancel an order in your account until it leaves the warehouse, usually within two hours
                        of ordering. After dispatch, refuse the delivery or return it as usual.
                        """),
                markdown("care", "Care instructions", """
                        ## XT-4471 Stormline shell
                        Wash at 30 degrees with a technical detergent, no softener. Tumble dry low to reactivate the
                        water-repellent finish.
                        ## KN-2090 merino knit
                        Hand wash cold and dry flat.
                        """),
                html("gift", "Gift cards", """
                        <p>Gift cards are available from 10 to 200 euros, are delivered by e-mail and stay valid for
                        three years. They cannot be exchanged for cash.</p>
                        """));
    }

    static List<Question> questions() {
        return List.of(
                new Question("how long does it take for my package to get to Austria", "shipping"),
                new Question("is delivery free?", "shipping"),
                new Question("the tracking says delivered but there is nothing at my door", "lost"),
                new Question("my jacket arrived torn", "lost"),
                new Question("can I send back a sweater I bought three weeks ago", "returns"),
                new Question("can I return a bikini", "returns"),
                new Question("when do I get my money back after sending the parcel back", "refunds"),
                new Question("do you take paypal", "payment"),
                new Question("can I pay later", "payment"),
                new Question("I can't log in, I don't remember my password", "account"),
                new Question("please remove all my data", "account"),
                new Question("I'm not sure whether to order a medium or a large", "sizes"),
                new Question("how many points do I need for a discount", "loyalty"),
                new Question("do my bonus points ever run out", "loyalty"),
                new Question("I ordered the wrong thing an hour ago, can I stop it", "cancel"),
                new Question("can I buy a voucher for my sister", "gift"),
                new Question("klarna", "payment"),
                new Question("express next day price", "shipping"),
                new Question("prepaid label", "returns"),
                new Question("gold members benefits", "loyalty"),
                new Question("cash on delivery", "payment"),
                new Question("carrier investigation", "lost"));
    }

    private static Article markdown(String id, String title, String body) {
        return new Article(id, title, "https://shop.example/help/" + id, body, ArticleFormat.MARKDOWN);
    }

    private static Article html(String id, String title, String body) {
        return new Article(id, title, "https://shop.example/help/" + id, body, ArticleFormat.HTML);
    }
}
