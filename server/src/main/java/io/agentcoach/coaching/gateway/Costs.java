package io.agentcoach.coaching.gateway;

import java.math.BigDecimal;
import java.math.RoundingMode;

import io.agentcoach.coaching.CoachingSettings.Price;

/** The cost of a call by the price table. */
final class Costs {

    private static final BigDecimal MILLION = BigDecimal.valueOf(1_000_000);

    private Costs() {
    }

    static BigDecimal of(Price price, int inputTokens, int outputTokens) {
        return price.inputPerMillion().multiply(BigDecimal.valueOf(inputTokens))
                .add(price.outputPerMillion().multiply(BigDecimal.valueOf(outputTokens)))
                .divide(MILLION, 6, RoundingMode.HALF_UP);
    }
}
