package io.hearth.ml.entity;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Currency;
import java.util.List;
import org.junit.jupiter.api.Test;

class EntityExtractorTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 12, 1);
    private final EntityExtractor extractor = new EntityExtractor(EntitySettings.defaults());

    private List<Entity> extract(String text) {
        return extractor.extract(text, TODAY);
    }

    @Test
    void findsEachKindWithItsPositionAndNormalizedValue() {
        String text = "Order #123456 for TSH-1234-XL cost €49,90, billed to Anna.B@Example.com on 28 November";
        assertThat(extract(text))
                .containsExactly(
                        new Entity.OrderNumber(6, 13, "#123456", "123456"),
                        new Entity.Sku(18, 29, "TSH-1234-XL", "TSH-1234-XL"),
                        new Entity.Amount(35, 41, "€49,90", new BigDecimal("49.90"), Currency.getInstance("EUR")),
                        new Entity.Email(53, 71, "Anna.B@Example.com", "anna.b@example.com"),
                        new Entity.Date(75, 86, "28 November", LocalDate.of(2026, 11, 28)));
    }

    @Test
    void followsTheShopsOrderNumberPattern() {
        EntityExtractor shop = new EntityExtractor(EntitySettings.defaults().withOrderNumber("HR-\\d{6}"));
        assertThat(shop.extract("my order HR-004211 and not 123456", TODAY))
                .containsExactly(new Entity.OrderNumber(9, 18, "HR-004211", "HR-004211"));
    }

    /** The example of docs/support-models.md. */
    @Test
    void theDocumentedExampleHolds() {
        EntityExtractor shop = new EntityExtractor(EntitySettings.defaults().withOrderNumber("HR-\\d{6}"));
        List<Entity> found =
                shop.extract("Order #HR-004211 (TSH-1234-XL, €49,90) to anna@example.com, sent 28 November", TODAY);
        assertThat(found).hasSize(5);
        assertThat(found.get(0)).isEqualTo(new Entity.OrderNumber(6, 16, "#HR-004211", "HR-004211"));
        assertThat(found.get(1)).isInstanceOf(Entity.Sku.class);
        assertThat(found.get(2)).isInstanceOf(Entity.Amount.class);
        assertThat(found.get(3)).isInstanceOf(Entity.Email.class);
        assertThat(found.get(4)).isEqualTo(new Entity.Date(65, 76, "28 November", LocalDate.of(2026, 11, 28)));
    }

    @Test
    void readsAmountsTheWaysCustomersWriteThem() {
        assertThat(amounts("$1,234.56")).containsExactly(new BigDecimal("1234.56"));
        assertThat(amounts("12.50 EUR and EUR 3 and 20 euros and £5 and 7,5 CHF"))
                .containsExactly(
                        new BigDecimal("12.50"),
                        new BigDecimal("3"),
                        new BigDecimal("20"),
                        new BigDecimal("5"),
                        new BigDecimal("7.5"));
        assertThat(currencies("$5 and 10 dollars and 3 pounds and 4 usd")).containsExactly("USD", "USD", "GBP", "USD");
        EntityExtractor canadian = new EntityExtractor(new EntitySettings(
                EntitySettings.defaults().orderNumber(),
                EntitySettings.defaults().sku(),
                true,
                Currency.getInstance("CAD")));
        assertThat(canadian.extract("$5", TODAY))
                .singleElement()
                .isInstanceOfSatisfying(
                        Entity.Amount.class,
                        a -> assertThat(a.currency().getCurrencyCode()).isEqualTo("CAD"));
    }

    @Test
    void anAmountIsNotAlsoAnOrderNumber() {
        assertThat(extract("I paid 125000 EUR")).singleElement().isInstanceOf(Entity.Amount.class);
    }

    @Test
    void readsDatesAbsoluteAndRelative() {
        assertThat(dates("2026-03-04, 04/03/2026, 4.3.26, March 4th, 2026, 4th of Mar, yesterday, tomorrow"))
                .containsExactly(
                        LocalDate.of(2026, 3, 4),
                        LocalDate.of(2026, 3, 4),
                        LocalDate.of(2026, 3, 4),
                        LocalDate.of(2026, 3, 4),
                        LocalDate.of(2026, 3, 4),
                        LocalDate.of(2026, 11, 30),
                        LocalDate.of(2026, 12, 2));
        EntityExtractor american = new EntityExtractor(new EntitySettings(
                EntitySettings.defaults().orderNumber(),
                EntitySettings.defaults().sku(),
                false,
                Currency.getInstance("USD")));
        assertThat(american.extract("04/03/2026", TODAY))
                .singleElement()
                .isInstanceOfSatisfying(
                        Entity.Date.class, d -> assertThat(d.date()).isEqualTo(LocalDate.of(2026, 4, 3)));
        assertThat(dates("31/02/2026")).isEmpty();
    }

    @Test
    void plainTextHasNoEntities() {
        assertThat(extract("Hello, I love your shop! May I ask something?")).isEmpty();
    }

    private List<BigDecimal> amounts(String text) {
        return extract(text).stream().map(e -> ((Entity.Amount) e).value()).toList();
    }

    private List<String> currencies(String text) {
        return extract(text).stream()
                .map(e -> ((Entity.Amount) e).currency().getCurrencyCode())
                .toList();
    }

    private List<LocalDate> dates(String text) {
        return extract(text).stream()
                .filter(Entity.Date.class::isInstance)
                .map(e -> ((Entity.Date) e).date())
                .toList();
    }
}
