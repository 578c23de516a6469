/**
 * Knowledge-base retrieval: articles (Markdown or HTML) chunked into passages, searched by Lucene
 * BM25 and by sentence-embedding cosine, the two rankings fused by reciprocal rank fusion.
 */
@NullMarked
package io.hearth.ml.retrieval;

import org.jspecify.annotations.NullMarked;
