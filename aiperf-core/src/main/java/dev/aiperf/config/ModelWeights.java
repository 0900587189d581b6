package dev.aiperf.config;

import java.util.ArrayList;
import java.util.List;

/**
 * The models of {@code --model-selection-strategy weighted}: each {@code --model} is {@code name:weight} (the weight
 * after the last colon, so {@code llama3:8b:0.5} is the model {@code llama3:8b}), and the weights sum to 1 within
 * 0.01, as the original requires of its weighted model list.
 *
 * @param names   the model names, weights removed
 * @param weights one weight per name
 * @param problem what is wrong, or null
 */
record ModelWeights(List<String> names, List<Double> weights, String problem) {

    static ModelWeights parse(List<String> models) {
        List<String> names = new ArrayList<>();
        List<Double> weights = new ArrayList<>();
        List<String> unweighted = new ArrayList<>();
        for (String model : models) {
            int colon = model.lastIndexOf(':');
            Double weight = colon < 0 ? null : number(model.substring(colon + 1));
            if (weight == null || weight < 0) {
                unweighted.add(model);
                names.add(model);
                weights.add(0.0);
            } else {
                names.add(model.substring(0, colon));
                weights.add(weight);
            }
        }
        if (!unweighted.isEmpty()) {
            return new ModelWeights(names, weights, "All models must have weights specified when using weighted"
                    + " strategy: give each as --model name:weight (weights summing to 1.0), e.g. --model a:0.7"
                    + " --model b:0.3; without a weight: " + String.join(", ", unweighted));
        }
        double total = weights.stream().mapToDouble(Double::doubleValue).sum();
        if (total < 0.99 || total > 1.01) {
            return new ModelWeights(names, weights, "Model weights must sum to 1.0, got " + total
                    + " (--model-selection-strategy weighted)");
        }
        return new ModelWeights(names, weights, null);
    }

    private static Double number(String text) {
        try {
            double value = Double.parseDouble(text.strip());
            return Double.isFinite(value) ? value : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
