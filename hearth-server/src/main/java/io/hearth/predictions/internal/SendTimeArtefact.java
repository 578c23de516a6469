package io.hearth.predictions.internal;

/** The shop's share of purchases per hour of the week: the prior each customer is shrunk toward. */
record SendTimeArtefact(double[] populationShares) {

    SendTimeArtefact {
        if (populationShares.length != CustomerFeatures.HOURS_OF_WEEK) {
            throw new IllegalArgumentException("populationShares needs 168 entries");
        }
        populationShares = populationShares.clone();
    }
}
