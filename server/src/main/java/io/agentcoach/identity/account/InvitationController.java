package io.agentcoach.identity.account;

import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Inviting people into an organization and accepting an invitation. */
@RestController
class InvitationController {

    private final Invitations invitations;

    InvitationController(Invitations invitations) {
        this.invitations = invitations;
    }

    @PostMapping("/api/organizations/{organizationId}/invitations")
    @ResponseStatus(HttpStatus.CREATED)
    Invitations.Invitation invite(@PathVariable UUID organizationId, @Valid @RequestBody NewInvitation request) {
        return invitations.invite(organizationId, request.email(), request.role());
    }

    @PostMapping("/api/invitations/accept")
    Invitations.Accepted accept(@Valid @RequestBody Acceptance request) {
        return invitations.accept(request.token());
    }

    record NewInvitation(@NotBlank @Size(max = EmailAddresses.MAX_LENGTH) String email,
            @NotBlank @Size(max = 20) String role) {
    }

    record Acceptance(@NotBlank @Size(max = 100) String token) {
    }
}
