package io.hearth.ml.retrieval;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/** Reduces Markdown and HTML to headings and paragraphs of plain text. */
final class MarkupText {

    private static final Pattern MARKDOWN_HEADING = Pattern.compile("^\\s{0,3}#{1,6}\\s+(.*?)\\s*#*\\s*$");
    private static final Pattern LINK = Pattern.compile("!?\\[([^\\]]*)]\\([^)]*\\)");
    private static final Pattern EMPHASIS = Pattern.compile("(\\*\\*|__|\\*|_|`)(\\S.*?\\S|\\S)\\1");
    private static final Pattern LIST_MARKER = Pattern.compile("^\\s*(?:[-*+]|\\d+[.)])\\s+");
    private static final Pattern HTML_HEADING = Pattern.compile("(?is)<h[1-6][^>]*>(.*?)</h[1-6]>");
    private static final Pattern HTML_BREAK =
            Pattern.compile("(?i)</?(p|div|li|ul|ol|br|tr|table|section|article)[^>]*>");
    private static final Pattern HTML_DROP = Pattern.compile("(?is)<(script|style)[^>]*>.*?</\\1>|<!--.*?-->");

    private MarkupText() {}

    static List<Block> blocks(String body, ArticleFormat format) {
        return switch (format) {
            case MARKDOWN -> markdown(body);
            case HTML -> markdown(html(body));
        };
    }

    /** Headings become Markdown headings and block tags blank lines, so one parser does the rest. */
    static String html(String body) {
        String text = HTML_DROP.matcher(body).replaceAll(" ");
        text = HTML_HEADING
                .matcher(text)
                .replaceAll(match -> "\n\n# " + match.group(1).replaceAll("<[^>]+>", "") + "\n\n");
        text = HTML_BREAK.matcher(text).replaceAll("\n\n");
        text = text.replaceAll("<[^>]+>", "");
        return text.replace("&nbsp;", " ")
                .replace("&lt;", "<")
                .replace("&gt;", ">")
                .replace("&quot;", "\"")
                .replace("&#39;", "'")
                .replace("&amp;", "&");
    }

    static List<Block> markdown(String body) {
        List<Block> blocks = new ArrayList<>();
        StringBuilder paragraph = new StringBuilder();
        for (String line : body.split("\\R")) {
            var heading = MARKDOWN_HEADING.matcher(line);
            if (heading.matches() || line.isBlank() || LIST_MARKER.matcher(line).find()) {
                flush(blocks, paragraph);
            }
            if (heading.matches()) {
                blocks.add(new Block(true, inline(heading.group(1))));
            } else if (!line.isBlank() && !line.strip().matches("[-=*_]{3,}")) {
                paragraph
                        .append(paragraph.isEmpty() ? "" : " ")
                        .append(inline(LIST_MARKER.matcher(line).replaceFirst("")));
            }
        }
        flush(blocks, paragraph);
        return blocks;
    }

    private static void flush(List<Block> blocks, StringBuilder paragraph) {
        String text = paragraph.toString().replaceAll("\\s+", " ").strip();
        if (!text.isEmpty()) {
            blocks.add(new Block(false, text));
        }
        paragraph.setLength(0);
    }

    private static String inline(String text) {
        String plain = LINK.matcher(text).replaceAll("$1");
        plain = EMPHASIS.matcher(plain).replaceAll("$2");
        return plain.replaceAll("^>\\s*", "").strip();
    }
}
