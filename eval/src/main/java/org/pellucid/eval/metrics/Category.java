package org.pellucid.eval.metrics;

/** What a metric measures (after the taxonomy of Quantus, Hedström et al., JMLR 2023). */
public enum Category { FIDELITY, SIMULABILITY, STABILITY }
