/**
 * The shared contract: {@link org.pellucid.core.model.Predictor} for anything that predicts,
 * {@link org.pellucid.core.model.InterpretableModel} for models that explain themselves,
 * {@link org.pellucid.core.model.Simulatable} and {@link org.pellucid.core.model.Complexity}.
 */
package org.pellucid.core.model;
