package io.agentcoach.platform.config;

import java.util.Locale;

import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.context.properties.bind.validation.BindValidationException;
import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.validation.FieldError;
import org.springframework.validation.ObjectError;

/**
 * Reports a wrong setting as one line that names the setting, its environment variable, the
 * value given and what is wrong with it, instead of a stack trace.
 */
class InvalidSettingFailureAnalyzer extends AbstractFailureAnalyzer<BindException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, BindException cause) {
        String property = cause.getName().toString();
        String reason = rootCauseMessage(cause);
        Object value = cause.getProperty() != null ? cause.getProperty().getValue() : null;
        if (cause.getCause() instanceof BindValidationException validation) {
            ObjectError first = validation.getValidationErrors().getAllErrors().getFirst();
            if (first instanceof FieldError field) {
                property = cause.getName().toString() + "." + toKebab(field.getField());
                value = field.getRejectedValue();
            }
            reason = first.getDefaultMessage();
        }
        String line = "Invalid setting " + property + " (environment variable " + envName(property) + ")"
                + (value != null ? " = '" + value + "'" : "") + ": " + reason;
        return new FailureAnalysis(line,
                "Fix " + envName(property) + " (or " + property + ") and start again; README.md lists every setting.",
                cause);
    }

    static String envName(String property) {
        return property.replace(".", "_").replace("-", "_").toUpperCase(Locale.ROOT);
    }

    private static String toKebab(String field) {
        return field.replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase(Locale.ROOT);
    }

    private static String rootCauseMessage(Throwable t) {
        Throwable root = t;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getMessage() != null ? root.getMessage() : root.getClass().getSimpleName();
    }
}
