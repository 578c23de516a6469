package io.hearth.ml.retrieval;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.similarities.BM25Similarity;
import org.apache.lucene.store.ByteBuffersDirectory;

/**
 * BM25 over passages in an in-memory Lucene index, with English stemming and stop words. The query
 * is the bag of the message's analyzed terms (any may match), so customer text needs no escaping.
 */
final class LexicalIndex implements AutoCloseable {

    private static final String CONTENT = "content";
    private static final String POSITION = "position";
    /** Lucene's default clause limit is 1,024; a pasted e-mail must not reach it. */
    private static final int MAX_QUERY_TERMS = 256;

    /**
     * Lucene's English stop words plus the pronouns and auxiliaries that fill customer questions
     * ("can I", "do you", "my"): kept, they match every article written in the second person.
     */
    private static final CharArraySet STOP_WORDS = stopWords();

    private final Analyzer analyzer = new EnglishAnalyzer(STOP_WORDS);
    private final ByteBuffersDirectory directory = new ByteBuffersDirectory();
    private final DirectoryReader reader;
    private final IndexSearcher searcher;
    /** Lucene document id → passage position, read once so that searches skip stored fields. */
    private final int[] positions;

    LexicalIndex(List<String> texts) {
        try {
            IndexWriterConfig config = new IndexWriterConfig(analyzer).setSimilarity(new BM25Similarity());
            try (IndexWriter writer = new IndexWriter(directory, config)) {
                for (int i = 0; i < texts.size(); i++) {
                    Document document = new Document();
                    document.add(new StoredField(POSITION, i));
                    document.add(new TextField(CONTENT, texts.get(i), Field.Store.NO));
                    writer.addDocument(document);
                }
            }
            this.reader = DirectoryReader.open(directory);
            this.searcher = new IndexSearcher(reader);
            searcher.setSimilarity(new BM25Similarity());
            this.positions = positions(reader);
        } catch (IOException e) {
            throw new UncheckedIOException("in-memory index failed", e);
        }
    }

    private static int[] positions(DirectoryReader reader) throws IOException {
        int[] positions = new int[reader.maxDoc()];
        StoredFields fields = reader.storedFields();
        for (int doc = 0; doc < positions.length; doc++) {
            positions[doc] =
                    fields.document(doc).getField(POSITION).numericValue().intValue();
        }
        return positions;
    }

    private static CharArraySet stopWords() {
        CharArraySet words = new CharArraySet(EnglishAnalyzer.ENGLISH_STOP_WORDS_SET, true);
        words.addAll(List.of(
                "i", "me", "my", "mine", "you", "your", "yours", "we", "our", "us", "he", "she", "him", "her", "its",
                "can", "could", "do", "does", "did", "have", "has", "had", "am", "would", "should", "shall", "may",
                "might", "must", "how", "what", "when", "where", "which", "who", "why", "please", "hi", "hello",
                "thanks", "thank", "want", "need", "like", "get", "got", "ever", "any", "some", "so", "just", "from",
                "about", "after", "before", "there", "here", "all", "also", "very"));
        return CharArraySet.unmodifiableSet(words);
    }

    /** Positions of the best {@code limit} passages with their BM25 scores, best first. */
    List<Hit> search(String query, int limit) {
        Set<String> terms = terms(query);
        if (terms.isEmpty()) {
            return List.of();
        }
        BooleanQuery.Builder builder = new BooleanQuery.Builder();
        for (String term : terms) {
            builder.add(new TermQuery(new Term(CONTENT, term)), BooleanClause.Occur.SHOULD);
        }
        try {
            List<Hit> hits = new ArrayList<>();
            for (ScoreDoc scoreDoc : searcher.search(builder.build(), limit).scoreDocs) {
                int position = searcher.storedFields()
                        .document(scoreDoc.doc)
                        .getField(POSITION)
                        .numericValue()
                        .intValue();
                hits.add(new Hit(position, scoreDoc.score));
            }
            return hits;
        } catch (IOException e) {
            throw new UncheckedIOException("in-memory search failed", e);
        }
    }

    private Set<String> terms(String query) {
        Set<String> terms = new LinkedHashSet<>();
        try (TokenStream stream = analyzer.tokenStream(CONTENT, query)) {
            CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
            stream.reset();
            while (stream.incrementToken() && terms.size() < MAX_QUERY_TERMS) {
                terms.add(term.toString());
            }
            stream.end();
        } catch (IOException e) {
            throw new UncheckedIOException("analysis failed", e);
        }
        return terms;
    }

    record Hit(int position, double score) {}

    @Override
    public void close() {
        try {
            reader.close();
            directory.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
