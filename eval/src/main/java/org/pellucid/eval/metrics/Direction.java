package org.pellucid.eval.metrics;

/** Whether a larger value of a metric is better or worse. */
public enum Direction { HIGHER_IS_BETTER, LOWER_IS_BETTER }
