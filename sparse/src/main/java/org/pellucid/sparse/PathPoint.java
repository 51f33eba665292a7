package org.pellucid.sparse;

/**
 * One point of a regularisation path: the penalty, how many columns stayed active, the validation
 * accuracy there.
 */
public record PathPoint(double lambda, int activeFeatures, double validAccuracy) {}
