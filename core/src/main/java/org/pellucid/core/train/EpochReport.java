package org.pellucid.core.train;

/**
 * What one epoch did.
 *
 * @param epoch 1-based
 * @param epochs the maximum
 * @param loss mean training loss over the epoch's steps
 * @param validation the validation metric (accuracy for classifiers, −MSE for regressors); NaN without validation data
 * @param seconds time since training started
 * @param etaSeconds estimated time to the maximum epoch
 * @param liveArrays native arrays held by the training manager at the end of the epoch (flat when memory is released)
 */
public record EpochReport(int epoch, int epochs, double loss, double validation, double seconds, double etaSeconds,
                          int liveArrays) {}
