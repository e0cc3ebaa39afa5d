package io.agentcoach.identity.mfa;

import java.util.List;

import io.agentcoach.identity.CurrentUsers;
import io.agentcoach.identity.Scopes;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** The caller's own second factor: enrol a TOTP authenticator, renew recovery codes, turn it off. */
@RestController
@RequestMapping("/api/me/mfa")
class MfaController {

    private final SecondFactors factors;
    private final CurrentUsers users;

    MfaController(SecondFactors factors, CurrentUsers users) {
        this.factors = factors;
        this.users = users;
    }

    @PostMapping("/totp")
    @ResponseStatus(HttpStatus.CREATED)
    SecondFactors.Enrolment start() {
        return factors.start(users.require(Scopes.PROFILE));
    }

    @PostMapping("/totp/confirm")
    RecoveryCodes confirm(@Valid @RequestBody Code request) {
        return new RecoveryCodes(factors.confirm(users.require(Scopes.PROFILE), request.code()));
    }

    @PostMapping("/recovery-codes")
    RecoveryCodes regenerate(@Valid @RequestBody Code request) {
        return new RecoveryCodes(factors.regenerateRecoveryCodes(users.require(Scopes.PROFILE), request.code()));
    }

    @DeleteMapping
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void disable(@Valid @RequestBody Code request) {
        factors.disable(users.require(Scopes.PROFILE), request.code());
    }

    /** A TOTP code (six digits) or, where accepted, a recovery code ({@code xxxx-xxxx}). */
    record Code(@NotBlank @Size(max = 20) String code) {
    }

    record RecoveryCodes(List<String> recoveryCodes) {
    }
}
