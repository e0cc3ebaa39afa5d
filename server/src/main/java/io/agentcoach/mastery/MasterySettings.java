package io.agentcoach.mastery;

import java.time.Duration;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Settings of the mastery module.
 *
 * @param model the knowledge-tracing model used online: {@code lr} (logistic), {@code gbt} (boosted
 *     trees stacked on the logistic model; mastery and the path's reasons stay the logistic
 *     model's) or {@code bkt}
 * @param minAttemptsToFit logged answers needed before models are fitted from them; until then
 *     BKT with textbook parameters is used
 * @param refitInterval how often the models are refitted from the logged answers
 */
@Validated
@ConfigurationProperties("agentcoach.mastery")
public record MasterySettings(
        @NotNull @Pattern(regexp = "lr|gbt|bkt") @DefaultValue("lr") String model,
        @Min(1) @DefaultValue("500") int minAttemptsToFit,
        @NotNull @DefaultValue("6h") Duration refitInterval) {
}
