/**
 * Counterfactual explanations: the smallest changes to a row, in the data's own terms, that give
 * another class — exact for decision trees and logistic models, a bounded seeded search for any
 * other predictor.
 */
package org.pellucid.eval.counterfactual;
