package org.pellucid.core.explain;

import java.util.List;

/**
 * A model described as a whole: its weights, rules, tree, concept head or selected features. Each
 * model module supplies typed implementations; all can be read as text and name the columns used.
 */
public interface GlobalExplanation {

    /** A short heading, e.g. {@code Logistic regression weights}. */
    String title();

    /** The columns the model uses, in the user's names. */
    List<String> features();

    /** The whole description as text a person can read. */
    String toText();

    /** A description that is a heading over a body of text: {@link #toText()} is the title, a newline, the body. */
    static GlobalExplanation of(String title, List<String> features, String body) {
        List<String> cols = List.copyOf(features);
        return new GlobalExplanation() {
            @Override
            public String title() {
                return title;
            }

            @Override
            public List<String> features() {
                return cols;
            }

            @Override
            public String toText() {
                return title + "\n" + body;
            }
        };
    }
}
