/**
 * Encoders between the user's columns and model inputs (standardise, one-hot, quantile bins), each
 * input remembering the column and value it came from so explanations decode to the user's terms.
 */
package org.pellucid.core.encode;
