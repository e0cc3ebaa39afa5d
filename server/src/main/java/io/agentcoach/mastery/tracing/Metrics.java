package io.agentcoach.mastery.tracing;

import java.util.Arrays;

/**
 * Scores of predicted probabilities against outcomes.
 *
 * @param auc area under the ROC curve (ties count half)
 * @param rmse root mean squared error of the probabilities
 * @param accuracy share of outcomes on the right side of 0.5
 * @param count number of scored outcomes
 */
public record Metrics(double auc, double rmse, double accuracy, int count) {

    public static Metrics of(double[] predictions, boolean[] outcomes, int count) {
        if (count == 0) {
            return new Metrics(Double.NaN, Double.NaN, Double.NaN, 0);
        }
        double squared = 0;
        int right = 0;
        int positives = 0;
        Integer[] order = new Integer[count];
        for (int i = 0; i < count; i++) {
            double error = predictions[i] - (outcomes[i] ? 1 : 0);
            squared += error * error;
            right += (predictions[i] >= 0.5) == outcomes[i] ? 1 : 0;
            positives += outcomes[i] ? 1 : 0;
            order[i] = i;
        }
        Arrays.sort(order, (a, b) -> Double.compare(predictions[a], predictions[b]));
        // Sum of the ranks of the positives, with tied predictions sharing their mean rank.
        double rankSum = 0;
        int i = 0;
        while (i < count) {
            int j = i;
            while (j + 1 < count && predictions[order[j + 1]] == predictions[order[i]]) {
                j++;
            }
            double meanRank = (i + j) / 2.0 + 1;
            for (int k = i; k <= j; k++) {
                rankSum += outcomes[order[k]] ? meanRank : 0;
            }
            i = j + 1;
        }
        int negatives = count - positives;
        double auc = positives == 0 || negatives == 0 ? Double.NaN
                : (rankSum - (double) positives * (positives + 1) / 2.0) / ((double) positives * negatives);
        return new Metrics(auc, Math.sqrt(squared / count), (double) right / count, count);
    }
}
