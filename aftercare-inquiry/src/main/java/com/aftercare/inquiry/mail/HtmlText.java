package com.aftercare.inquiry.mail;

import java.util.Set;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeTraversor;
import org.jsoup.select.NodeVisitor;

/**
 * The text of an HTML-only mail: what a reader would see, line breaks kept at block elements.
 * Parsed by jsoup (an HTML5 parser, not a regex), so scripts, styles, comments and attributes
 * never reach the text; entities are decoded. The result is plain text; the console escapes it.
 */
final class HtmlText {

    private static final Set<String> BLOCKS = Set.of(
            "p",
            "div",
            "br",
            "li",
            "tr",
            "h1",
            "h2",
            "h3",
            "h4",
            "h5",
            "h6",
            "blockquote",
            "pre",
            "table",
            "ul",
            "ol",
            "hr",
            "section",
            "article",
            "header",
            "footer",
            "address",
            "dd",
            "dt");

    private HtmlText() {}

    static String of(String html) {
        Document document = Jsoup.parse(html);
        StringBuilder text = new StringBuilder();
        NodeTraversor.traverse(
                new NodeVisitor() {
                    @Override
                    public void head(Node node, int depth) {
                        if (node instanceof TextNode) {
                            text.append(((TextNode) node).text());
                        } else if (node instanceof Element && BLOCKS.contains(((Element) node).normalName())) {
                            newLine(text);
                        }
                    }

                    @Override
                    public void tail(Node node, int depth) {
                        if (node instanceof Element && BLOCKS.contains(((Element) node).normalName())) {
                            newLine(text);
                        }
                    }
                },
                document.body());
        return text.toString()
                .replaceAll("[ \\t]+\\n", "\n")
                .replaceAll("\\n{3,}", "\n\n")
                .strip();
    }

    private static void newLine(StringBuilder text) {
        if (text.length() > 0 && text.charAt(text.length() - 1) != '\n') {
            text.append('\n');
        }
    }
}
