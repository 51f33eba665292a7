package org.pellucid.core.explain;

import com.google.gson.JsonObject;

/**
 * A model's whole decision procedure written out as data, in the user's column names, category
 * names and thresholds: what a {@link org.pellucid.core.model.Simulatable} model claims a person
 * can follow by hand. It is plain data (no reference to the model's code), so a checker can write it
 * to JSON, read it back and run it with code of its own — the shared contract does exactly that and
 * fails the model when the stated form does not reproduce its predictions.
 *
 * <p>Condition semantics, for every form: a numeric condition compares the row's number with the
 * stated value read as a decimal ({@code <}, {@code <=}, {@code >}, {@code >=}, {@code =},
 * {@code !=}); a categorical one compares the row's category name with the stated name
 * ({@code =}, {@code !=}). What a missing value does is stated by the form itself ({@link Missing}).
 */
public sealed interface StatedForm permits DecisionTreeForm, RuleListForm {

    /** How conditions treat a missing value. */
    enum Missing {
        /** No condition on a missing value holds (whatever its operator). */
        NO_CONDITION_HOLDS,
        /**
         * A missing number is replaced by the form's stated imputation value before comparing; a
         * missing category equals no category, so {@code =} fails and {@code !=} holds.
         */
        IMPUTE_NUMBERS_NO_CATEGORY
    }

    /** The form as one JSON object (see {@link StatedForms#toJson}). */
    default JsonObject toJson() {
        return StatedForms.toJson(this);
    }
}
