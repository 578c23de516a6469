package io.hearth.predictions.internal;

import tools.jackson.databind.json.JsonMapper;

/** Model artefacts are stored as JSON bytes: small (parameters and a few histograms) and readable in SQL. */
final class Artefacts {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private Artefacts() {}

    static byte[] write(Object artefact) {
        return JSON.writeValueAsBytes(artefact);
    }

    static <T> T read(byte[] bytes, Class<T> type) {
        return JSON.readValue(bytes, type);
    }
}
