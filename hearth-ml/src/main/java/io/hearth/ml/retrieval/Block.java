package io.hearth.ml.retrieval;

/** A heading or a paragraph of plain text, the unit between markup parsing and chunking. */
record Block(boolean heading, String text) {}
