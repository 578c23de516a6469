package io.hearth.support.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

class SupportSettingsTest {

    @Test
    void bundledLexiconShopOrderNumbersAndOneEmbedderThreadByDefault() {
        assertThat(bind(Map.of())).isEqualTo(new SupportSettings(null, "[A-Za-z]{0,4}-?\\d{4,10}", 1));
    }

    @Test
    void everySettingMaps() {
        SupportSettings settings = bind(Map.of(
                "hearth.support.sentiment-lexicon", "/etc/hearth/lexicon.tsv",
                "hearth.support.order-number-pattern", "HR-\\d{6}",
                "hearth.support.embedder-threads", "2"));

        assertThat(settings).isEqualTo(new SupportSettings("/etc/hearth/lexicon.tsv", "HR-\\d{6}", 2));
    }

    @Test
    void anInvalidOrderNumberPatternIsRefused() {
        assertThatThrownBy(() -> bind(Map.of("hearth.support.order-number-pattern", "(unclosed")))
                .isInstanceOf(BindException.class);
    }

    private static SupportSettings bind(Map<String, String> properties) {
        return new Binder(new MapConfigurationPropertySource(properties))
                .bindOrCreate("hearth.support", SupportSettings.class);
    }
}
