package io.hearth.ml.retrieval;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class PassageChunkerTest {

    @Test
    void markdownHeadingsStartPassagesAndMarkupIsRemoved() {
        String body = """
                Intro paragraph with a [link](https://shop.example/x) and **bold** text.

                ## Returns window
                You can return items within *30 days*.
                - unworn
                - with tags

                ## Refunds
                Refunds take `5` business days.
                """;
        List<Passage> passages = PassageChunker.defaults()
                .chunk(new Article("a1", "Returns", "/help/returns", body, ArticleFormat.MARKDOWN));
        assertThat(passages).extracting(Passage::section).containsExactly("Returns", "Returns window", "Refunds");
        assertThat(passages.get(0).text()).isEqualTo("Intro paragraph with a link and bold text.");
        assertThat(passages.get(1).text()).isEqualTo("You can return items within 30 days. unworn with tags");
        assertThat(passages.get(2).text()).isEqualTo("Refunds take 5 business days.");
        assertThat(passages).extracting(Passage::ordinal).containsExactly(0, 1, 2);
        assertThat(passages).allSatisfy(p -> assertThat(p.source()).isEqualTo("/help/returns"));
    }

    @Test
    void htmlIsReducedToHeadingsAndParagraphs() {
        String body = "<html><style>p{}</style><h1>Shipping</h1><p>We ship to the EU &amp; UK.</p>"
                + "<h2>Costs</h2><ul><li>Free over &euro;50</li><li>Else <b>4.90</b></li></ul><!-- hidden --></html>";
        List<Passage> passages =
                PassageChunker.defaults().chunk(new Article("s", "Shipping", "/s", body, ArticleFormat.HTML));
        assertThat(passages).extracting(Passage::section).containsExactly("Shipping", "Costs");
        assertThat(passages.get(0).text()).isEqualTo("We ship to the EU & UK.");
        assertThat(passages.get(1).text()).isEqualTo("Free over &euro;50 Else 4.90");
    }

    @Test
    void longParagraphsAreCutAtSentencesWithinTheWordLimit() {
        String sentence = "This sentence has exactly eight words in it. ";
        String body = sentence.repeat(10);
        List<Passage> passages =
                new PassageChunker(20).chunk(new Article("l", "Long", "/l", body, ArticleFormat.MARKDOWN));
        assertThat(passages).hasSize(5);
        assertThat(passages).allSatisfy(p -> assertThat(p.text().split(" ")).hasSizeLessThanOrEqualTo(20));
        String runOn = "word ".repeat(45);
        assertThat(new PassageChunker(20).chunk(new Article("r", "Run", "/r", runOn, ArticleFormat.MARKDOWN)))
                .hasSize(3);
    }
}
