package org.pellucid.core.model;

import java.util.List;
import java.util.Optional;
import org.pellucid.core.encode.FeatureEncoder;

/**
 * A model that reads images through convolutions, so that explanations in image space — Grad-CAM
 * (Selvaraju et al., "Grad-CAM: Visual explanations from deep networks via gradient-based
 * localization", ICCV 2017) and activation maximisation (Erhan et al. 2009; Simonyan et al. 2014) —
 * can be computed for it. The encoded row is the image's pixels, slot by slot, row-major.
 *
 * <p>Its raw outputs are numbered: first the concept logits (for a concept model), then the class
 * logits; {@link #outputNames()} names them. A model family whose networks are convolutional only for
 * some data (a concept model has a CNN encoder on images, an MLP otherwise) offers this view through
 * {@link Has}; {@link #of} finds it.
 */
public interface ConvolutionalModel extends Predictor {

    /** A model that may have a convolutional view. */
    interface Has {
        /** The view, when this model's network reads images through convolutions. */
        Optional<ConvolutionalModel> convolutional();
    }

    /** The convolutional view of {@code p}, if it has one. */
    static Optional<ConvolutionalModel> of(Predictor p) {
        if (p instanceof ConvolutionalModel c) {
            return Optional.of(c);
        }
        return p instanceof Has h ? h.convolutional() : Optional.empty();
    }

    /** The encoder whose output is the network's input (for images: the pixels as loaded). */
    FeatureEncoder encoder();

    /** {slots, height, width}: the images one row holds (MNIST-addition: two 28 × 28 digits). */
    int[] imageShape();

    /** The raw outputs, in order: concept logits, then {@code logit(class)} for each class. */
    List<String> outputNames();

    /** The index in {@link #outputNames()} of class {@code classIndex}'s logit. */
    int classOutput(int classIndex);

    /**
     * The last convolutional layer's activations for one encoded row and the gradient of raw output
     * {@code output} with respect to them.
     */
    FeatureMaps featureMaps(double[] encodedRow, int output);

    /** For each encoded row: raw output {@code output} and its gradient with respect to the row. */
    Differentiable.Gradients outputGradients(double[][] encodedRows, int output);

    /**
     * Activations {@code A[s][k][i][j]} of slot s, channel k, at map cell (i, j), flattened in that
     * order, the gradient of the output with respect to each, and the output itself.
     */
    record FeatureMaps(int slots, int channels, int height, int width, double[] activations, double[] gradients,
                       double output) {
        public FeatureMaps {
            int n = slots * channels * height * width;
            if (activations.length != n || gradients.length != n) {
                throw new IllegalArgumentException("feature maps of " + slots + "×" + channels + "×" + height + "×" + width
                        + " need " + n + " values, got " + activations.length + " and " + gradients.length);
            }
        }

        public int index(int slot, int channel, int i, int j) {
            return ((slot * channels + channel) * height + i) * width + j;
        }
    }
}
