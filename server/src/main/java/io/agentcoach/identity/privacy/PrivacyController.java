package io.agentcoach.identity.privacy;

import java.io.IOException;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import io.agentcoach.identity.ConsentPurpose;
import io.agentcoach.identity.CurrentUser;
import io.agentcoach.identity.CurrentUsers;
import io.agentcoach.identity.Scopes;
import io.agentcoach.platform.Problems;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * A person's privacy requests about themselves: download everything held about them, delete
 * their account, and give or withdraw consent to optional processing.
 */
@RestController
class PrivacyController {

    private final CurrentUsers users;
    private final PersonalDataExporter exporter;
    private final AccountDeletion deletion;
    private final ConsentRecords consents;

    PrivacyController(CurrentUsers users, PersonalDataExporter exporter, AccountDeletion deletion,
            ConsentRecords consents) {
        this.users = users;
        this.exporter = exporter;
        this.deletion = deletion;
        this.consents = consents;
    }

    /** The export as a JSON download, streamed as it is read. */
    @GetMapping("/api/me/export")
    void export(HttpServletResponse response) throws IOException {
        CurrentUser caller = users.require(Scopes.PROFILE);
        response.setContentType(MediaType.APPLICATION_JSON_VALUE);
        response.setCharacterEncoding("UTF-8");
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                .filename("agentcoach-export-" + LocalDate.now(ZoneOffset.UTC) + ".json").build().toString());
        response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
        exporter.export(caller, response.getOutputStream());
    }

    /**
     * @param mfaCode a TOTP or recovery code; required when the person has two-step sign-in
     */
    record DeleteAccount(@NotNull @Size(max = 1000) String password, @Size(max = 20) String mfaCode) {
    }

    @DeleteMapping("/api/me")
    ResponseEntity<Void> delete(@Valid @RequestBody DeleteAccount body) {
        CurrentUser caller = users.require(Scopes.PROFILE);
        deletion.delete(caller, body.password(), body.mfaCode());
        return ResponseEntity.noContent().build();
    }

    @GetMapping("/api/me/consents")
    List<ConsentRecords.Consent> consents() {
        return consents.of(users.require(Scopes.PROFILE).userId());
    }

    /**
     * @param wordingVersion the version of the wording the person was shown; required when granting
     */
    record ConsentChange(@NotBlank @Size(max = 100) String purpose, @NotNull Boolean granted, Integer wordingVersion) {
    }

    @PutMapping("/api/me/consents")
    List<ConsentRecords.Consent> change(@Valid @RequestBody ConsentChange body) {
        CurrentUser caller = users.require(Scopes.PROFILE);
        ConsentPurpose purpose = ConsentPurpose.byId(body.purpose()).orElseThrow(() -> Problems.of(
                HttpStatus.BAD_REQUEST, "validation-failed", "Validation failed", "Some fields are not valid: purpose.",
                Map.of("errors", List.of(Map.of("field", "purpose", "message", "must be one of "
                        + Arrays.stream(ConsentPurpose.values()).map(ConsentPurpose::id).toList())))));
        if (body.granted() && !Integer.valueOf(purpose.version()).equals(body.wordingVersion())) {
            throw Problems.of(HttpStatus.CONFLICT, "consent-wording-changed", "Consent wording changed",
                    "Consent can only be given to the current wording (version " + purpose.version()
                            + "); show it and send its version as wordingVersion.",
                    Map.of("currentWordingVersion", purpose.version()));
        }
        consents.record(caller.userId(), purpose, body.granted());
        return consents.of(caller.userId());
    }
}
