package io.agentcoach.platform;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import org.springframework.util.unit.DataSize;

/**
 * Bounds a {@link DataSize} setting; {@code min} and {@code max} use the same notation as the
 * setting itself ("1KB", "16MB").
 */
@Documented
@Constraint(validatedBy = DataSizeRange.Validator.class)
@Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT})
@Retention(RetentionPolicy.RUNTIME)
public @interface DataSizeRange {

    String min() default "0B";

    String max() default "8EB";

    String message() default "must be between {min} and {max}";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    final class Validator implements ConstraintValidator<DataSizeRange, DataSize> {
        private DataSize min;
        private DataSize max;

        @Override
        public void initialize(DataSizeRange range) {
            this.min = DataSize.parse(range.min());
            this.max = DataSize.parse(range.max());
        }

        @Override
        public boolean isValid(DataSize value, ConstraintValidatorContext context) {
            return value == null || (value.compareTo(min) >= 0 && value.compareTo(max) <= 0);
        }
    }
}
